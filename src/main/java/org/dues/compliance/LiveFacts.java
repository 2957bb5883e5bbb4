package org.dues.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.ibm.icu.util.TimeZone;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;

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
		return read(request, history, at, Map.of(), Map.of());
	}

	/**
	 * As {@link #read(ContactGate.Request, List, Instant)}, with the account and its
	 * customer as the caller has just read them (in the same transaction), so they are
	 * not read again; the policy, the holds, consents, blackouts and bans are read now.
	 */
	Live read(ContactGate.Request request, List<Interaction> history, Instant at, AccountView account,
			CustomerView customer) {
		if (!account.id().equals(request.account()) || !request.alsoAbout().isEmpty()
				|| !account.customerId().equals(customer.id())) {
			return read(request, history, at);
		}
		return read(request, history, at, Map.of(account.id(), account), Map.of(customer.id(), customer));
	}

	private Live read(ContactGate.Request request, List<Interaction> history, Instant at,
			Map<AccountId, AccountView> knownAccounts, Map<CustomerId, CustomerView> knownCustomers) {
		Object read = readAll(List.of(request), at, knownAccounts, knownCustomers).get(0);
		if (read instanceof RuntimeException ex) {
			throw ex;
		}
		return ((Base) read).live(history);
	}

	/**
	 * Reads the facts of many contacts at once, set-based: each account, creditor,
	 * customer, policy and the people's holds, consents, blackouts and bans are read once
	 * however many contacts share them.
	 * @return for each request in order, its {@link Base} (everything but the history),
	 * or the exception reading it raised (an unknown account, an address that is none)
	 */
	List<Object> readAll(List<ContactGate.Request> requests, Instant at) {
		return readAll(requests, at, Map.of(), Map.of());
	}

	private List<Object> readAll(List<ContactGate.Request> requests, Instant at,
			Map<AccountId, AccountView> knownAccounts, Map<CustomerId, CustomerView> knownCustomers) {
		Set<AccountId> ids = new LinkedHashSet<>();
		requests.forEach((r) -> {
			ids.add(r.account());
			ids.addAll(r.alsoAbout());
		});
		Map<AccountId, AccountView> accounts = new HashMap<>(knownAccounts);
		ids.removeAll(knownAccounts.keySet());
		if (!ids.isEmpty()) {
			accounts.putAll(this.accounts.getAll(ids));
		}
		Map<CreditorId, CreditorView> creditors = new HashMap<>();
		Set<CustomerId> customerIds = accounts.values()
			.stream()
			.map(AccountView::customerId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<CustomerId, CustomerView> customers = new HashMap<>(knownCustomers);
		customerIds.removeAll(knownCustomers.keySet());
		if (!customerIds.isEmpty()) {
			customers.putAll(this.customers.getAll(customerIds));
		}
		Map<CustomerId, List<ContactHolds.HoldView>> holds = this.holds.ofCustomers(customers.keySet());
		Map<CustomerId, ContactPreferences.Recorded> asked = this.preferences.ofCustomers(customers.keySet());
		Map<List<Object>, ContactPolicy> policies = new HashMap<>();
		Map<CustomerId, Shared> shared = new HashMap<>();
		List<Object> read = new ArrayList<>(requests.size());
		for (ContactGate.Request request : requests) {
			try {
				AccountView account = found(accounts, request.account());
				CreditorView creditor = creditors.computeIfAbsent(account.creditorId(), this.creditors::get);
				CustomerView customer = customers.get(account.customerId());
				if (customer == null) {
					throw new NotFoundException("customer", account.customerId());
				}
				Set<String> debts = new LinkedHashSet<>();
				debts.add(account.id().value().toString());
				for (AccountId other : request.alsoAbout()) {
					AccountView about = found(accounts, other);
					if (!about.customerId().equals(account.customerId())) {
						throw new InvalidInputException("debts",
								"account %s is not this customer's".formatted(other.value()));
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
				ContactPolicy policy = policies.computeIfAbsent(
						List.of(creditor.id(), creditor.jurisdiction(), regions, today),
						(k) -> this.policies.forContact(creditor.id(), creditor.jurisdiction(), regions, today));
				Shared person = shared.computeIfAbsent(customer.id(),
						(c) -> Shared.of(customer, holds.getOrDefault(c, List.of()), asked.get(c)));
				read.add(new Base(account, customer, creditor.country(), policy, request, at,
						new ContactFacts.Person(request.role(), person.zonesFor(customer, creditor), address), debts,
						person));
			}
			catch (RuntimeException ex) {
				read.add(ex);
			}
		}
		return read;
	}

	private static AccountView found(Map<AccountId, AccountView> accounts, AccountId id) {
		AccountView account = accounts.get(id);
		if (account == null) {
			throw new NotFoundException("account", id);
		}
		return account;
	}

	/**
	 * What a person's contacts share however many of their debts are decided on: what
	 * they asked for and the holds on them, as facts, and their zones per creditor.
	 */
	record Shared(List<ContactFacts.Consent> consents, List<ContactFacts.Hold> holds,
			List<ContactFacts.Blackout> blackouts, List<ContactFacts.ChannelBan> bans,
			List<ContactFacts.MarkedAddress> marked, Map<CreditorId, List<ZoneId>> zones) {

		static Shared of(CustomerView customer, List<ContactHolds.HoldView> holds, ContactPreferences.Recorded asked) {
			return new Shared(asked.consents().stream().map(ContactPreferences.ConsentView::fact).toList(),
					holds.stream().map(ContactHolds.HoldView::fact).toList(),
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
					LiveFacts.marked(customer), new HashMap<>());
		}

		List<ZoneId> zonesFor(CustomerView customer, CreditorView creditor) {
			return this.zones.computeIfAbsent(creditor.id(), (c) -> LiveFacts.zones(customer, creditor));
		}

	}

	/**
	 * The facts of a live contact read from the database, all but the person's history,
	 * which the caller adds as it stands at the moment of the decision.
	 */
	record Base(AccountView account, CustomerView customer, String country, ContactPolicy policy,
			ContactGate.Request request, Instant at, ContactFacts.Person person, Set<String> debts, Shared shared) {

		Live live(List<Interaction> history) {
			ContactFacts facts = new ContactFacts(this.request.channel(), this.at, this.person, this.debts,
					this.request.purpose(), history, this.shared.consents(), this.shared.holds(),
					this.shared.blackouts(), this.shared.bans(), this.shared.marked());
			return new Live(this.account, this.customer, this.country, this.policy, facts);
		}

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
