package org.dues.messaging.web;

import java.time.Instant;
import java.util.UUID;

import org.dues.messaging.SmsSegments;
import org.dues.messaging.TemplateView;
import org.jspecify.annotations.Nullable;

/**
 * A template as the API shows it; an SMS's parts counted with its variables at their
 * longest.
 */
record TemplateJson(UUID id, String code, String channel, String language, String purpose, @Nullable UUID creditorId,
		int version, boolean current, @Nullable String subject, String body, @Nullable String dltEntityId,
		@Nullable String dltHeader, @Nullable String dltTemplateId, @Nullable String whatsAppName,
		@Nullable String whatsAppLanguage, @Nullable Segments segments, Instant createdAt, String createdBy) {

	static TemplateJson of(TemplateView t) {
		SmsSegments s = (t.channel() == org.dues.compliance.Channel.SMS) ? t.segments() : null;
		return new TemplateJson(t.id(), t.code(), t.channel().name(), t.language(), t.purpose().name(),
				(t.creditorId() == null) ? null : t.creditorId().value(), t.version(), t.current(), t.subject(),
				t.body(), t.dltEntityId(), t.dltHeader(), t.dltTemplateId(), t.whatsAppName(), t.whatsAppLanguage(),
				(s == null) ? null : new Segments(s.encoding(), s.units(), s.segments()), t.createdAt(), t.createdBy());
	}

	record Segments(String encoding, int characters, int parts) {
	}

}
