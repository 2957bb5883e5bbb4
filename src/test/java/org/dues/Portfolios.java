package org.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.Placements;
import org.dues.portfolio.Source;

/**
 * Object mother for creditors and accounts, in the words collectors use:
 * {@code portfolios.overdue(nbfc, 45, "12500.00")}.
 */
public final class Portfolios {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Creditors creditors;

	private final Placements placements;

	private final Clock clock;

	private final CustomerManagement customers;

	public Portfolios(Creditors creditors, Placements placements, Clock clock, CustomerManagement customers) {
		this.creditors = creditors;
		this.placements = placements;
		this.clock = clock;
		this.customers = customers;
	}

	/** A new Indian NBFC: INR, Asia/Kolkata, RBI SMA buckets. */
	public CreditorView indianNbfc() {
		return this.creditors.create(new NewCreditor("NBFC" + SEQUENCE.incrementAndGet(), "Test NBFC", "IN", "INR",
				"IN", "Asia/Kolkata", null, null));
	}

	/** A new US card issuer: USD, America/New_York, 30-day buckets. */
	public CreditorView usIssuer() {
		return this.creditors.create(new NewCreditor("CARD" + SEQUENCE.incrementAndGet(), "Test Card Co", "US", "USD",
				"US", "America/New_York", null, null));
	}

	/**
	 * An account placed {@code daysPastDue} days overdue with the whole principal
	 * overdue.
	 */
	public AccountView overdue(CreditorView creditor, int daysPastDue, String principal) {
		Map<String, String> row = row(creditor, principal);
		row.put("overdue_amount", principal);
		row.put("oldest_due_date",
				LocalDate.now(this.clock.withZone(creditor.timeZone())).minusDays(daysPastDue).toString());
		return place(creditor, row);
	}

	/**
	 * An account with balances by component and the given overdue amount and due date.
	 */
	public AccountView placed(CreditorView creditor, String principal, String interest, String fees, String overdue,
			LocalDate oldestDueDate) {
		Map<String, String> row = row(creditor, principal);
		row.put("interest_outstanding", interest);
		row.put("fees_outstanding", fees);
		row.put("overdue_amount", overdue);
		row.put("oldest_due_date", oldestDueDate.toString());
		return place(creditor, row);
	}

	/**
	 * The first phone of the account's customer in E.164, the number an agent dials
	 * first.
	 */
	public String firstPhone(AccountView account) {
		return this.customers.get(account.customerId()).phones().get(0).e164();
	}

	public static Map<String, String> row(CreditorView creditor, String principal) {
		int n = SEQUENCE.incrementAndGet();
		Map<String, String> row = new HashMap<>();
		row.put("account_ref", "ACC-" + n);
		row.put("customer_ref", "CUST-" + n);
		row.put("customer_name", "IN".equals(creditor.country()) ? "ലക്ഷ്മി മേനോൻ" : "Maria Garcia");
		row.put("currency", creditor.currency().getCurrencyCode());
		row.put("principal_outstanding", principal);
		row.put("overdue_amount", "0");
		row.put("phone_1",
				"IN".equals(creditor.country()) ? "98470 " + (10000 + n % 89999) : "(212) 736-" + (1000 + n % 8999));
		return row;
	}

	public AccountView place(CreditorView creditor, Map<String, String> row) {
		return this.placements
			.place(creditor, new PlacementParser(creditor, null).parse(row).placement(),
					new Source("TEST", null, "tester", null))
			.account();
	}

}
