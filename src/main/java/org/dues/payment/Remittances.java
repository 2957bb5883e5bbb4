package org.dues.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remittance to creditors (an agency collecting for clients): the creditor's commission
 * terms, and statements per period of what was collected, the commission and the tax on
 * it, and the net due. Issuing a statement takes each payment once and each reversal
 * once, so whatever was not in one statement is in the next.
 */
@Service
public class Remittances {

	private final JdbcClient jdbc;

	private final Creditors creditors;

	private final Accounts accounts;

	private final Clock clock;

	Remittances(JdbcClient jdbc, Creditors creditors, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.creditors = creditors;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The creditor's commission and tax rates, in percent; zero until set. */
	public Terms terms(CreditorView creditor) {
		return this.jdbc.sql("SELECT commission_rate, tax_rate FROM payment_remittance_terms WHERE creditor_id = :c")
			.param("c", creditor.id().value())
			.query((rs, n) -> new Terms(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.optional()
			.orElse(new Terms(BigDecimal.ZERO, BigDecimal.ZERO));
	}

	/**
	 * Sets the creditor's terms for statements issued from now on.
	 * @throws InvalidInputException if a rate is outside 0–100 or has more than four
	 * decimals
	 */
	@Transactional
	public Terms setTerms(CreditorView creditor, Terms terms, String who) {
		check("commissionRate", terms.commissionRate());
		check("taxRate", terms.taxRate());
		this.jdbc.sql("""
				INSERT INTO payment_remittance_terms (creditor_id, commission_rate, tax_rate, updated_at, updated_by)
				VALUES (:c, :commission, :tax, :now, :who)
				ON CONFLICT (creditor_id) DO UPDATE SET commission_rate = :commission, tax_rate = :tax,
				    updated_at = :now, updated_by = :who""")
			.param("c", creditor.id().value())
			.param("commission", terms.commissionRate())
			.param("tax", terms.taxRate())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		return terms(creditor);
	}

	/** What a statement for the period would say now; nothing is recorded. */
	public RemittanceView preview(CreditorView creditor, Currency currency, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		return statement(creditor, currency, from, to, pending(creditor, currency, to), null, null, null, null);
	}

	/**
	 * Issues the statement for the period: every payment not yet remitted received by its
	 * end, every reversal not yet clawed back. Issuing the same period again returns the
	 * statement already issued.
	 * @throws InvalidInputException if the period is backwards or not yet over
	 */
	@Transactional
	public Issue issue(CreditorView creditor, Currency currency, LocalDate from, LocalDate to, String who) {
		checkPeriod(from, to);
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		if (!to.isBefore(today)) {
			throw new InvalidInputException("to",
					"the period must be over: %s is not before today (%s)".formatted(to, today));
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "remittance/" + creditor.id().value())
			.query(Object.class)
			.single();
		Optional<UUID> existing = this.jdbc.sql("""
				SELECT id FROM payment_remittances
				WHERE creditor_id = :c AND currency = :currency AND period_from = :from AND period_to = :to""")
			.param("c", creditor.id().value())
			.param("currency", currency.getCurrencyCode())
			.param("from", from)
			.param("to", to)
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return new Issue(get(existing.get()), false);
		}
		List<Pending> lines = pending(creditor, currency, to);
		int issued = this.jdbc.sql("SELECT count(*) FROM payment_remittances WHERE creditor_id = :c")
			.param("c", creditor.id().value())
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		String number = "%s-REM-%05d".formatted(creditor.code(), issued + 1);
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		RemittanceView s = statement(creditor, currency, from, to, lines, id, number, now.toInstant(), who);
		this.jdbc.sql("""
				INSERT INTO payment_remittances (id, creditor_id, number, currency, period_from, period_to, collected,
				    reversed, commission_rate, commission, tax_rate, tax, due, issued_at, issued_by)
				VALUES (:id, :c, :number, :currency, :from, :to, :collected, :reversed, :rate, :commission, :taxRate,
				    :tax, :due, :now, :who)""")
			.param("id", id)
			.param("c", creditor.id().value())
			.param("number", number)
			.param("currency", currency.getCurrencyCode())
			.param("from", from)
			.param("to", to)
			.param("collected", s.collected().amount())
			.param("reversed", s.reversed().amount())
			.param("rate", s.commissionRate())
			.param("commission", s.commission().amount())
			.param("taxRate", s.taxRate())
			.param("tax", s.tax().amount())
			.param("due", s.due().amount())
			.param("now", now)
			.param("who", who)
			.update();
		for (Pending line : lines) {
			this.jdbc.sql("""
					INSERT INTO payment_remittance_items (remittance_id, payment_id, kind, amount)
					VALUES (:r, :p, :kind, :amount)""")
				.param("r", id)
				.param("p", line.payment())
				.param("kind", line.kind())
				.param("amount", line.amount())
				.update();
		}
		return new Issue(get(id), true);
	}

	/** The creditor's statements, newest first (without their lines). */
	public List<Issued> issued(CreditorView creditor) {
		return this.jdbc.sql("""
				SELECT id, number, currency, period_from, period_to, due, issued_at FROM payment_remittances
				WHERE creditor_id = :c ORDER BY issued_at DESC, number DESC""")
			.param("c", creditor.id().value())
			.query((rs, n) -> new Issued(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class),
					new Money(rs.getBigDecimal(6), Currency.getInstance(rs.getString(3))),
					rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** An issued statement with its lines, or {@link NotFoundException}. */
	public RemittanceView get(UUID id) {
		record Head(UUID creditor, String number, Currency currency, LocalDate from, LocalDate to, BigDecimal rate,
				BigDecimal taxRate, java.time.Instant at, String by) {
		}
		Head head = this.jdbc.sql("SELECT * FROM payment_remittances WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getObject("creditor_id", UUID.class), rs.getString("number"),
					Currency.getInstance(rs.getString("currency")), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("commission_rate"),
					rs.getBigDecimal("tax_rate"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
					rs.getString("issued_by")))
			.optional()
			.orElseThrow(() -> new NotFoundException("remittance", id));
		List<Pending> lines = this.jdbc
			.sql(LINES + " JOIN payment_remittance_items i ON i.payment_id = p.id"
					+ " WHERE i.remittance_id = :id ORDER BY p.received_on, p.reference, i.kind")
			.param("id", id)
			.query(Remittances::pending)
			.list();
		CreditorView creditor = this.creditors.get(new org.dues.portfolio.CreditorId(head.creditor()));
		return statement(creditor, head.currency(), head.from(), head.to(), lines,
				new Terms(head.rate(), head.taxRate()), id, head.number(), head.at(), head.by());
	}

	private List<Pending> pending(CreditorView creditor, Currency currency, LocalDate to) {
		// a reversal is clawed back once it happened by the end of the period, in the
		// creditor's zone
		return this.jdbc
			.sql("""
					SELECT p.id, p.account_id, p.received_on, p.channel, p.reference, 'COLLECTED' AS kind, p.amount
					FROM payment_payments p
					WHERE p.creditor_id = :c AND p.currency = :currency AND p.received_on <= :to
					  AND NOT EXISTS (SELECT 1 FROM payment_remittance_items i WHERE i.payment_id = p.id AND i.kind = 'COLLECTED')
					UNION ALL
					SELECT p.id, p.account_id, p.received_on, p.channel, p.reference, 'REVERSED', p.amount
					FROM payment_payments p
					WHERE p.creditor_id = :c AND p.currency = :currency AND p.status = 'REVERSED' AND p.received_on <= :to
					  AND (p.reversed_at AT TIME ZONE :zone)::date <= :to
					  AND NOT EXISTS (SELECT 1 FROM payment_remittance_items i WHERE i.payment_id = p.id AND i.kind = 'REVERSED')
					ORDER BY received_on, reference, kind""")
			.param("c", creditor.id().value())
			.param("currency", currency.getCurrencyCode())
			.param("to", to)
			.param("zone", creditor.timeZone().getId())
			.query(Remittances::pending)
			.list();
	}

	private RemittanceView statement(CreditorView creditor, Currency currency, LocalDate from, LocalDate to,
			List<Pending> lines, @org.jspecify.annotations.Nullable UUID id,
			@org.jspecify.annotations.Nullable String number, java.time.@org.jspecify.annotations.Nullable Instant at,
			@org.jspecify.annotations.Nullable String by) {
		return statement(creditor, currency, from, to, lines, terms(creditor), id, number, at, by);
	}

	private RemittanceView statement(CreditorView creditor, Currency currency, LocalDate from, LocalDate to,
			List<Pending> lines, Terms terms, @org.jspecify.annotations.Nullable UUID id,
			@org.jspecify.annotations.Nullable String number, java.time.@org.jspecify.annotations.Nullable Instant at,
			@org.jspecify.annotations.Nullable String by) {
		Money collected = Money.zero(currency);
		Money reversed = Money.zero(currency);
		Map<AccountId, String> refs = this.accounts
			.refs(lines.stream().map((l) -> new AccountId(l.account())).distinct().toList());
		List<RemittanceView.Line> views = new ArrayList<>();
		for (Pending line : lines) {
			Money amount = new Money(line.amount(), currency);
			boolean collection = "COLLECTED".equals(line.kind());
			if (collection) {
				collected = collected.plus(amount);
			}
			else {
				reversed = reversed.plus(amount);
			}
			views.add(new RemittanceView.Line(new PaymentId(line.payment()),
					refs.getOrDefault(new AccountId(line.account()), "?"), line.receivedOn(), line.channel(),
					line.reference(), line.kind(), collection ? amount : amount.negate()));
		}
		Money net = collected.minus(reversed);
		Money commission = share(net, terms.commissionRate());
		Money tax = share(commission, terms.taxRate());
		return new RemittanceView(id, number, creditor, from, to, collected, reversed, terms.commissionRate(),
				commission, terms.taxRate(), tax, net.minus(commission).minus(tax), at, by, List.copyOf(views));
	}

	/**
	 * The one place a rate is applied: to the currency's scale, half up (so a clawback's
	 * commission is the exact opposite of the commission it takes back).
	 */
	static Money share(Money base, BigDecimal percent) {
		int scale = Math.max(base.currency().getDefaultFractionDigits(), 0);
		BigDecimal exact = base.amount().multiply(percent).divide(BigDecimal.valueOf(100));
		BigDecimal rounded = exact.abs().setScale(scale, RoundingMode.HALF_UP);
		return new Money(exact.signum() < 0 ? rounded.negate() : rounded, base.currency());
	}

	private static void check(String field, BigDecimal rate) {
		if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException(field, "must be between 0 and 100 (percent)");
		}
		if (rate.stripTrailingZeros().scale() > 4) {
			throw new InvalidInputException(field, "may have at most four decimal places");
		}
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "%s is before %s".formatted(to, from));
		}
	}

	private static final String LINES = """
			SELECT p.id, p.account_id, p.received_on, p.channel, p.reference, i.kind, i.amount
			FROM payment_payments p""";

	private static Pending pending(ResultSet rs, int n) throws SQLException {
		return new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
				PaymentChannel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBigDecimal(7));
	}

	private record Pending(UUID payment, UUID account, LocalDate receivedOn, PaymentChannel channel, String reference,
			String kind, BigDecimal amount) {
	}

	/** An issued statement, and whether this request issued it (false when repeated). */
	public record Issue(RemittanceView statement, boolean created) {
	}

	/** A creditor's commission and the tax on it, each in percent. */
	public record Terms(BigDecimal commissionRate, BigDecimal taxRate) {
	}

	/** An issued statement as listed. */
	public record Issued(UUID id, String number, LocalDate from, LocalDate to, Money due, java.time.Instant issuedAt) {
	}

}
