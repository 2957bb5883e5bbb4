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
 * @param attachment a document that goes with it: a letter's PDF, which the print batch
 * prints, or an email's attachment (the validation notice)
 */
public record Outgoing(UUID messageId, Channel channel, String to, @Nullable String subject, String body,
		String language, @Nullable Dlt dlt, @Nullable WhatsAppTemplate whatsApp, @Nullable String unsubscribeUrl,
		@Nullable Attachment attachment) {

	/** The attached PDF, if the attachment is one. */
	public byte @Nullable [] pdf() {
		return (this.attachment != null && Attachment.PDF.equals(this.attachment.contentType()))
				? this.attachment.content() : null;
	}

	/**
	 * A document sent with the message.
	 *
	 * @param fileName as the reader sees it, {@code validation-notice.pdf}
	 */
	public record Attachment(String fileName, String contentType, byte[] content) {

		public static final String PDF = "application/pdf";

		/** A PDF under that name. */
		public static Attachment pdf(String fileName, byte[] content) {
			return new Attachment(fileName, PDF, content);
		}

	}

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
