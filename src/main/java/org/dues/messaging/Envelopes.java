package org.dues.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.messaging.provider.Outgoing;
import org.dues.messaging.provider.UnsubscribeLinks;
import org.dues.portfolio.CreditorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a provider needs besides the text: an Indian SMS's DLT registration (the
 * template's, its entity and header else the creditor's), a WhatsApp template's approved
 * name, language and parameters, an email's one-click unsubscribe link.
 */
@Component
class Envelopes {

	private final JdbcClient jdbc;

	private final Templates templates;

	private final UnsubscribeLinks unsubscribes;

	private final java.util.Map<String, TemplateView> versions = new java.util.concurrent.ConcurrentHashMap<>();

	Envelopes(JdbcClient jdbc, Templates templates, UnsubscribeLinks unsubscribes) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.unsubscribes = unsubscribes;
	}

	/**
	 * A template's version, kept: a saved version never changes (a change is a new
	 * version), and a batch of reminders shares a handful.
	 */
	private TemplateView version(UUID templateId, int version) {
		if (this.versions.size() > 1_000) {
			this.versions.clear();
		}
		return this.versions.computeIfAbsent(templateId + "/" + version,
				(k) -> this.templates.version(templateId, version));
	}

	Outgoing of(UUID id, Channel channel, String to, CreditorId creditor, @Nullable UUID templateId,
			@Nullable Integer version, @Nullable String subject, String body, String language,
			List<String> parameters) {
		TemplateView template = (templateId == null || version == null) ? null : version(templateId, version);
		Outgoing.Dlt dlt = null;
		Outgoing.WhatsAppTemplate whatsApp = null;
		String unsubscribe = null;
		if (channel == Channel.SMS && template != null && template.dltTemplateId() != null) {
			Optional<String[]> settings = this.jdbc
				.sql("SELECT dlt_entity_id, dlt_header FROM messaging_creditor_settings WHERE creditor_id = :c")
				.param("c", creditor.value())
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.optional();
			String entity = (template.dltEntityId() != null) ? template.dltEntityId()
					: settings.map((s) -> s[0]).orElse(null);
			String header = (template.dltHeader() != null) ? template.dltHeader()
					: settings.map((s) -> s[1]).orElse(null);
			if (entity != null && header != null) {
				dlt = new Outgoing.Dlt(entity, header, template.dltTemplateId());
			}
		}
		if (channel == Channel.WHATSAPP && template != null && template.whatsAppName() != null) {
			whatsApp = new Outgoing.WhatsAppTemplate(template.whatsAppName(),
					String.valueOf(template.whatsAppLanguage()), parameters);
		}
		if (channel == Channel.EMAIL) {
			unsubscribe = this.unsubscribes.url(to);
		}
		return new Outgoing(id, channel, to, subject, body, language, dlt, whatsApp, unsubscribe, null);
	}

}
