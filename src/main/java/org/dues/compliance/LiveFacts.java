package org.dues.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.util.TimeZone;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Reads the facts of a live contact from the database: the account and its creditor's
 * policy (with the overlays of the regions the person lives in), the person's time zones,
 * and their holds, consents, blackouts and bans as recorded now. The history comes from
 * the caller ({@code contact} owns it).
 */
@Component
class LiveFacts {

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final CompliancePolicies policies;

	private final ContactHolds holds;

	private final ContactPreferences preferences;

	LiveFacts(Accounts accounts, Creditors creditors, CustomerManagement customers, CompliancePolicies policies,
			ContactHolds holds, ContactPreferences preferences) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.policies = policies;
		this.holds = holds;
		this.preferences = preferences;
	}

	Live read(ContactGate.Request request, List<Interaction> history, Instant at) {
		AccountView account = this.accounts.get(request.account());
		CreditorView creditor = this.creditors.get(account.creditorId());
		CustomerView customer = this.customers.get(account.customerId());
		Set<String> debts = new LinkedHashSet<>();
		debts.add(account.id().value().toString());
		for (AccountId other : request.alsoAbout()) {
			AccountView about = this.accounts.get(other);
			if (!about.customerId().equals(account.customerId())) {
				throw new InvalidInputException("debts", "account %s is not this customer's".formatted(other.value()));
			}
			debts.add(other.value().toString());
		}
		String address = (request.address() == null || request.address().isBlank()) ? null
				: ContactAddress.canonical(request.channel(), request.address(), creditor.country(), "address");
		List<String> regions = customer.addresses()
			.stream()
			.filter((a) -> a.address().state() != null)
			.map((a) -> a.address().country() + "-" + a.address().state().toUpperCase(Locale.ROOT))
			.toList();
		LocalDate today = LocalDate.ofInstant(at, creditor.timeZone());
		ContactPolicy policy = this.policies.forContact(creditor.id(), creditor.jurisdiction(), regions, today);
		ContactPreferences.Recorded asked = this.preferences.ofCustomer(customer.id());
		ContactFacts facts = new ContactFacts(request.channel(), at,
				new ContactFacts.Person(request.role(), zones(customer, creditor), address), debts, request.purpose(),
				history, asked.consents().stream().map(ContactPreferences.ConsentView::fact).toList(),
				this.holds.ofCustomer(customer.id()).stream().map(ContactHolds.HoldView::fact).toList(),
				asked.blackouts()
					.stream()
					.filter((b) -> !b.recording().lifted())
					.map((b) -> new ContactFacts.Blackout(b.daysOfWeek(), b.from(), b.to(), b.until()))
					.toList(),
				asked.bans()
					.stream()
					.filter((b) -> !b.recording().lifted())
					.map((b) -> new ContactFacts.ChannelBan(b.channel(), b.address(), b.receivedAt()))
					.toList(),
				marked(customer));
		return new Live(account, customer, creditor.country(), policy, facts);
	}

	/**
	 * The customer's numbers and email addresses marked wrong or not to be used, as they
	 * are now.
	 */
	static List<ContactFacts.MarkedAddress> marked(CustomerView customer) {
		List<ContactFacts.MarkedAddress> marked = new ArrayList<>();
		customer.phones()
			.stream()
			.filter((p) -> !p.usable())
			.forEach((p) -> marked.add(new ContactFacts.MarkedAddress(p.e164(), p.wrongNumber())));
		customer.emails()
			.stream()
			.filter((e) -> !e.usable())
			.forEach((e) -> marked.add(new ContactFacts.MarkedAddress(e.address(),
					e.status() == org.dues.customer.ContactPointStatus.WRONG)));
		return marked;
	}

	/**
	 * The person's zones; with none known, every zone of the creditor's country (the
	 * conservative reading: the window is then the overlap of them all).
	 */
	static List<ZoneId> zones(CustomerView customer, CreditorView creditor) {
		List<ZoneId> zones = new ArrayList<>();
		customer.timeZones().forEach((zone) -> zones.add(ZoneId.of(zone)));
		if (zones.isEmpty()) {
			for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
					creditor.country(), null)) {
				try {
					zones.add(ZoneId.of(id));
				}
				catch (java.time.DateTimeException ex) {
					// a zone ICU knows and the JDK does not: the others still bound the
					// window
				}
			}
		}
		if (zones.isEmpty()) {
			zones.add(creditor.timeZone());
		}
		return zones;
	}

	/** The facts of a live contact and what they were read from. */
	record Live(AccountView account, CustomerView customer, String country, ContactPolicy policy, ContactFacts facts) {
	}

}
