package org.dues.contact.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactAddress;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.ContactPoint;
import org.dues.customer.ContactPointChange;
import org.dues.customer.ContactPointChanges;
import org.dues.customer.ContactPointKind;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.customer.PartyRole;
import org.dues.customer.RelatedParties;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A customer as the customer view shows them, read for one reader: the person (name in
 * their script, language, regions, time zones), every account the person is on with any
 * creditor (this customer and the customers known to be the same person, as borrower or
 * related party) of which only those the reader may open are shown and the rest counted,
 * the related parties of the accounts shown, the contact points with their status, where
 * they came from, the customer's consents and the media they asked us not to use, and the
 * history of what people changed.
 */
@Component
class CustomerOverview {

	private final CustomerManagement customers;

	private final ContactPointChanges points;

	private final RelatedParties parties;

	private final Accounts accounts;

	private final ContactPreferences preferences;

	private final Scopes scopes;

	CustomerOverview(CustomerManagement customers, ContactPointChanges points, RelatedParties parties,
			Accounts accounts, ContactPreferences preferences, Scopes scopes) {
		this.customers = customers;
		this.points = points;
		this.parties = parties;
		this.accounts = accounts;
		this.preferences = preferences;
		this.scopes = scopes;
	}

	/** The customer as the reader may see them (the caller has checked the customer). */
	Overview read(CustomerId id, Authentication reader) {
		CustomerView customer = this.customers.get(id);
		List<CustomerId> person = this.customers.samePerson(id);
		List<RelatedParties.Party> roles = this.parties.debtsOf(person);
		Map<AccountId, RelatedParties.Party> partyOn = new LinkedHashMap<>();
		roles.forEach((p) -> partyOn.putIfAbsent(new AccountId(p.accountId()), p));
		List<AccountView> all = this.accounts.ofCustomers(person, partyOn.keySet());
		boolean seesAll = this.scopes.seesAll(reader);
		List<AccountLine> shown = new ArrayList<>();
		int hidden = 0;
		for (AccountView account : all) {
			if (!seesAll && !this.scopes.reaches(reader, RecordReach.account(account.id().value()))) {
				hidden++;
				continue;
			}
			boolean borrower = person.contains(account.customerId());
			RelatedParties.Party party = partyOn.get(account.id());
			shown.add(new AccountLine(account, borrower ? PartyRole.BORROWER : party.role(),
					borrower ? null : party.relationship()));
		}
		ContactPreferences.Recorded asked = this.preferences.ofCustomer(id);
		return new Overview(customer, regions(customer), List.copyOf(customer.timeZones()), shown, hidden,
				related(shown, person, reader, seesAll), alsoKnownAs(person, reader, seesAll), points(customer, asked),
				asked.consents().stream().filter((c) -> !c.recording().lifted()).toList(), this.points.history(id));
	}

	/**
	 * The other parties of the accounts shown: each account's borrower and related
	 * parties who are not this person, with whether the reader may open them.
	 */
	private List<PartyLine> related(List<AccountLine> shown, List<CustomerId> person, Authentication reader,
			boolean seesAll) {
		List<UUID> ids = shown.stream().map((a) -> a.account().id().value()).toList();
		List<RelatedParties.Party> linked = this.parties.ofDebts(ids);
		Set<CustomerId> others = new LinkedHashSet<>();
		shown.forEach((a) -> others.add(a.account().customerId()));
		linked.forEach((p) -> others.add(p.customerId()));
		person.forEach(others::remove);
		Map<CustomerId, CustomerView> named = this.customers.getAll(others);
		List<PartyLine> lines = new ArrayList<>();
		for (AccountLine line : shown) {
			AccountView account = line.account();
			if (!person.contains(account.customerId())) {
				lines.add(party(account, named.get(account.customerId()), PartyRole.BORROWER, null, reader, seesAll));
			}
			for (RelatedParties.Party p : linked) {
				if (p.accountId().equals(account.id().value()) && !person.contains(p.customerId())) {
					lines.add(party(account, named.get(p.customerId()), p.role(), p.relationship(), reader, seesAll));
				}
			}
		}
		return lines;
	}

	private PartyLine party(AccountView account, CustomerView party, PartyRole role, @Nullable String relationship,
			Authentication reader, boolean seesAll) {
		return new PartyLine(account, party, role, relationship, seesAll || reaches(reader, party.id()));
	}

	/** The other customers known to be this person whom the reader may open. */
	private List<CustomerView> alsoKnownAs(List<CustomerId> person, Authentication reader, boolean seesAll) {
		List<CustomerId> others = person.subList(1, person.size())
			.stream()
			.filter((other) -> seesAll || reaches(reader, other))
			.toList();
		Map<CustomerId, CustomerView> read = this.customers.getAll(others);
		return others.stream().map(read::get).toList();
	}

	private boolean reaches(Authentication reader, CustomerId customer) {
		return this.scopes.find("customer", customer.value().toString(), Map.of())
			.map((reach) -> this.scopes.reaches(reader, reach))
			.orElse(false);
	}

	/**
	 * Each contact point with the media the customer asked us not to use that concern it:
	 * a ban of a channel the point serves, for the whole channel or this number or
	 * address.
	 */
	private List<PointLine> points(CustomerView customer, ContactPreferences.Recorded asked) {
		List<ContactPreferences.BanView> bans = asked.bans().stream().filter((b) -> !b.recording().lifted()).toList();
		List<PointLine> lines = new ArrayList<>();
		for (ContactPoint point : this.points.of(customer.id())) {
			Set<Channel> channels = switch (point.kind()) {
				case PHONE -> Set.of(Channel.CALL, Channel.SMS, Channel.WHATSAPP);
				case EMAIL -> Set.of(Channel.EMAIL);
				case ADDRESS -> Set.of(Channel.LETTER, Channel.VISIT);
			};
			List<Channel> optedOut = bans.stream()
				.filter((b) -> channels.contains(b.channel()))
				.filter((b) -> b.address() == null || concerns(point, b))
				.map(ContactPreferences.BanView::channel)
				.distinct()
				.sorted()
				.toList();
			lines.add(new PointLine(point, optedOut));
		}
		return lines;
	}

	private static boolean concerns(ContactPoint point, ContactPreferences.BanView ban) {
		String banned = String.valueOf(ban.address()).strip().toLowerCase(Locale.ROOT);
		if (point.kind() == ContactPointKind.ADDRESS) {
			return point.value().toLowerCase(Locale.ROOT).equals(banned);
		}
		try {
			// bans are stored canonical; the point too: compare them so
			String canonical = ContactAddress.canonical(ban.channel(), point.value(), "ZZ", "address");
			return canonical.equalsIgnoreCase(banned);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The regions of the customer's current addresses, as {@code IN-KL}. */
	private static List<String> regions(CustomerView customer) {
		return customer.addresses()
			.stream()
			.filter((a) -> a.status().current())
			.map((a) -> a.address().country()
					+ ((a.address().state() == null) ? "" : "-" + a.address().state().toUpperCase(Locale.ROOT)))
			.distinct()
			.toList();
	}

	/**
	 * The customer as one reader sees them.
	 *
	 * @param accounts the accounts the reader may open, by creditor and reference
	 * @param hiddenAccounts how many more the person has that the reader may not open
	 * @param alsoKnownAs the other customers known to be this person whom the reader may
	 * open (with other creditors)
	 */
	record Overview(CustomerView customer, List<String> regions, List<String> timeZones, List<AccountLine> accounts,
			int hiddenAccounts, List<PartyLine> parties, List<CustomerView> alsoKnownAs, List<PointLine> points,
			List<ContactPreferences.ConsentView> consents, List<ContactPointChange> history) {

		/** The contact point with this id, if the customer has it (for the history). */
		@Nullable ContactPoint point(@Nullable UUID id) {
			return this.points.stream().map(PointLine::point).filter((p) -> p.id().equals(id)).findFirst().orElse(null);
		}

	}

	/** An account the person is on, and how. */
	record AccountLine(AccountView account, PartyRole role, @Nullable String relationship) {
	}

	/** Another party of an account shown, and whether the reader may open them. */
	record PartyLine(AccountView account, CustomerView party, PartyRole role, @Nullable String relationship,
			boolean reachable) {
	}

	/** A contact point and the channels of it the customer asked us not to use. */
	record PointLine(ContactPoint point, List<Channel> optedOut) {
	}

}
