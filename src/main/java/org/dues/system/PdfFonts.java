package org.dues.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;

import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.LayoutProcessor;

/**
 * The fonts a printed document (a letter, a receipt) is set in, embedded in every PDF:
 * Noto Sans for Latin text and digits, Noto Sans Devanagari for Hindi, Noto Sans
 * Malayalam for Malayalam (under the SIL Open Font License, shipped in
 * {@code src/main/resources/fonts}). Text is cut into runs of one script, each set in its
 * font, so that a Devanagari or Malayalam word is shaped as a whole: OpenPDF's
 * {@link LayoutProcessor} hands each run to Java's font layout (HarfBuzz inside the JDK),
 * which forms the conjuncts, reorders the vowel signs and places the reph, and the PDF
 * carries the shaped glyphs.
 */
public final class PdfFonts {

	static {
		// Global to OpenPDF; must precede the creation of the fonts it shapes with.
		LayoutProcessor.enableKernLiga();
	}

	private static final BaseFont LATIN = load("NotoSans-Regular");

	private static final BaseFont LATIN_BOLD = load("NotoSans-Bold");

	private static final BaseFont DEVANAGARI = load("NotoSansDevanagari-Regular");

	private static final BaseFont DEVANAGARI_BOLD = load("NotoSansDevanagari-Bold");

	private static final BaseFont MALAYALAM = load("NotoSansMalayalam-Regular");

	private static final BaseFont MALAYALAM_BOLD = load("NotoSansMalayalam-Bold");

	private PdfFonts() {
	}

	private static BaseFont load(String name) {
		try {
			return BaseFont.createFont("fonts/" + name + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF font " + name + " is missing", ex);
		}
	}

	/** The Latin font, for text that needs no other script. */
	public static BaseFont latin() {
		return LATIN;
	}

	/**
	 * The text as a phrase whose every run of one script is set in that script's font.
	 */
	public static Phrase phrase(String text, float size, boolean bold) {
		Phrase phrase = new Phrase();
		// The phrase's own font sets the line's height and any line end: never Helvetica.
		phrase.setFont(new Font(bold ? LATIN_BOLD : LATIN, size));
		StringBuilder run = new StringBuilder();
		BaseFont current = null;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			BaseFont font = fontOf(codePoint, current, bold);
			if (current != null && font != current) {
				phrase.add(new Chunk(run.toString(), new Font(current, size)));
				run.setLength(0);
			}
			current = font;
			run.appendCodePoint(codePoint);
			i += Character.charCount(codePoint);
		}
		if (current != null) {
			phrase.add(new Chunk(run.toString(), new Font(current, size)));
		}
		return phrase;
	}

	/**
	 * The font of a character: its script's; a character common to scripts (a space, a
	 * digit, a danda, a zero-width joiner) stays in the run it follows when that font has
	 * it, so a word and its joiners are shaped together.
	 */
	private static BaseFont fontOf(int codePoint, BaseFont current, boolean bold) {
		UnicodeScript script = UnicodeScript.of(codePoint);
		return switch (script) {
			case DEVANAGARI -> bold ? DEVANAGARI_BOLD : DEVANAGARI;
			case MALAYALAM -> bold ? MALAYALAM_BOLD : MALAYALAM;
			case COMMON, INHERITED ->
				(current != null && current.charExists(codePoint)) ? current : (bold ? LATIN_BOLD : LATIN);
			default -> bold ? LATIN_BOLD : LATIN;
		};
	}

}
