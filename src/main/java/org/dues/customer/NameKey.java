package org.dues.customer;

import java.util.Locale;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * A name as a plain Latin key, so that a name is found whatever script it was written or
 * typed in: ശ്രീജ (Malayalam), श्रीजा (Devanagari) and "Sreeja" all become {@code srija}.
 * The name is transliterated to Latin (ICU), its diacritics dropped and lower-cased, and
 * then spelled the one way Indian names are most often spelled several ways: doubled
 * letters single ({@code aa}, {@code ll}, {@code pp}), {@code ee} as {@code i},
 * {@code oo} as {@code u}, no {@code h} after a consonant (aspirates and {@code sh}:
 * {@code bh} as {@code b}, {@code sh} as {@code s}), {@code w} as {@code v}. Anything but
 * letters and spaces is dropped. Customers store the key of their name; a search takes
 * the key of what was typed and looks for it inside the stored keys.
 */
public final class NameKey {

	/**
	 * ICU's Malayalam transliteration splits the two-part vowel signs (ോ reads "ēā") and
	 * leaves the chillu letters (ൻ, ർ, ൽ) as they are; Devanagari's is complete, and the
	 * two blocks are laid out alike (both follow ISCII), so Malayalam goes through
	 * Devanagari first.
	 */
	private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

	private NameKey() {
	}

	/** The key of a name or of search text; empty when nothing of it is a letter. */
	public static String of(String text) {
		String latin;
		synchronized (TO_LATIN) {
			latin = TO_LATIN.transliterate(malayalamAsDevanagari(NFC.normalize(text)));
		}
		return spelled(latin);
	}

	/** The one spelling of a Latin name, lower case, without diacritics. */
	static String spelled(String latin) {
		String s = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z\\s]+", "").replaceAll("\\s+", " ").strip();
		s = s.replace("ee", "i").replace("oo", "u").replace('w', 'v');
		s = s.replaceAll("([b-df-gj-np-tv-z])h", "$1");
		return s.replaceAll("([a-z])\\1+", "$1");
	}

	static String malayalamAsDevanagari(String text) {
		StringBuilder out = new StringBuilder(text.length() + 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				// the au length mark, written alone for au
				case '\u0D57' -> out.append('\u094C');
				// chillu letters: the consonant without its vowel
				case '\u0D7A' -> out.append("\u0923\u094D");
				case '\u0D7B' -> out.append("\u0928\u094D");
				case '\u0D7C' -> out.append("\u0930\u094D");
				case '\u0D7D' -> out.append("\u0932\u094D");
				case '\u0D7E' -> out.append("\u0933\u094D");
				case '\u0D7F' -> out.append("\u0915\u094D");
				default -> out.append((c >= '\u0D00' && c <= '\u0D7F') ? (char) (c - 0x400) : c);
			}
		}
		return out.toString();
	}

}
