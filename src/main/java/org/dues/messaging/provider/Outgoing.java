package org.dues.messaging.provider;

import java.util.List;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A message as a provider needs it.
 *
 * @param messageId our id: the idempotency key where the provider takes one, and the
 * reference its reports carry back where it can
 * @param to the canonical address
 * @param subject an email's subject or a letter's title
 * @param body the rendered text (for email, plain text)
 * @param language ISO 639-1
 * @param dlt the Indian DLT registration every Indian SMS carries
 * @param whatsApp the approved WhatsApp template and its parameters, for a template
 * message (outside the 24-hour window)
 * @param unsubscribeUrl the one-click unsubscribe URL (RFC 8058) of an email
 * @param pdf a letter's PDF
 */
public record Outgoing(UUID messageId, Channel channel, String to, @Nullable String subject, String body,
		String language, @Nullable Dlt dlt, @Nullable WhatsAppTemplate whatsApp, @Nullable String unsubscribeUrl,
		byte @Nullable [] pdf) {

	/**
	 * An Indian SMS's DLT registration: the principal entity, the header, the template.
	 */
	public record Dlt(String entityId, String header, String templateId) {
	}

	/**
	 * A WhatsApp template approved by Meta: its name, language code and body parameters.
	 */
	public record WhatsAppTemplate(String name, String languageCode, List<String> parameters) {
	}

}
