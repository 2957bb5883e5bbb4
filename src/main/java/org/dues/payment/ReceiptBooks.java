package org.dues.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.NotPermittedException;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt books for cash and cheques collected in the field: a lead or manager issues a
 * numbered book to an agent; a payment the agent collected in cash or by cheque names the
 * leaf they wrote ({@code SERIES/NUMBER}); each leaf is used once, or cancelled with its
 * reason, and is never used again.
 */
@Service
public class ReceiptBooks {

	/** Who issues books and may see and cancel any agent's. */
	static final Set<String> ISSUERS = Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN");

	static final String FIELD = "receiptBookNumber";

	private static final Pattern SERIES = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");

	private static final Pattern LEAF = Pattern.compile("(" + SERIES.pattern() + ")/0*([1-9][0-9]{0,8})");

	private final JdbcClient jdbc;

	private final Clock clock;

	ReceiptBooks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues a book of leaves {@code first} to {@code last} of the series to the agent.
	 * @throws NotPermittedException unless a lead, manager or administrator issues it
	 * @throws ConflictException if a leaf of the range is in a book already issued
	 */
	@Transactional
	public ReceiptBookView issue(String series, int first, int last, String agent, Actor actor) {
		if (!actor.hasAny(ISSUERS)) {
			throw new NotPermittedException("Only a team lead, a manager or an administrator issues receipt books");
		}
		if (series == null || !SERIES.matcher(series).matches()) {
			throw new InvalidInputException("series", "must be 1 to 20 capital letters, digits or '-'");
		}
		if (first < 1 || last < first || last - first >= 1000) {
			throw new InvalidInputException("last", "a book holds leaves from 1 up, at most 1000 of them");
		}
		if (agent == null || agent.isBlank()) {
			throw new InvalidInputException("agent", "is required");
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('payment_receipt_books/' || :s, 0))")
			.param("s", series)
			.query(Object.class)
			.single();
		List<String> overlapping = this.jdbc.sql("""
				SELECT first_number || '-' || last_number FROM payment_receipt_books
				WHERE series = :s AND first_number <= :last AND last_number >= :first""")
			.param("s", series)
			.param("first", first)
			.param("last", last)
			.query(String.class)
			.list();
		if (!overlapping.isEmpty()) {
			throw new ConflictException("leaves %s/%d to %s/%d overlap the book of leaves %s already issued"
				.formatted(series, first, series, last, String.join(", ", overlapping)));
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment_receipt_books (id, series, first_number, last_number, agent, issued_at, issued_by)
				VALUES (:id, :s, :first, :last, :agent, :now, :by)""")
			.param("id", id)
			.param("s", series)
			.param("first", first)
			.param("last", last)
			.param("agent", agent.strip())
			.param("now", now())
			.param("by", actor.name())
			.update();
		return get(id, actor);
	}

	/**
	 * The books, newest first: an agent's own; a lead's, manager's or administrator's of
	 * the agent named, or everyone's.
	 */
	public List<ReceiptBookView> list(@Nullable String agent, Actor actor) {
		String whose = actor.hasAny(ISSUERS) ? agent : actor.name();
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM payment_receipt_books WHERE CAST(:agent AS text) IS NULL OR agent = :agent "
					+ "ORDER BY issued_at DESC, series, first_number")
			.param("agent", whose)
			.query(UUID.class)
			.list();
		return ids.stream().map((id) -> read(id)).toList();
	}

	/** A book, as {@link #list} would show it to the actor. */
	public ReceiptBookView get(UUID id, Actor actor) {
		ReceiptBookView book = read(id);
		if (!actor.hasAny(ISSUERS) && !book.agent().equals(actor.name())) {
			throw new NotFoundException("receipt book", id);
		}
		return book;
	}

	/**
	 * Cancels an unused leaf (spoilt, lost) with the reason; it stays recorded and is
	 * never used. The book's agent, or a lead, manager or administrator, cancels it.
	 * @throws ConflictException if the leaf was used or cancelled already
	 */
	@Transactional
	public ReceiptBookView cancel(String leafNumber, String reason, Actor actor) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException("reason", "is required, at most 500 characters");
		}
		Leaf leaf = parse(leafNumber, "leaf");
		UUID book = bookOf(leaf, actor.hasAny(ISSUERS) ? null : actor.name())
			.orElseThrow(() -> new NotFoundException("receipt book leaf", leafNumber));
		write(leaf, book, "CANCELLED", null, reason.strip(), actor.name());
		return read(book);
	}

	/**
	 * Writes the payment on the leaf of a book issued to the collector, in the posting's
	 * transaction.
	 * @return the leaf as {@code SERIES/NUMBER}
	 * @throws InvalidInputException if no book issued to the collector holds the leaf
	 * @throws ConflictException if the leaf was used or cancelled already
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String use(String leafNumber, String collector, PaymentId payment) {
		Leaf leaf = parse(leafNumber, FIELD);
		UUID book = bookOf(leaf, collector).orElseThrow(() -> new InvalidInputException(FIELD,
				"%s is in no receipt book issued to %s".formatted(leaf, collector)));
		write(leaf, book, "USED", payment, null, collector);
		return leaf.toString();
	}

	/** Whether the agent holds a book with a leaf neither used nor cancelled. */
	boolean holdsOpenBook(String agent) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM payment_receipt_books b WHERE b.agent = :agent
				    AND (SELECT count(*) FROM payment_receipt_leaves l WHERE l.book_id = b.id)
				        < b.last_number - b.first_number + 1)""").param("agent", agent).query(Boolean.class).single();
	}

	private java.util.Optional<UUID> bookOf(Leaf leaf, @Nullable String agent) {
		return this.jdbc.sql("""
				SELECT id FROM payment_receipt_books WHERE series = :s AND :n BETWEEN first_number AND last_number
				    AND (CAST(:agent AS text) IS NULL OR agent = :agent)""")
			.param("s", leaf.series())
			.param("n", leaf.number())
			.param("agent", agent)
			.query(UUID.class)
			.optional();
	}

	private void write(Leaf leaf, UUID book, String status, @Nullable PaymentId payment, @Nullable String reason,
			String by) {
		int written = this.jdbc
			.sql("""
					INSERT INTO payment_receipt_leaves (series, number, book_id, status, payment_id, reason, at, by)
					VALUES (:s, :n, :book, :status, :payment, :reason, :now, :by) ON CONFLICT (series, number) DO NOTHING""")
			.param("s", leaf.series())
			.param("n", leaf.number())
			.param("book", book)
			.param("status", status)
			.param("payment", (payment == null) ? null : payment.value())
			.param("reason", reason)
			.param("now", now())
			.param("by", by)
			.update();
		if (written == 0) {
			String was = this.jdbc.sql("SELECT status FROM payment_receipt_leaves WHERE series = :s AND number = :n")
				.param("s", leaf.series())
				.param("n", leaf.number())
				.query(String.class)
				.single();
			throw new ConflictException("receipt %s was %s already".formatted(leaf,
					"USED".equals(was) ? "used for another payment" : "cancelled"));
		}
	}

	private ReceiptBookView read(UUID id) {
		List<ReceiptBookView.Leaf> leaves = this.jdbc.sql("""
				SELECT series, number, status, payment_id, reason, at, by FROM payment_receipt_leaves
				WHERE book_id = :id ORDER BY number""")
			.param("id", id)
			.query((rs, n) -> new ReceiptBookView.Leaf(new Leaf(rs.getString(1), rs.getInt(2)).toString(),
					ReceiptBookView.LeafStatus.valueOf(rs.getString(3)),
					(rs.getObject(4) == null) ? null : new PaymentId(rs.getObject(4, UUID.class)), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)))
			.list();
		return this.jdbc.sql("SELECT * FROM payment_receipt_books WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new ReceiptBookView(id, rs.getString("series"), rs.getInt("first_number"),
					rs.getInt("last_number"), rs.getString("agent"),
					rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("issued_by"), leaves))
			.optional()
			.orElseThrow(() -> new NotFoundException("receipt book", id));
	}

	private static Leaf parse(@Nullable String text, String field) {
		Matcher matcher = (text == null) ? null : LEAF.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (matcher == null || !matcher.matches()) {
			throw new InvalidInputException(field, "must be a receipt book's leaf as SERIES/NUMBER, like KL-A/4501");
		}
		return new Leaf(matcher.group(1), Integer.parseInt(matcher.group(2)));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** A leaf of a series. */
	private record Leaf(String series, int number) {

		@Override
		public String toString() {
			return this.series + "/" + this.number;
		}

	}

}
