package org.dues.messaging;

import java.time.Instant;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.CreditorId;
import org.jspecify.annotations.Nullable;

/**
 * One version of a template.
 *
 * @param creditorId the creditor it belongs to, or null for every creditor
 * @param version this version; {@code current} says whether it is the newest
 */
public record TemplateView(UUID id, String code, Channel channel, String language, MessagePurpose purpose,
		@Nullable CreditorId creditorId, int version, boolean current, @Nullable String subject, String body,
		@Nullable String dltEntityId, @Nullable String dltHeader, @Nullable String dltTemplateId,
		@Nullable String whatsAppName, @Nullable String whatsAppLanguage, Instant createdAt, String createdBy) {

	/** The parts an SMS of this template takes with its variables at their longest. */
	public SmsSegments segments() {
		return SmsSegments.of(TemplateVariables.fill(this.body, TemplateVariables.LONGEST));
	}

}
