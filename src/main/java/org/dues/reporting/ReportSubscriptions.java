package org.dues.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dues.messaging.StaffMail;
import org.dues.reporting.ReportPeriod.Cadence;
import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The management pack sent by email on a schedule to the people a manager chose, in the
 * language chosen: monthly (the month before, sent from 07:00 on the first in the
 * subscription's zone) or weekly (the ISO week before, from 07:00 on Monday). Each period
 * goes once per subscription, from the first that ends after the subscription was made;
 * one that failed goes again at the next run. The email goes through {@link StaffMail}
 * (the SMTP server, or kept unsent where none is set).
 */
@Service
public class ReportSubscriptions {

	static final String PURPOSE = "REPORT_PACK";

	/** The hour, in the subscription's zone, after which a period's pack goes. */
	static final LocalTime SEND_FROM = LocalTime.of(7, 0);

	private static final Logger log = LoggerFactory.getLogger(ReportSubscriptions.class);

	private final JdbcClient jdbc;

	private final ManagementPack pack;

	private final StaffMail mail;

	private final MessageSource messages;

	private final Clock clock;

	ReportSubscriptions(JdbcClient jdbc, ManagementPack pack, StaffMail mail, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.pack = pack;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
	}

	/** A subscription as a manager sees it, with its last delivery. */
	public record Subscription(UUID id, String name, Cadence cadence, List<String> recipients, String language,
			@Nullable String creditor, ZoneId zone, String createdBy, Instant createdAt, boolean active,
			@Nullable Delivery last) {
	}

	/** A pack sent (or not) for a period. */
	public record Delivery(String period, UUID mail, StaffMail.Status status, @Nullable String error, Instant at,
			String by) {
	}

	/**
	 * A new subscription, or a refusal naming the bad field: a name, at least one
	 * recipient and at most 50, each a valid address; English, Hindi or Malayalam; a
	 * known zone.
	 */
	public Subscription subscribe(String name, Cadence cadence, String recipients, String language,
			@Nullable String creditor, String zone, String by) {
		String title = (name == null) ? "" : name.strip();
		if (title.isEmpty() || title.length() > 120) {
			throw new InvalidInputException("name", "a subscription needs a name of at most 120 characters");
		}
		LinkedHashSet<String> addresses = new LinkedHashSet<>();
		for (String part : ((recipients == null) ? "" : recipients).split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				addresses.add(EmailAddress.of(part).value());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("recipients", "'" + part + "' is not an email address");
			}
		}
		if (addresses.isEmpty() || addresses.size() > 50) {
			throw new InvalidInputException("recipients", "a subscription goes to between 1 and 50 addresses");
		}
		if (!List.of("en", "hi", "ml").contains(language)) {
			throw new InvalidInputException("language", "the pack is written in en, hi or ml");
		}
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("zone", "'" + zone + "' is not a time zone");
		}
		String onlyFor = (creditor == null || creditor.isBlank()) ? null : creditor.strip();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO reporting_subscriptions (id, name, cadence, recipients, language, creditor, zone, created_by,
					    created_at)
					VALUES (:id, :name, :cadence, :to, :language, :creditor, :zone, :by, :at)""")
			.param("id", id)
			.param("name", title)
			.param("cadence", cadence.name())
			.param("to", addresses.toArray(String[]::new))
			.param("language", language)
			.param("creditor", onlyFor)
			.param("zone", zoneId.getId())
			.param("by", by)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		return get(id);
	}

	/** Stops a subscription; nothing more is sent for it. */
	public void stop(UUID id, String by) {
		int stopped = this.jdbc.sql("""
				UPDATE reporting_subscriptions SET stopped_by = :by, stopped_at = :at
				WHERE id = :id AND stopped_at IS NULL""")
			.param("id", id)
			.param("by", by)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (stopped == 0) {
			get(id);
		}
	}

	/** The subscriptions there are, the running ones first. */
	public List<Subscription> list() {
		return this.jdbc.sql(SELECT + " ORDER BY s.stopped_at IS NOT NULL, s.created_at DESC")
			.query((rs, n) -> subscription(rs))
			.list();
	}

	/** A subscription, or not found. */
	public Subscription get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id")
			.param("id", id)
			.query((rs, n) -> subscription(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("subscription", id));
	}

	/** The deliveries of a subscription, newest first. */
	public List<Delivery> deliveries(UUID id) {
		return this.jdbc.sql("""
				SELECT period, mail_id, status, error, at, sent_by FROM reporting_deliveries
				WHERE subscription_id = :id ORDER BY at DESC LIMIT 24""")
			.param("id", id)
			.query((rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, UUID.class),
					StaffMail.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
	}

	/** The pack a delivery carried, as sent. */
	public Optional<StaffMail.Document> document(UUID subscription, UUID mail) {
		boolean ours = this.jdbc
			.sql("SELECT count(*) FROM reporting_deliveries WHERE subscription_id = :s AND mail_id = :m")
			.param("s", subscription)
			.param("m", mail)
			.query(Long.class)
			.single() > 0;
		return ours ? this.mail.document(mail) : Optional.empty();
	}

	/**
	 * Sends every running subscription's last whole period that has not gone (or failed),
	 * once 07:00 has passed on the day after it in the subscription's zone; the number
	 * sent.
	 */
	public int deliverDue() {
		int sent = 0;
		for (Subscription s : list()) {
			if (!s.active()) {
				continue;
			}
			ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(s.zone()));
			ReportPeriod period = ReportPeriod.lastBefore(s.cadence(),
					now.toLocalTime().isBefore(SEND_FROM) ? now.toLocalDate().minusDays(1) : now.toLocalDate());
			// before 07:00 the period that ended last night waits: the day before's last
			// whole period is the one that may go
			Delivery done = this.jdbc.sql("""
					SELECT period, mail_id, status, error, at, sent_by FROM reporting_deliveries
					WHERE subscription_id = :id AND period = :period""")
				.param("id", s.id())
				.param("period", period.label())
				.query((rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, UUID.class),
						StaffMail.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
						rs.getString(6)))
				.optional()
				.orElse(null);
			if (done != null && done.status() != StaffMail.Status.FAILED) {
				continue;
			}
			if (period.to().isBefore(LocalDate.ofInstant(s.createdAt(), s.zone()))) {
				// a period over before the subscription was made is not sent unasked
				continue;
			}
			try {
				send(s, period, "scheduler");
				sent++;
			}
			catch (RuntimeException ex) {
				// one subscription's trouble does not stop the others'
				log.warn("The pack of subscription {} for {} was not made: {}", s.id(), period.label(), ex.getMessage(),
						ex);
			}
		}
		return sent;
	}

	/**
	 * Makes and sends the pack of the period to the subscription's recipients now (again,
	 * if it went before), and records the delivery.
	 */
	public Delivery send(UUID id, ReportPeriod period, String by) {
		return send(get(id), period, by);
	}

	private Delivery send(Subscription s, ReportPeriod period, String by) {
		Locale reader = Locale.of(s.language());
		ReportDocument report = this.pack.build(period, s.creditor(), reader, s.zone());
		byte[] pdf = ReportFiles.pdf(report, reader);
		String subject = this.messages.getMessage("report.mail.subject", new Object[] { s.name(), period.label() },
				reader);
		List<String> lines = new ArrayList<>(report.covers());
		lines.add("");
		lines.add(this.messages.getMessage("report.mail.body", new Object[] { s.name() }, reader));
		StaffMail.Sent sent = this.mail.send(new StaffMail.Mail(s.recipients().stream().map(EmailAddress::of).toList(),
				subject, String.join("\n", lines),
				new StaffMail.Document("dues-pack-" + period.label() + ".pdf", "application/pdf", pdf), PURPOSE));
		this.jdbc.sql("""
				INSERT INTO reporting_deliveries (subscription_id, period, mail_id, status, error, at, sent_by)
				VALUES (:id, :period, :mail, :status, :error, :at, :by)
				ON CONFLICT (subscription_id, period) DO UPDATE
				SET mail_id = EXCLUDED.mail_id, status = EXCLUDED.status, error = EXCLUDED.error, at = EXCLUDED.at,
				    sent_by = EXCLUDED.sent_by""")
			.param("id", s.id())
			.param("period", period.label())
			.param("mail", sent.id())
			.param("status", sent.status().name())
			.param("error", sent.error())
			.param("at", Timestamp.from(sent.at()))
			.param("by", by)
			.update();
		return new Delivery(period.label(), sent.id(), sent.status(), sent.error(), sent.at(), by);
	}

	private static final String SELECT = """
			SELECT s.id, s.name, s.cadence, s.recipients, s.language, s.creditor, s.zone, s.created_by, s.created_at,
			       s.stopped_at IS NULL AS active, d.period, d.mail_id, d.status, d.error, d.at, d.sent_by
			FROM reporting_subscriptions s
			LEFT JOIN LATERAL (SELECT * FROM reporting_deliveries x WHERE x.subscription_id = s.id
			                   ORDER BY x.at DESC LIMIT 1) d ON true""";

	private static Subscription subscription(java.sql.ResultSet rs) throws java.sql.SQLException {
		Delivery last = (rs.getString("period") == null) ? null
				: new Delivery(rs.getString("period"), rs.getObject("mail_id", UUID.class),
						StaffMail.Status.valueOf(rs.getString("status")), rs.getString("error"),
						rs.getTimestamp(15).toInstant(), rs.getString("sent_by"));
		return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), Cadence.valueOf(rs.getString(3)),
				List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6),
				ZoneId.of(rs.getString(7)), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getBoolean(10), last);
	}

}
