package org.dues.messaging.provider;

/**
 * The GSM 03.38 default alphabet and its extension table: a text made only of these goes
 * as plain 7-bit SMS; any other character (Devanagari, Malayalam…) needs UCS-2.
 */
final class Gsm7 {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "^{}\\[~]|€\f";

	private Gsm7() {
	}

	static boolean encodes(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

}
