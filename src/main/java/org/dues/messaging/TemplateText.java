package org.dues.messaging;

import org.jspecify.annotations.Nullable;

/**
 * What a version of a template says, and what its provider needs to accept it.
 *
 * @param dltEntityId the Indian DLT principal entity (else the creditor's)
 * @param dltHeader the Indian DLT header, the sender id (else the creditor's)
 * @param dltTemplateId the template's Indian DLT registration (19 digits)
 * @param whatsAppName the name Meta approved the WhatsApp template under
 * @param whatsAppLanguage its language code ({@code en}, {@code hi}, {@code ml},
 * {@code en_US}…)
 */
public record TemplateText(@Nullable String subject, String body, @Nullable String dltEntityId,
		@Nullable String dltHeader, @Nullable String dltTemplateId, @Nullable String whatsAppName,
		@Nullable String whatsAppLanguage) {

	public static TemplateText of(@Nullable String subject, String body) {
		return new TemplateText(subject, body, null, null, null, null, null);
	}

}
