package org.dues.messaging;

/**
 * How many parts an SMS is sent in: GSM-7 (160 characters, 153 a part when concatenated;
 * the extension characters take two) when every character is in the GSM 03.38 alphabet,
 * else UCS-2 (70 UTF-16 units, 67 a part), as Hindi and Malayalam always are.
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units characters counted in the encoding's units
 */
public record SmsSegments(String encoding, int units, int segments) {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENDED = "^{}\\[~]|€\f";

	/** Counts the parts of a text. */
	public static SmsSegments of(String text) {
		int gsm = 0;
		boolean unicode = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) >= 0) {
				gsm++;
			}
			else if (EXTENDED.indexOf(c) >= 0) {
				gsm += 2;
			}
			else {
				unicode = true;
				break;
			}
		}
		if (unicode) {
			int units = text.length();
			return new SmsSegments("UCS-2", units, (units <= 70) ? 1 : (units + 66) / 67);
		}
		return new SmsSegments("GSM-7", gsm, (gsm <= 160) ? 1 : (gsm + 152) / 153);
	}

}
