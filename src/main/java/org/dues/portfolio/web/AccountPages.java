package org.dues.portfolio.web;

import java.util.List;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountSearch;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.AccountVisibility;
import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.system.PageController;
import org.dues.system.RightPartyVerification;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account search and the account page.
 */
@PageController
class AccountPages {

	private final Accounts accounts;

	private final AccountSearch search;

	private final CustomerManagement customers;

	private final Creditors creditors;

	private final Scopes scopes;

	private final RightPartyVerification rightParty;

	AccountPages(Accounts accounts, AccountSearch search, CustomerManagement customers, Creditors creditors,
			Scopes scopes, RightPartyVerification rightParty) {
		this.accounts = accounts;
		this.search = search;
		this.scopes = scopes;
		this.rightParty = rightParty;
		this.customers = customers;
		this.creditors = creditors;
	}

	@GetMapping("/accounts")
	String search(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			Authentication user) {
		// the scope is part of the statement: what is counted and paged is what the user
		// may open
		AccountSearch.Page results = (q == null) ? new AccountSearch.Page(List.of(), 0, 0) : this.search.find(q,
				Math.max(page, 1) - 1, (column, params) -> this.scopes.accountCondition(user, column, params));
		List<AccountView> found = results.accounts();
		model.addAttribute("results", results);
		var names = this.customers.getAll(found.stream().map(AccountView::customerId).toList());
		model.addAttribute("q", q);
		model.addAttribute("rows",
				found.stream()
					.map((a) -> new Row(a, names.containsKey(a.customerId()) ? names.get(a.customerId()).name() : ""))
					.toList());
		return (htmx != null) ? "portfolio/accounts :: results" : "portfolio/accounts";
	}

	@GetMapping("/accounts/{id}")
	String account(@PathVariable @Scoped("account") UUID id, Model model, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		model.addAttribute("account", account);
		model.addAttribute("customer", customer);
		model.addAttribute("creditor", this.creditors.get(account.creditorId()));
		model.addAttribute("ledger", this.accounts.ledger(account.id()));
		model.addAttribute("moves", this.accounts.bucketMoves(account.id()));
		model.addAttribute("dateOfBirth", maskedDateOfBirth(customer, user));
		model.addAttribute("nationalId", nationalIdShown(customer, user));
		// an agent on a call sees the debt only once they know they speak to the customer
		model.addAttribute("verified", readsWhole(user) || this.rightParty.isVerified(id));
		return "portfolio/account";
	}

	/** Agents see only the year of birth; leads, managers and compliance see it whole. */
	private static String maskedDateOfBirth(CustomerView customer, Authentication user) {
		if (customer.dateOfBirth() == null) {
			return "—";
		}
		boolean full = readsWhole(user);
		return full ? customer.dateOfBirth().toString() : "••••-••-•• (" + customer.dateOfBirth().getYear() + ")";
	}

	/**
	 * Compliance officers read the national id whole; leads and managers its last four
	 * characters; agents only that there is one, since the customer gives its last four
	 * to be verified.
	 */
	private String nationalIdShown(CustomerView customer, Authentication user) {
		if (customer.nationalIdLast4() == null) {
			return "—";
		}
		if (user.getAuthorities().stream().anyMatch((a) -> "ROLE_COMPLIANCE".equals(a.getAuthority()))) {
			try {
				return String.valueOf(this.customers.nationalId(customer.id()));
			}
			catch (IllegalStateException ex) {
				// encrypted under another keyset: the page still serves
				return "•••• " + customer.nationalIdLast4() + " (unreadable with this keyset)";
			}
		}
		return readsWhole(user) ? "•••• " + customer.nationalIdLast4() : "•••• ••••";
	}

	private static boolean readsWhole(Authentication user) {
		return AccountVisibility.readsWhole(user.getAuthorities());
	}

	/** A search result. */
	record Row(AccountView account, String customerName) {
	}

}
