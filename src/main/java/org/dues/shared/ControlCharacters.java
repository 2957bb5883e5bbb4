package org.dues.shared;

/**
 * Characters that no text in Dues may hold: NUL and the other C0 controls, DEL and the C1
 * controls. Multi-line text (a note, a description) may still hold tab, carriage return
 * and line feed; a single-line value (a name, a code, a query parameter) may not.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * The index of the first character not allowed in {@code text}, or -1 when there is
	 * none.
	 * @param multiLine whether tab, CR and LF are allowed
	 */
	public static int firstIn(CharSequence text, boolean multiLine) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (refused(c) && !(multiLine && (c == '\t' || c == '\r' || c == '\n'))) {
				return i;
			}
		}
		return -1;
	}

	/** Whether {@code text} holds no character that is refused in multi-line text. */
	public static boolean absentFrom(CharSequence text) {
		return firstIn(text, true) < 0;
	}

	/** What to tell the sender, naming the character as a code point. */
	public static String describe(CharSequence text, int index) {
		return "must not contain control characters (U+%04X at position %d)".formatted((int) text.charAt(index),
				index + 1);
	}

	private static boolean refused(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F);
	}

}
