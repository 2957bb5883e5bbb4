package org.dues.messaging.letter;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters sent to customers, each kept as printed: its PDF, to whom and where, and
 * the print batch that took it.
 */
@Service
public class Letters {

	private static final String COLUMNS = """
			id, account_id, customer_id, template, language, letter_date, recipient_name, address_lines, pages, status,
			print_batch_id, created_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Letters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A letter to keep: {@code READY} for the next print batch, or {@code HELD} without a
	 * postal address; a notice made before its message leaves is kept {@code QUEUED} (by
	 * post) or {@code EMAIL} ({@link #store(NewLetter, String)}).
	 */
	record NewLetter(UUID accountId, UUID customerId, String template, String language, LocalDate letterDate,
			String recipientName, List<String> addressLines, LetterPdf.Rendered rendered, @Nullable String factsJson,
			@Nullable UUID messageId, String by) {
	}

	@Transactional
	LetterView store(NewLetter letter) {
		return store(letter, letter.addressLines().isEmpty() ? "HELD" : "READY");
	}

	@Transactional
	LetterView store(NewLetter letter, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO messaging_letters (id, account_id, customer_id, template, language, letter_date,
				    recipient_name, address_lines, pdf, pages, facts, status, message_id, created_at, created_by)
				VALUES (:id, :account, :customer, :template, :language, :date, :name, :lines, :pdf, :pages,
				    CAST(:facts AS jsonb), :status, :message, :now, :by)""")
			.param("id", id)
			.param("account", letter.accountId())
			.param("customer", letter.customerId())
			.param("template", letter.template())
			.param("language", letter.language())
			.param("date", letter.letterDate())
			.param("name", letter.recipientName())
			.param("lines", letter.addressLines().toArray(String[]::new))
			.param("pdf", letter.rendered().pdf())
			.param("pages", letter.rendered().pages())
			.param("facts", letter.factsJson())
			.param("status", status)
			.param("message", letter.messageId())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("by", letter.by())
			.update();
		return get(id).orElseThrow();
	}

	/** The account's letters, newest first. */
	public List<LetterView> ofAccount(AccountId account) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM messaging_letters WHERE account_id = :account ORDER BY created_at DESC, id")
			.param("account", account.value())
			.query(Letters::view)
			.list();
	}

	public Optional<LetterView> get(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM messaging_letters WHERE id = :id")
			.param("id", id)
			.query(Letters::view)
			.optional();
	}

	/** The letter's PDF as it was printed. */
	public Optional<byte[]> pdf(UUID id) {
		return this.jdbc.sql("SELECT pdf FROM messaging_letters WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** The letter the outbox's message became, if any. */
	Optional<LetterView> ofMessage(UUID messageId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM messaging_letters WHERE message_id = :id OR id = :id")
			.param("id", messageId)
			.query(Letters::view)
			.optional();
	}

	/**
	 * A notice kept while its message waited in the outbox, now let go by the gate to the
	 * print provider: READY for the next print batch, addressed as the customer is now;
	 * HELD when they have no postal address now.
	 */
	@Transactional
	LetterView release(UUID letter, String recipientName, List<String> addressLines) {
		this.jdbc.sql("""
				UPDATE messaging_letters SET status = :status, recipient_name = :name, address_lines = :lines
				WHERE id = :id AND status = 'QUEUED'""")
			.param("id", letter)
			.param("status", addressLines.isEmpty() ? "HELD" : "READY")
			.param("name", recipientName)
			.param("lines", addressLines.toArray(String[]::new))
			.update();
		return get(letter).orElseThrow();
	}

	/** The message a letter went out as, if it went through the outbox. */
	Optional<UUID> messageOf(UUID letter) {
		return this.jdbc.sql("SELECT message_id FROM messaging_letters WHERE id = :id AND message_id IS NOT NULL")
			.param("id", letter)
			.query(UUID.class)
			.optional();
	}

	static LetterView view(ResultSet rs, int row) throws SQLException {
		Array lines = rs.getArray("address_lines");
		return new LetterView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getObject("customer_id", UUID.class), rs.getString("template"), rs.getString("language"),
				rs.getObject("letter_date", LocalDate.class), rs.getString("recipient_name"),
				Arrays.asList((String[]) lines.getArray()), rs.getInt("pages"), rs.getString("status"),
				rs.getObject("print_batch_id", UUID.class), rs.getTimestamp("created_at").toInstant());
	}

}
