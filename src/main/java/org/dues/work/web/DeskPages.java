package org.dues.work.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.dues.arrangement.Asker;
import org.dues.arrangement.Frequency;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.AccountVisibility;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.system.FormErrors;
import org.dues.system.PageController;
import org.dues.system.RightPartyVerification;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's desk: the "next account" button, and on the account page the workspace
 * panel (right-party verification, the call script, click-to-call through the gate, the
 * outcome form, notes and the timeline).
 */
@PageController
class DeskPages {

	private static final String PANEL = "work/desk :: panel";

	private final Desk desk;

	private final NextAccount next;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Creditors creditors;

	private final RightPartyVerification rightParty;

	private final DeskScripts scripts;

	private final org.dues.system.VerificationAttempts attempts;

	DeskPages(Desk desk, NextAccount next, Accounts accounts, CustomerManagement customers, Creditors creditors,
			RightPartyVerification rightParty, DeskScripts scripts, org.dues.system.VerificationAttempts attempts) {
		this.attempts = attempts;
		this.desk = desk;
		this.next = next;
		this.accounts = accounts;
		this.customers = customers;
		this.creditors = creditors;
		this.rightParty = rightParty;
		this.scripts = scripts;
	}

	@GetMapping("/desk")
	String home(Model model) {
		return "work/home";
	}

	@PostMapping("/desk/next")
	String takeNext(Authentication user, RedirectAttributes redirect) {
		Optional<NextAccount.Next> found = this.next.next(user.getName());
		if (found.isEmpty()) {
			redirect.addFlashAttribute("nothing", true);
			return "redirect:/desk";
		}
		redirect.addFlashAttribute("next", found.get());
		return "redirect:/accounts/" + found.get().accountId().value();
	}

	@GetMapping("/accounts/{id}/desk")
	String panel(@PathVariable @Scoped("account") UUID id, Model model, Authentication user) {
		return render(id, model, user, null, null, null);
	}

	@PostMapping("/accounts/{id}/desk/verify")
	String verify(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String answer,
			Model model, Authentication user, HttpServletResponse response) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		if (!this.attempts.mayTry(user.getName(), id)) {
			return render(id, model, user, null, null, "desk.verify.locked");
		}
		if (matches(account, customer, answer)) {
			this.rightParty.verified(id);
			response.setHeader("HX-Refresh", "true");
			return render(id, model, user, null, null, null);
		}
		this.attempts.failed(user.getName(), id);
		return render(id, model, user, null, null, "desk.verify.failed");
	}

	@PostMapping("/accounts/{id}/desk/call")
	String call(@PathVariable @Scoped("account") UUID id, @RequestParam String number, Model model, Authentication user,
			HttpServletResponse response) {
		try {
			ContactLog.Attempt attempt = this.desk.call(new AccountId(id), number, user.getName());
			// The compliance panel beside reads itself again: the call counts now.
			response.setHeader("HX-Trigger", "dues-desk-call");
			return render(id, model, user, attempt, null, null);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, user, null, String.valueOf(ex.getMessage()), null);
		}
	}

	@PostMapping("/accounts/{id}/desk/outcome")
	String outcome(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute OutcomeForm form,
			BindingResult binding, Model model, Authentication user, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return render(id, model, user, null, FormErrors.describe(binding), null);
		}
		try {
			Desk.Disposition disposition = new Desk.Disposition(
					Choice.orNull("result", form.result(), CallResult.class),
					Choice.orNull("outcome", form.outcome(), Outcome.class), form.interactionId(), blank(form.number()),
					amount(form.amount()), date("dueOn", form.dueOn()), form.instalments(),
					Choice.orNull("frequency", form.frequency(), Frequency.class), dateTime(form.callbackAt()),
					blank(form.note()));
			if (disposition.outcome() != null && disposition.outcome().needsRightParty() && !seesAll(user)
					&& !this.rightParty.isVerified(id)) {
				return render(id, model, user, null, null, "desk.verify.needed");
			}
			this.desk.dispose(new AccountId(id), disposition, asker(user));
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, user, null, String.valueOf(ex.getMessage()), null);
		}
		// recorded: on to the next account
		Optional<NextAccount.Next> found = this.next.next(user.getName());
		response.setHeader("HX-Redirect",
				found.map((n) -> "/accounts/" + n.accountId().value() + "?recorded").orElse("/desk?recorded"));
		return render(id, model, user, null, null, null);
	}

	@PostMapping("/accounts/{id}/desk/notes")
	String note(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String body,
			Model model, Authentication user) {
		try {
			this.desk.note(new AccountId(id), body, user.getName());
			return render(id, model, user, null, null, null);
		}
		catch (InvalidInputException ex) {
			return render(id, model, user, null, String.valueOf(ex.getMessage()), null);
		}
	}

	private String render(UUID id, Model model, Authentication user, ContactLog.@Nullable Attempt attempt,
			@Nullable String problem, @Nullable String problemKey) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		CreditorView creditor = this.creditors.get(account.creditorId());
		boolean verified = seesAll(user) || this.rightParty.isVerified(id);
		model.addAttribute("account", account);
		model.addAttribute("customer", customer);
		model.addAttribute("verified", verified);
		model.addAttribute("attempt", attempt);
		model.addAttribute("blockedReason",
				(attempt == null || attempt.allowed() || attempt.interaction().blockedReason() == null) ? null
						: this.accounts.namingAccountsOf(account.customerId())
							.apply(String.valueOf(attempt.interaction().blockedReason())));
		model.addAttribute("nextOpening", (attempt == null || attempt.allowed()) ? null
				: this.desk.nextCallOpening(account.id(), attempt.interaction().address()));
		model.addAttribute("problem", problem);
		model.addAttribute("problemKey", problemKey);
		model.addAttribute("script", this.scripts.disclosure(account, customer, creditor, user.getName(),
				this.desk.spokenBefore(account.id())));
		model.addAttribute("opening", this.scripts.opening(customer, user.getName()));
		model.addAttribute("results", CallResult.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("zone", this.desk.zoneOf(account, customer).getId());
		model.addAttribute("timeline", this.desk.timeline(account.id(), 50));
		return PANEL;
	}

	/**
	 * Date of birth (yyyy-MM-dd), or the last four characters of the national id or of
	 * the account reference.
	 */
	private static boolean matches(AccountView account, CustomerView customer, @Nullable String answer) {
		if (answer == null || answer.isBlank()) {
			return false;
		}
		String given = answer.strip();
		if (customer.dateOfBirth() != null && given.equals(customer.dateOfBirth().toString())) {
			return true;
		}
		String last4 = customer.nationalIdLast4();
		if (last4 != null && given.replaceAll("[\\s\\-]", "").equalsIgnoreCase(last4)) {
			return true;
		}
		String ref = account.accountRef();
		return given.length() == 4 && ref.length() >= 4 && ref.substring(ref.length() - 4).equalsIgnoreCase(given);
	}

	private static boolean seesAll(Authentication user) {
		return AccountVisibility.readsWhole(user.getAuthorities());
	}

	static Asker asker(Authentication user) {
		return Asker.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static @Nullable BigDecimal amount(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("amount", "'%s' is not an amount".formatted(text));
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return org.dues.shared.CalendarBounds.parse(field, text);
	}

	static @Nullable LocalDateTime dateTime(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return org.dues.shared.CalendarBounds.parseDateTime("callbackAt", text);
	}

	/** The outcome form. */
	@OutcomeDetails
	record OutcomeForm(@OneOf(CallResult.class) @Nullable String result, @OneOf(Outcome.class) @Nullable String outcome,
			@Nullable UUID interactionId, @Nullable String number, @Nullable String amount,
			@IsoDate @Nullable String dueOn,
			@Positive(message = "{dues.validation.amount.positive}") @Nullable Integer instalments,
			@OneOf(Frequency.class) @Nullable String frequency, @Nullable String callbackAt,
			@Nullable String note) implements OutcomeDetails.Fields {
	}

}
