package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.messaging.provider.ProviderException;
import org.dues.messaging.provider.StaffSmtp;
import org.dues.shared.EmailAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Email to the people who run the collections (a manager's scheduled reports, to staff
 * and to a creditor's people), not to customers: no compliance gate, no opt-out, no
 * outbox of retries. Each one is kept with what it carried and how it went: SENT through
 * the SMTP server when {@code DUES_SMTP_HOST} is set, SIMULATED (kept, and readable here,
 * but not sent) when it is not, FAILED with the server's answer. The caller decides
 * whether to try again.
 */
@Service
public class StaffMail {

	private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<StaffSmtp> smtp;

	private final Clock clock;

	StaffMail(JdbcClient jdbc, ObjectProvider<StaffSmtp> smtp, Clock clock) {
		this.jdbc = jdbc;
		this.smtp = smtp;
		this.clock = clock;
	}

	/** How an email went. */
	public enum Status {

		SENT, SIMULATED, FAILED

	}

	/** An email to send: the recipients, what it says and at most one document. */
	public record Mail(List<EmailAddress> to, String subject, String body, @Nullable Document document,
			String purpose) {

		public Mail {
			if (to.isEmpty()) {
				throw new IllegalArgumentException("an email needs at least one recipient");
			}
			to = List.copyOf(to);
		}

	}

	/** A document attached to an email. */
	public record Document(String fileName, String contentType, byte[] content) {
	}

	/** An email as kept. */
	public record Sent(UUID id, List<String> to, String subject, Status status, @Nullable String error,
			@Nullable String fileName, Instant at) {
	}

	/**
	 * Sends the email (or keeps it, unsent, where no SMTP server is set) and keeps it.
	 */
	public Sent send(Mail mail) {
		List<String> to = mail.to().stream().map(EmailAddress::value).toList();
		Document document = mail.document();
		Status status;
		String error = null;
		StaffSmtp server = this.smtp.getIfAvailable();
		if (server == null) {
			status = Status.SIMULATED;
		}
		else {
			try {
				server.send(to, mail.subject(), mail.body(), (document != null) ? document.fileName() : null,
						(document != null) ? document.contentType() : null,
						(document != null) ? document.content() : null);
				status = Status.SENT;
			}
			catch (ProviderException ex) {
				log.warn("A {} email to {} was not sent: {}", mail.purpose(), to, ex.getMessage());
				status = Status.FAILED;
				error = ex.getMessage();
			}
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO messaging_staff_mail (id, recipients, subject, body, attachment_name, attachment_type,
				    attachment, purpose, status, error, created_at)
				VALUES (:id, :to, :subject, :body, :name, :type, :content, :purpose, :status, :error, :at)""")
			.param("id", id)
			.param("to", to.toArray(String[]::new))
			.param("subject", mail.subject())
			.param("body", mail.body())
			.param("name", (document != null) ? document.fileName() : null)
			.param("type", (document != null) ? document.contentType() : null)
			.param("content", (document != null) ? document.content() : null)
			.param("purpose", mail.purpose())
			.param("status", status.name())
			.param("error", error)
			.param("at", Timestamp.from(now))
			.update();
		return new Sent(id, to, mail.subject(), status, error, (document != null) ? document.fileName() : null, now);
	}

	/** The document an email carried, as it was sent. */
	public Optional<Document> document(UUID mail) {
		return this.jdbc
			.sql("SELECT attachment_name, attachment_type, attachment FROM messaging_staff_mail "
					+ "WHERE id = :id AND attachment IS NOT NULL")
			.param("id", mail)
			.query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** The emails of a purpose, newest first. */
	public List<Sent> recent(String purpose, int limit) {
		return this.jdbc.sql("""
				SELECT id, recipients, subject, status, error, attachment_name, created_at FROM messaging_staff_mail
				WHERE purpose = :purpose ORDER BY created_at DESC LIMIT :limit""")
			.param("purpose", purpose)
			.param("limit", limit)
			.query((rs, n) -> new Sent(rs.getObject(1, UUID.class), List.of((String[]) rs.getArray(2).getArray()),
					rs.getString(3), Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

}
