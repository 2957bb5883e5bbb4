package org.dues.compliance.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.dues.compliance.AuditSearch;
import org.dues.compliance.AuditTrail;
import org.dues.compliance.AuditVerifications;
import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.system.FormErrors;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The audit trail for the compliance officer: the records of an actor, an action, a
 * subject (an account by its reference or id, a customer, a creditor, a user) and a
 * period, newest first, each with its details in words; and "Verify the chain", which
 * runs {@link AuditTrail#verify()} apart from the request (one run at a time, a second
 * click joining it) while the page shows that it is verifying and then what was found.
 */
@PageController
class AuditPages {

	private static final String PAGE = "compliance/audit";

	private static final String VERIFICATION = "compliance/audit :: verification";

	private static final String CUSTOMER = "customer:";

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final AuditSearch search;

	private final AuditVerifications verifications;

	private final Accounts accounts;

	private final Creditors creditors;

	private final MessageSource messages;

	AuditPages(AuditSearch search, AuditVerifications verifications, Accounts accounts, Creditors creditors,
			MessageSource messages) {
		this.search = search;
		this.verifications = verifications;
		this.accounts = accounts;
		this.creditors = creditors;
		this.messages = messages;
	}

	@GetMapping("/compliance/audit")
	String trail(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult binding, HttpSession session,
			Model model) {
		ZoneId zone = ViewerZone.of(session, filter.zone(), this.creditors, model);
		model.addAttribute("actions", this.search.actions());
		AuditSearch.Page page = new AuditSearch.Page(List.of(), false, false);
		if (binding.hasErrors()) {
			model.addAttribute("filterErrors", FormErrors.describe(binding));
			model.addAttribute("periodReversed",
					binding.hasFieldErrors("to") && !binding.getFieldError("to").isBindingFailure());
		}
		else {
			page = this.search.find(new AuditSearch.Query(blankless(filter.actor()), blankless(filter.action()),
					subjects(filter.subject()), ViewerZone.startOf(filter.from(), zone),
					ViewerZone.endOf(filter.to(), zone), filter.before(), filter.after()));
		}
		model.addAttribute("page", page);
		model.addAttribute("rows", rows(page.records()));
		model.addAttribute("verification", shown());
		return PAGE;
	}

	@PostMapping("/compliance/audit/verification")
	String verify(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpSession session,
			Model model, Authentication user) {
		this.verifications.start(user.getName());
		if (htmx == null) {
			return "redirect:/compliance/audit";
		}
		model.addAttribute("zone", ViewerZone.current(session, this.creditors).getId());
		model.addAttribute("verification", shown());
		return VERIFICATION;
	}

	@GetMapping("/compliance/audit/verification")
	String verification(HttpSession session, Model model) {
		model.addAttribute("zone", ViewerZone.current(session, this.creditors).getId());
		model.addAttribute("verification", shown());
		return VERIFICATION;
	}

	/** The latest run, if any. */
	private @Nullable VerificationView shown() {
		return this.verifications.latest().map(VerificationView::of).orElse(null);
	}

	/**
	 * What the subject filter matches: a subject as stored ({@code customer:…}), an id
	 * (an account's or a customer's), or else a creditor's code, a username, or an
	 * account reference of any creditor with its customer.
	 */
	private @Nullable List<String> subjects(@Nullable String text) {
		String subject = blankless(text);
		if (subject == null) {
			return null;
		}
		if (subject.contains(":")) {
			return List.of(subject);
		}
		try {
			UUID id = UUID.fromString(subject);
			return List.of("account:" + id, "customer:" + id);
		}
		catch (IllegalArgumentException ex) {
			// not an id: a code, a username or a reference
		}
		List<String> subjects = new ArrayList<>(List.of("creditor:" + subject, "user:" + subject));
		for (CreditorView creditor : this.creditors.list()) {
			this.accounts.findByRef(creditor.id(), subject).ifPresent((AccountView account) -> {
				subjects.add("account:" + account.id().value());
				subjects.add("customer:" + account.customerId().value());
			});
		}
		return subjects;
	}

	private List<Row> rows(List<AuditTrail.Entry> records) {
		// the accounts the page names: as subjects, and by id in the payloads
		Set<AccountId> named = new HashSet<>();
		for (AuditTrail.Entry record : records) {
			AccountId subject = account(record.subject());
			if (subject != null) {
				named.add(subject);
			}
			UUID_TEXT.matcher(record.payload())
				.results()
				.forEach((m) -> named.add(new AccountId(UUID.fromString(m.group()))));
		}
		Map<AccountId, String> refs = this.accounts.refs(named);
		Map<String, String> byId = new HashMap<>();
		refs.forEach((id, ref) -> byId.put(id.value().toString(), ref));
		AuditDetails details = new AuditDetails(this.messages, LocaleContextHolder.getLocale(), byId);
		// a customer named as a subject, by their accounts (each customer read once)
		Map<String, List<Link>> customers = new HashMap<>();
		for (AuditTrail.Entry record : records) {
			if (record.subject().startsWith(CUSTOMER) && !customers.containsKey(record.subject())) {
				customers.put(record.subject(), customerAccounts(record.subject().substring(CUSTOMER.length())));
			}
		}
		return records.stream().map((r) -> {
			AccountId account = account(r.subject());
			return new Row(r,
					this.messages.getMessage("audit.page.action." + r.action(), null, r.action(),
							LocaleContextHolder.getLocale()),
					(account == null) ? null : account.value(), (account == null) ? null : refs.get(account),
					customers.getOrDefault(r.subject(), List.of()), details.lines(r.payload()));
		}).toList();
	}

	private List<Link> customerAccounts(String id) {
		try {
			return this.accounts.ofCustomer(new CustomerId(UUID.fromString(id)))
				.stream()
				.map((a) -> new Link(a.id().value(), a.accountRef()))
				.toList();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static @Nullable AccountId account(String subject) {
		if (!subject.startsWith("account:")) {
			return null;
		}
		try {
			return new AccountId(UUID.fromString(subject.substring("account:".length())));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String blankless(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The trail's filter: each part optional; the days are the reader's zone's.
	 *
	 * @param before the next page: records older than this one
	 * @param after the previous page: records newer than this one
	 */
	@PeriodInOrder
	record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String subject,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Long before,
			@Nullable Long after, @Nullable String zone) implements PeriodInOrder.Period {
	}

	/**
	 * A record as the page shows it.
	 *
	 * @param action the action in the reader's words
	 * @param account the account it is about, if its subject is one
	 * @param accountRef that account's reference
	 * @param customerAccounts the accounts of the customer it is about, if its subject is
	 * one
	 * @param details its payload, a line per field
	 */
	record Row(AuditTrail.Entry entry, String action, @Nullable UUID account, @Nullable String accountRef,
			List<Link> customerAccounts, List<AuditDetails.Line> details) {
	}

	/** An account to link to, by its reference. */
	record Link(UUID id, String ref) {
	}

}
