package org.dues.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.CopyText;
import org.dues.shared.InvalidInputException;
import org.dues.system.PostgresCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt numbers: a gapless series per creditor and financial year. A number is taken in
 * the posting's transaction from a counter row that the taking locks until commit, so a
 * posting that rolls back leaves no gap and two postings never share a number (a
 * PostgreSQL sequence would leave gaps). The financial year is judged on the day the
 * receipt is issued (posted) in the creditor's time zone, so a year's series is closed
 * once the year is over, even for money received in it and posted after.
 */
@Service
public class Receipts {

	private final JdbcClient jdbc;

	private final Creditors creditors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DataSource dataSource;

	Receipts(JdbcClient jdbc, Creditors creditors, ApplicationEventPublisher events, Clock clock,
			DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.creditors = creditors;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * How the creditor numbers its receipts: as set, else the defaults of its country.
	 */
	public ReceiptSettings settings(CreditorView creditor) {
		return this.jdbc
			.sql("SELECT prefix, fy_start_month, fy_start_day FROM payment_receipt_settings WHERE creditor_id = :c")
			.param("c", creditor.id().value())
			.query((rs, n) -> new ReceiptSettings(rs.getString(1), MonthDay.of(rs.getInt(2), rs.getInt(3))))
			.optional()
			.orElseGet(() -> ReceiptSettings.defaults(creditor));
	}

	/**
	 * Sets the creditor's receipt prefix and the first day of its financial year, for
	 * receipts issued from now on.
	 * @throws InvalidInputException for a prefix other than 1 to 20 letters, digits,
	 * {@code -} or {@code _}, or a year starting after the 28th of a month
	 */
	@Transactional
	public ReceiptSettings configure(CreditorView creditor, ReceiptSettings settings, String who) {
		if (!settings.prefix().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,19}")) {
			throw new InvalidInputException("prefix", "must be 1 to 20 letters, digits, '-' or '_'");
		}
		if (settings.yearStarts().getDayOfMonth() > 28) {
			throw new InvalidInputException("yearStarts", "must be a day from the 1st to the 28th of a month");
		}
		this.jdbc
			.sql("""
					INSERT INTO payment_receipt_settings (creditor_id, prefix, fy_start_month, fy_start_day, updated_at, updated_by)
					VALUES (:c, :prefix, :month, :day, :now, :who)
					ON CONFLICT (creditor_id) DO UPDATE SET prefix = EXCLUDED.prefix, fy_start_month = EXCLUDED.fy_start_month,
					    fy_start_day = EXCLUDED.fy_start_day, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("c", creditor.id().value())
			.param("prefix", settings.prefix())
			.param("month", settings.yearStarts().getMonthValue())
			.param("day", settings.yearStarts().getDayOfMonth())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		return settings(creditor);
	}

	/**
	 * Numbers a batch of payments just posted for one creditor, in the order given,
	 * reserving the numbers in one update of the counter, each announced by its
	 * {@link ReceiptIssued}. Must run in the postings' transaction. Payments already
	 * receipted are left as they are.
	 * @return the receipts, in the order given
	 * @throws InvalidInputException if a payment is another creditor's
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<ReceiptView> issueAll(CreditorId creditor, List<PaymentId> payments) {
		CreditorView view = this.creditors.get(creditor);
		List<UUID> others = this.jdbc
			.sql("SELECT p.id FROM unnest(CAST(:ids AS uuid[])) AS t(id) JOIN payment_payments p ON p.id = t.id"
					+ " WHERE p.creditor_id <> :c")
			.param("ids", array(payments.stream().map(PaymentId::toString).toList()))
			.param("c", creditor.value())
			.query(UUID.class)
			.list();
		if (!others.isEmpty()) {
			throw new InvalidInputException("payments",
					"%d of them are another creditor's, %s first".formatted(others.size(), others.get(0)));
		}
		List<PaymentId> fresh = unreceipted(payments);
		if (!fresh.isEmpty()) {
			issue(view, fresh, List.of());
		}
		return ofAll(payments);
	}

	/** Numbers one payment just posted, written on a receipt book's leaf or not. */
	ReceiptView issue(CreditorView creditor, PaymentId payment, @Nullable String bookNumber) {
		issue(creditor, List.of(payment), (bookNumber == null) ? List.of() : List.of(bookNumber));
		return of(payment).orElseThrow();
	}

	/**
	 * Numbers payments this transaction has just posted for the creditor as one batch,
	 * neither receipted nor another creditor's (a bank statement's): the numbers reserved
	 * in one update of the counter, the receipts written with {@code COPY}, announced by
	 * {@link ReceiptsIssued} events naming parts of the batch as {@link PaymentsPosted}
	 * does.
	 * @param payments the batch's payments in their order in it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void issuePosted(CreditorView creditor, UUID batch, List<PaymentId> payments) {
		if (payments.isEmpty()) {
			return;
		}
		Numbering numbering = reserve(creditor, payments.size());
		// the receipts stream to the database as they are made, with no foreign-key check
		// per row where the database allows it: the payments are this transaction's own
		org.dues.system.RowTriggers.during(this.jdbc, java.util.Map.of("payment_receipts", false), () -> {
			try (PostgresCopy.Rows rows = PostgresCopy.rows(this.dataSource,
					"""
							COPY payment_receipts (payment_id, creditor_id, financial_year, sequence, system_number, book_number,
							    issued_at, issued_on) FROM STDIN (FORMAT csv)""")) {
				for (int i = 0; i < payments.size(); i++) {
					new CopyText(rows.buffer()).add(payments.get(i).toString())
						.add(creditor.id().value().toString())
						.add(numbering.year().label())
						.add(Long.toString(numbering.first() + i))
						.add(numbering.number(i))
						.add(null)
						.add(numbering.now().toString())
						.add(numbering.today().toString())
						.end();
					rows.row();
				}
				rows.finish();
			}
		});
		for (int from = 0; from < payments.size(); from += PaymentsPosted.MOST) {
			this.events
				.publishEvent(new ReceiptsIssued(batch, from, Math.min(payments.size(), from + PaymentsPosted.MOST)));
		}
	}

	private void issue(CreditorView creditor, List<PaymentId> payments, List<String> bookNumbers) {
		Numbering numbering = reserve(creditor, payments.size());
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < payments.size(); i++) {
			numbers.add(numbering.number(i));
		}
		this.jdbc
			.sql("""
					INSERT INTO payment_receipts (payment_id, creditor_id, financial_year, sequence, system_number, book_number,
					    issued_at, issued_on)
					SELECT t.id, :c, :fy, :first + t.o - 1, t.number, CASE WHEN t.o = 1 THEN :book END, :now, :today
					FROM unnest(CAST(:ids AS uuid[]), CAST(:numbers AS text[])) WITH ORDINALITY AS t(id, number, o)""")
			.param("c", creditor.id().value())
			.param("fy", numbering.year().label())
			.param("first", numbering.first())
			.param("book", bookNumbers.isEmpty() ? null : bookNumbers.get(0))
			.param("now", numbering.now())
			.param("today", numbering.today())
			.param("ids", array(payments.stream().map(PaymentId::toString).toList()))
			.param("numbers", array(numbers))
			.update();
		// unnest joins the ids: "id = ANY(array)" of a large batch is read as a filter
		List<ReceiptIssued> issued = this.jdbc
			.sql("SELECT p.id, p.account_id, r.system_number, r.book_number"
					+ " FROM unnest(CAST(:ids AS uuid[])) AS t(id) JOIN payment_payments p ON p.id = t.id"
					+ " JOIN payment_receipts r ON r.payment_id = p.id")
			.param("ids", array(payments.stream().map(PaymentId::toString).toList()))
			.query((rs, n) -> new ReceiptIssued(new PaymentId(rs.getObject(1, UUID.class)),
					new AccountId(rs.getObject(2, UUID.class)),
					(rs.getString(4) != null) ? rs.getString(4) : rs.getString(3)))
			.list();
		issued.forEach(this.events::publishEvent);
	}

	/**
	 * Takes the next {@code count} numbers of the creditor's series for the year of
	 * today, locking the counter row until commit.
	 */
	private Numbering reserve(CreditorView creditor, int count) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, creditor.timeZone());
		ReceiptSettings settings = settings(creditor);
		FinancialYear year = FinancialYear.of(today, settings.yearStarts());
		long last = this.jdbc.sql("""
				INSERT INTO payment_receipt_counters (creditor_id, financial_year, last_number) VALUES (:c, :fy, :n)
				ON CONFLICT (creditor_id, financial_year)
				DO UPDATE SET last_number = payment_receipt_counters.last_number + EXCLUDED.last_number
				RETURNING last_number""")
			.param("c", creditor.id().value())
			.param("fy", year.label())
			.param("n", count)
			.query(Long.class)
			.single();
		return new Numbering(settings, year, last - count + 1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), today);
	}

	/** Numbers reserved: the {@code i}th is {@code first + i} of the year's series. */
	private record Numbering(ReceiptSettings settings, FinancialYear year, long first, OffsetDateTime now,
			LocalDate today) {

		String number(int i) {
			return this.settings.number(this.year, this.first + i);
		}

	}

	/** The payments' receipts, in the order given, read in one statement. */
	private List<ReceiptView> ofAll(List<PaymentId> payments) {
		java.util.Map<UUID, ReceiptView> found = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT r.* FROM unnest(CAST(:ids AS uuid[])) AS t(id) JOIN payment_receipts r ON r.payment_id = t.id")
			.param("ids", array(payments.stream().map(PaymentId::toString).toList()))
			.query((rs, n) -> new ReceiptView(new PaymentId(rs.getObject("payment_id", UUID.class)),
					(rs.getString("book_number") != null) ? rs.getString("book_number") : rs.getString("system_number"),
					rs.getString("system_number"), rs.getString("book_number"), rs.getString("financial_year"),
					rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
					rs.getObject("issued_on", LocalDate.class)))
			.list()
			.forEach((r) -> found.put(r.payment().value(), r));
		return payments.stream().map((p) -> java.util.Objects.requireNonNull(found.get(p.value()))).toList();
	}

	/** The payment's receipt, if it has one. */
	public Optional<ReceiptView> of(PaymentId payment) {
		return this.jdbc.sql("SELECT * FROM payment_receipts WHERE payment_id = :p")
			.param("p", payment.value())
			.query((rs, n) -> new ReceiptView(payment,
					(rs.getString("book_number") != null) ? rs.getString("book_number") : rs.getString("system_number"),
					rs.getString("system_number"), rs.getString("book_number"), rs.getString("financial_year"),
					rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
					rs.getObject("issued_on", LocalDate.class)))
			.optional();
	}

	private List<PaymentId> unreceipted(List<PaymentId> payments) {
		List<String> ids = payments.stream().map(PaymentId::toString).distinct().toList();
		java.util.Set<UUID> done = new java.util.HashSet<>(this.jdbc
			.sql("SELECT r.payment_id FROM unnest(CAST(:ids AS uuid[])) AS t(id)"
					+ " JOIN payment_receipts r ON r.payment_id = t.id")
			.param("ids", array(ids))
			.query(UUID.class)
			.list());
		return ids.stream()
			.map((id) -> new PaymentId(UUID.fromString(id)))
			.filter((p) -> !done.contains(p.value()))
			.toList();
	}

	/** A PostgreSQL array literal of the values, each quoted. */
	private static String array(List<String> values) {
		return values.stream()
			.map((v) -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

}
