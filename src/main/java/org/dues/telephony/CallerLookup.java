package org.dues.telephony;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who is calling: the calling number normalised to E.164 (a number in national form is
 * read as one of the country of the number called, else of India, the US and the UK), the
 * customers who have it (customer's published {@code withPhone}), their accounts (a
 * recalled one is no longer ours), and the language they speak when all of them speak the
 * same one.
 */
@Component
class CallerLookup {

	static final List<String> REGIONS = List.of("IN", "US", "GB");

	private final CustomerManagement customers;

	private final Accounts accounts;

	CallerLookup(CustomerManagement customers, Accounts accounts) {
		this.customers = customers;
		this.accounts = accounts;
	}

	Caller find(String from, @Nullable String to) {
		String called = region(to);
		String number = e164(from, called);
		if (number == null) {
			return new Caller(from.strip(), null, List.of(), null);
		}
		List<String> regions = called == null ? REGIONS : List.of(called);
		List<CustomerId> people = this.customers.withPhone(number, regions);
		List<AccountView> theirs = this.accounts.ofCustomers(people, List.of())
			.stream()
			.filter((a) -> a.status() != AccountStatus.RECALLED)
			.toList();
		Set<String> languages = new LinkedHashSet<>();
		for (CustomerView person : this.customers.getAll(people).values()) {
			languages.add(person.language() == null ? "en" : person.language().toLowerCase(Locale.ROOT));
		}
		String language = (languages.size() == 1) ? languages.iterator().next() : null;
		return new Caller(number, region(number), theirs.stream().map((a) -> a.id().value()).toList(),
				theirs.isEmpty() ? null : language);
	}

	/** The number in E.164, or null when it is none (withheld, {@code anonymous}). */
	static @Nullable String e164(String text, @Nullable String region) {
		String trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.length() > 32) {
			return null;
		}
		for (String r : region == null ? REGIONS : List.of(region)) {
			try {
				return PhoneNumber.parse(trimmed, r).e164();
			}
			catch (IllegalArgumentException ex) {
				// not a number of that region
			}
		}
		return null;
	}

	/** The country of an E.164 number, or null. */
	static @Nullable String region(@Nullable String number) {
		if (number == null || !number.strip().startsWith("+")) {
			return null;
		}
		try {
			return PhoneNumber.parse(number.strip(), "US").region();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A caller.
	 *
	 * @param number the calling number in E.164, or as it came when it is none
	 * @param country the number's country, when known
	 * @param accounts the accounts of the customers who have the number
	 * @param language the language they speak, when one
	 */
	record Caller(String number, @Nullable String country, List<UUID> accounts, @Nullable String language) {

		boolean known() {
			return !this.accounts.isEmpty();
		}

	}

}
