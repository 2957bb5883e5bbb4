package org.dues.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dues.customer.CustomerDetails;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerKind;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.customer.PartyRole;
import org.dues.customer.RelatedParties;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.Placements;
import org.dues.portfolio.Source;
import org.dues.shared.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * The demo's customer views: the first three Kerala customers of the NBFC also owe a gold
 * loan to a second NBFC, which gave the same PAN (so the customer view finds one person,
 * and an agent of the first sees the gold loan only counted: no queue holds it), and the
 * first three accounts have a co-borrower, a guarantor and a reference.
 */
@Component
class DemoParties {

	/** The second NBFC's gold loans, one for each of the first three Kerala customers. */
	static final int GOLD_LOANS = 3;

	private static final Source SOURCE = new Source("DEMO", "demo-portfolio", "system", null);

	private final Creditors creditors;

	private final Placements placements;

	private final CustomerManagement customers;

	private final RelatedParties parties;

	DemoParties(Creditors creditors, Placements placements, CustomerManagement customers, RelatedParties parties) {
		this.creditors = creditors;
		this.placements = placements;
		this.customers = customers;
		this.parties = parties;
	}

	/**
	 * @param indian the NBFC's accounts in the order placed (the first one Kerala's, then
	 * alternately North India's)
	 */
	void load(List<AccountView> indian, LocalDate today) {
		CreditorView kochi = this.creditors.create(
				new NewCreditor("KOCHI", "Kochi Gold Loans Ltd (NBFC)", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		PlacementParser parser = new PlacementParser(kochi, null);
		for (int i = 0; i < GOLD_LOANS; i++) {
			int n = 1 + 2 * i;
			CustomerView person = this.customers.get(indian.get(n - 1).customerId());
			Map<String, String> row = new HashMap<>();
			row.put("account_ref", "KGL-" + String.format("%06d", 4100 + n));
			row.put("customer_ref", "KG" + String.format("%06d", n));
			row.put("customer_name", person.name());
			row.put("currency", "INR");
			row.put("principal_outstanding", (60_000 + 15_000 * i) + ".00");
			row.put("overdue_amount", (9_000 + 2_500 * i) + ".00");
			row.put("oldest_due_date", today.minusDays(25 + 40L * i).toString());
			row.put("product", "Gold loan");
			row.put("national_id", DemoPeople.pan(n));
			if (person.language() != null) {
				row.put("language", person.language());
			}
			if (!person.phones().isEmpty()) {
				row.put("phone_1", person.phones().get(0).e164());
			}
			if (!person.addresses().isEmpty()) {
				var address = person.addresses().get(0).address();
				row.put("address_line1", address.line1());
				row.put("city", address.city());
				row.put("state", address.state());
				row.put("postal_code", address.postalCode());
				row.put("country", address.country());
			}
			row.values().removeIf(java.util.Objects::isNull);
			this.placements.place(kochi, parser.parse(row).placement(), SOURCE);
		}
		link(indian.get(0), "-C", "സുമ നായർ", "ml", "9447010001", PartyRole.CO_BORROWER, "spouse");
		link(indian.get(1), "-G", "रवि वर्मा", "hi", "9810010002", PartyRole.GUARANTOR, "brother");
		link(indian.get(2), "-R", "Joseph Mathew", "en", "9847010003", PartyRole.REFERENCE, "neighbour");
	}

	private void link(AccountView account, String suffix, String name, String language, String mobile, PartyRole role,
			String relationship) {
		String ref = this.customers.get(account.customerId()).customerRef() + suffix;
		CustomerId party = this.customers
			.record(new CustomerDetails(account.creditorId().value(), ref, CustomerKind.PERSON, name, language, null,
					null, List.of(PhoneNumber.parse(mobile, "IN")), List.of(), List.of(), "DEMO"))
			.id();
		this.parties.link(account.id().value(), party, role, relationship, "DEMO", "system");
	}

}
