package org.dues.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message templates per code, channel, language and creditor (or every creditor), each
 * change a new version. Saving checks what a provider would refuse: a variable outside
 * the documented set, an email or letter without a subject, an SMS longer than
 * {@value #MOST_SEGMENTS} parts with its variables at their longest, an SMS for Indian
 * numbers without its DLT registration, a WhatsApp template without its approved name and
 * language code.
 */
@Service
public class Templates {

	/** The most parts an SMS template may take. */
	public static final int MOST_SEGMENTS = 6;

	private static final String SELECT = """
			SELECT t.id, t.code, t.channel, t.language, t.purpose, t.creditor_id, t.current_version, v.version,
			       v.subject, v.body, v.dlt_entity_id, v.dlt_header, v.dlt_template_id, v.whatsapp_name,
			       v.whatsapp_language, v.created_at, v.created_by
			FROM messaging_templates t JOIN messaging_template_versions v ON v.template_id = t.id""";

	private final JdbcClient jdbc;

	private final Creditors creditors;

	private final Clock clock;

	Templates(JdbcClient jdbc, Creditors creditors, Clock clock) {
		this.jdbc = jdbc;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * A new template, version 1.
	 * @throws InvalidInputException naming what a provider would refuse
	 * @throws ConflictException when the code, channel, language and creditor exist
	 */
	@Transactional
	public TemplateView create(String code, Channel channel, String language, MessagePurpose purpose,
			@Nullable CreditorId creditor, TemplateText text, String actor) {
		String cleanCode = code.strip().toLowerCase(Locale.ROOT);
		if (!cleanCode.matches("[a-z0-9][a-z0-9-]{0,62}")) {
			throw new InvalidInputException("code", "use lower-case letters, digits and hyphens, as payment-link",
					Phrase.of("validation.template.code"));
		}
		if (purpose == MessagePurpose.REPLY) {
			throw new InvalidInputException("purpose", "a reply is the agent's own text, not a template",
					Phrase.of("validation.template.reply"));
		}
		String lang = language.strip().toLowerCase(Locale.ROOT);
		if (!lang.matches("[a-z]{2}")) {
			throw new InvalidInputException("language", "an ISO 639-1 code such as en, hi or ml",
					Phrase.of("validation.template.language"));
		}
		if (channel != Channel.SMS && channel != Channel.EMAIL && channel != Channel.WHATSAPP
				&& channel != Channel.LETTER) {
			throw new InvalidInputException("channel", "templates are for SMS, EMAIL, WHATSAPP or LETTER",
					Phrase.of("validation.template.channel"));
		}
		CreditorView owner = (creditor == null) ? null : this.creditors.get(creditor);
		check(channel, owner, text);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		try {
			this.jdbc.sql("""
					INSERT INTO messaging_templates (id, code, channel, language, purpose, creditor_id, current_version,
					    created_at, created_by)
					VALUES (:id, :code, :channel, :language, :purpose, :creditor, 1, :now, :actor)""")
				.param("id", id)
				.param("code", cleanCode)
				.param("channel", channel.name())
				.param("language", lang)
				.param("purpose", purpose.name())
				.param("creditor", (creditor == null) ? null : creditor.value())
				.param("now", Timestamp.from(now))
				.param("actor", actor)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A template %s for %s in %s exists already; change it to make a new version"
				.formatted(cleanCode, channel, lang));
		}
		insertVersion(id, 1, text, now, actor, null);
		return get(id);
	}

	/**
	 * A new version of a template.
	 * @param expected the version the editor started from, or null for any
	 */
	@Transactional
	public TemplateView revise(UUID id, TemplateText text, @Nullable Integer expected, String actor,
			@Nullable String reason) {
		TemplateView current = this.jdbc.sql(SELECT + " WHERE t.id = :id AND v.version = t.current_version FOR UPDATE")
			.param("id", id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("template", id));
		if (expected != null && expected != current.version()) {
			throw new ConflictException(
					"The template changed meanwhile: version %d is now current".formatted(current.version()));
		}
		CreditorView owner = (current.creditorId() == null) ? null : this.creditors.get(current.creditorId());
		check(current.channel(), owner, text);
		int version = current.version() + 1;
		Instant now = this.clock.instant();
		insertVersion(id, version, text, now, actor, reason);
		this.jdbc.sql("UPDATE messaging_templates SET current_version = :v WHERE id = :id")
			.param("v", version)
			.param("id", id)
			.update();
		return get(id);
	}

	/** The current version of a template. */
	public TemplateView get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id AND v.version = t.current_version")
			.param("id", id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("template", id));
	}

	/** One version of a template, as a message used it. */
	public TemplateView version(UUID id, int version) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id AND v.version = :v")
			.param("id", id)
			.param("v", version)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("template version", id + "/" + version));
	}

	/** Every version of a template, newest first. */
	public List<TemplateView> versions(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id ORDER BY v.version DESC")
			.param("id", id)
			.query(this::view)
			.list();
	}

	/**
	 * The current templates, filtered by what is given.
	 */
	public List<TemplateView> list(@Nullable Channel channel, @Nullable String language, @Nullable String code,
			@Nullable CreditorId creditor) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE v.version = t.current_version");
		List<Object> args = new ArrayList<>();
		if (channel != null) {
			sql.append(" AND t.channel = ?");
			args.add(channel.name());
		}
		if (language != null) {
			sql.append(" AND t.language = ?");
			args.add(language);
		}
		if (code != null) {
			sql.append(" AND t.code = ?");
			args.add(code);
		}
		if (creditor != null) {
			sql.append(" AND (t.creditor_id = ? OR t.creditor_id IS NULL)");
			args.add(creditor.value());
		}
		sql.append(" ORDER BY t.code, t.channel, t.language, t.creditor_id NULLS FIRST");
		return this.jdbc.sql(sql.toString()).params(args).query(this::view).list();
	}

	/**
	 * The template a message to this creditor's customer uses: the creditor's own, else
	 * the one for every creditor; in the language asked, else in English.
	 */
	public Optional<TemplateView> resolve(String code, Channel channel, String language, CreditorId creditor) {
		return this.jdbc.sql(SELECT + """
				 WHERE v.version = t.current_version AND t.code = :code AND t.channel = :channel
				   AND t.language IN (:language, 'en') AND (t.creditor_id = :creditor OR t.creditor_id IS NULL)
				ORDER BY (t.language = :language) DESC, (t.creditor_id IS NOT NULL) DESC LIMIT 1""")
			.param("code", code)
			.param("channel", channel.name())
			.param("language", language)
			.param("creditor", creditor.value())
			.query(this::view)
			.optional();
	}

	/** Whether any template exists (the seeds are loaded once, into an empty table). */
	boolean any() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM messaging_templates)").query(Boolean.class).single();
	}

	private void check(Channel channel, @Nullable CreditorView owner, TemplateText text) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (text.body() == null || text.body().isBlank()) {
			errors.add(error("body", "a template needs a body", Phrase.of("validation.template.body")));
		}
		else {
			List<String> unknown = TemplateVariables.unknown(text.body());
			if (text.subject() != null) {
				unknown = new ArrayList<>(unknown);
				unknown.addAll(TemplateVariables.unknown(text.subject()));
			}
			if (!unknown.isEmpty()) {
				errors.add(error("body",
						"unknown variable %s; the variables are %s".formatted(
								String.join(", ", unknown.stream().map((u) -> "{{" + u + "}}").toList()),
								String.join(", ", TemplateVariables.KNOWN.keySet().stream().sorted().toList())),
						Phrase.of("validation.template.variable", String.join(", ", unknown))));
			}
		}
		if ((channel == Channel.EMAIL || channel == Channel.LETTER) && blank(text.subject())) {
			errors.add(
					error("subject", "an email or a letter needs a subject", Phrase.of("validation.template.subject")));
		}
		if (channel == Channel.SMS && text.body() != null && !text.body().isBlank()) {
			SmsSegments segments = SmsSegments.of(TemplateVariables.fill(text.body(), TemplateVariables.LONGEST));
			if (segments.segments() > MOST_SEGMENTS) {
				errors.add(error("body",
						"too long for an SMS: %d parts in %s with its variables at their longest, at most %d"
							.formatted(segments.segments(), segments.encoding(), MOST_SEGMENTS),
						Phrase.of("validation.template.segments", segments.segments(), segments.encoding(),
								MOST_SEGMENTS)));
			}
			boolean indian = owner == null || "IN".equals(owner.country());
			if (indian && (blank(text.dltTemplateId()) || !text.dltTemplateId().strip().matches("[0-9]{19}"))) {
				errors.add(error("dltTemplateId", "an SMS to Indian numbers carries its DLT template id (19 digits)",
						Phrase.of("validation.template.dlt")));
			}
			if (text.dltEntityId() != null && !text.dltEntityId().isBlank()
					&& !text.dltEntityId().strip().matches("[0-9]{19}")) {
				errors.add(error("dltEntityId", "a DLT entity id is 19 digits",
						Phrase.of("validation.template.dltEntity")));
			}
			if (text.dltHeader() != null && !text.dltHeader().isBlank()
					&& !text.dltHeader().strip().matches("[A-Z]{6}|[0-9]{5,6}")) {
				errors.add(error("dltHeader", "a DLT header is six capital letters, or 5-6 digits",
						Phrase.of("validation.template.dltHeader")));
			}
		}
		if (channel == Channel.WHATSAPP) {
			if (blank(text.whatsAppName()) || !text.whatsAppName().strip().matches("[a-z0-9_]{1,512}")) {
				errors.add(error("whatsAppName",
						"the name Meta approved the template under: lower-case letters, digits and underscores",
						Phrase.of("validation.template.whatsappName")));
			}
			if (blank(text.whatsAppLanguage()) || !text.whatsAppLanguage().strip().matches("[a-z]{2,3}(_[A-Z]{2})?")) {
				errors.add(error("whatsAppLanguage", "the approved template's language code, as en, hi, ml or en_US",
						Phrase.of("validation.template.whatsappLanguage")));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static InvalidInputException.FieldError error(String field, String message, Phrase phrase) {
		return new InvalidInputException.FieldError(field, message, phrase);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private void insertVersion(UUID id, int version, TemplateText text, Instant now, String actor,
			@Nullable String reason) {
		this.jdbc.sql("""
				INSERT INTO messaging_template_versions (template_id, version, subject, body, dlt_entity_id, dlt_header,
				    dlt_template_id, whatsapp_name, whatsapp_language, created_at, created_by, reason)
				VALUES (:id, :version, :subject, :body, :entity, :header, :dlt, :wa, :walang, :now, :actor, :reason)""")
			.param("id", id)
			.param("version", version)
			.param("subject", strip(text.subject()))
			.param("body", text.body().strip())
			.param("entity", strip(text.dltEntityId()))
			.param("header", strip(text.dltHeader()))
			.param("dlt", strip(text.dltTemplateId()))
			.param("wa", strip(text.whatsAppName()))
			.param("walang", strip(text.whatsAppLanguage()))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("reason", strip(reason))
			.update();
	}

	private static @Nullable String strip(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private TemplateView view(ResultSet rs, int n) throws SQLException {
		UUID creditor = rs.getObject("creditor_id", UUID.class);
		int version = rs.getInt("version");
		return new TemplateView(rs.getObject("id", UUID.class), rs.getString("code"),
				Channel.valueOf(rs.getString("channel")), rs.getString("language"),
				MessagePurpose.valueOf(rs.getString("purpose")), (creditor == null) ? null : new CreditorId(creditor),
				version, version == rs.getInt("current_version"), rs.getString("subject"), rs.getString("body"),
				rs.getString("dlt_entity_id"), rs.getString("dlt_header"), rs.getString("dlt_template_id"),
				rs.getString("whatsapp_name"), rs.getString("whatsapp_language"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
