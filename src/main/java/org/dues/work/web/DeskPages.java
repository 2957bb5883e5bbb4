package org.dues.work.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.ArrangementView;
import org.dues.arrangement.Asker;
import org.dues.arrangement.Frequency;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.AccountVisibility;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.RightPartyVerification;
import org.dues.system.VerificationAttempts;
import org.dues.work.AgentCertificates;
import org.dues.work.BrowseQuery;
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
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The agent's desk: the "next account" button, and on the account page the workspace
 * panel (right-party verification, the call script, click-to-call through the gate, the
 * outcome form, notes and the timeline). Whoever may call (agents, and leads, managers
 * and administrators taking a call) verifies the customer like anyone before the
 * disclosure and the outcomes only the customer can give; a compliance officer, who makes
 * no calls, reads the account's workspace without its call controls. A form refused keeps
 * what was entered, each error beside its field; an arrangement sent for approval keeps
 * the agent on the account and says who decides it.
 */
@PageController
class DeskPages {

	private static final String PANEL = "work/desk :: panel";

	/** The roles that place calls and record outcomes (as the security rules allow). */
	private static final Set<String> CALLERS = Set.of("ROLE_AGENT", "ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN");

	/** The outcome form's fields, for errors shown beside them. */
	private static final List<String> FIELDS = List.of("result", "outcome", "amount", "dueOn", "callbackAt",
			"instalments", "frequency", "note", "interactionId", "number");

	private final Desk desk;

	private final NextAccount next;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Creditors creditors;

	private final Teams teams;

	private final RightPartyVerification rightParty;

	private final DeskScripts scripts;

	private final VerificationAttempts attempts;

	private final Phrases phrases;

	private final IdleAnswers idleAnswers;

	DeskPages(Desk desk, NextAccount next, Accounts accounts, CustomerManagement customers, Creditors creditors,
			Teams teams, RightPartyVerification rightParty, DeskScripts scripts, VerificationAttempts attempts,
			Phrases phrases, IdleAnswers idleAnswers) {
		this.idleAnswers = idleAnswers;
		this.attempts = attempts;
		this.phrases = phrases;
		this.desk = desk;
		this.next = next;
		this.accounts = accounts;
		this.customers = customers;
		this.creditors = creditors;
		this.teams = teams;
		this.rightParty = rightParty;
		this.scripts = scripts;
	}

	@GetMapping("/desk")
	String home(Model model, Authentication user) {
		if (user.getAuthorities().stream().anyMatch((a) -> "ROLE_AGENT".equals(a.getAuthority()))) {
			// an agent opening the desk is about to ask: their next account is prepared
			// meanwhile, so that a shift asking at once takes theirs without a walk
			this.next.prepareSoon(user.getName());
		}
		model.addAttribute("certificate", this.scripts.certificate(user.getName()));
		if (model.getAttribute("idle") instanceof NextAccount.Idle idle) {
			model.addAttribute("idleView", this.idleAnswers.view(idle, asker(user)));
		}
		return "work/home";
	}

	@PostMapping("/desk/next")
	String takeNext(Authentication user, RedirectAttributes redirect) {
		NextAccount.Answer answer = this.next.ask(user.getName());
		if (answer instanceof NextAccount.Next found) {
			redirect.addFlashAttribute("next", found);
			return "redirect:/accounts/" + found.accountId().value();
		}
		redirect.addFlashAttribute("nothing", true);
		redirect.addFlashAttribute("idle", answer);
		return "redirect:/desk";
	}

	@GetMapping("/accounts/{id}/desk")
	String panel(@PathVariable @Scoped("account") UUID id, Model model, Authentication user) {
		return render(id, model, user, Shown.nothing());
	}

	@PostMapping("/accounts/{id}/desk/verify")
	String verify(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String answer,
			Model model, Authentication user, HttpServletResponse response) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		if (!this.attempts.mayTry(user.getName(), id)) {
			return render(id, model, user, Shown.problemKey("desk.verify.locked"));
		}
		if (matches(account, customer, answer)) {
			this.rightParty.verified(id);
			response.setHeader("HX-Refresh", "true");
			return render(id, model, user, Shown.nothing());
		}
		this.attempts.failed(user.getName(), id);
		return render(id, model, user, Shown.problemKey("desk.verify.failed"));
	}

	@PostMapping("/accounts/{id}/desk/call")
	String call(@PathVariable @Scoped("account") UUID id, @RequestParam String number, Model model, Authentication user,
			HttpServletResponse response) {
		try {
			ContactLog.Attempt attempt = this.desk.call(new AccountId(id), number, user.getName());
			// The compliance panel beside reads itself again: the call counts now.
			response.setHeader("HX-Trigger", "dues-desk-call");
			return render(id, model, user, Shown.nothing().with(attempt));
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, user, Shown.problem(this.phrases.problem(ex)));
		}
	}

	@PostMapping("/accounts/{id}/desk/outcome")
	String outcome(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute OutcomeForm form,
			BindingResult binding, HttpServletRequest request, Model model, Authentication user,
			HttpServletResponse response) {
		Map<String, String> entered = entered(request);
		if (binding.hasErrors()) {
			// each error in the reader's language, the field's label in place of its name
			List<InvalidInputException.FieldError> errors = this.phrases.errors(binding)
				.stream()
				.map((e) -> new InvalidInputException.FieldError(String.valueOf(e.field()), e.text()))
				.toList();
			return render(id, model, user, Shown.refused(entered, errors, this.phrases.describe(binding)));
		}
		Desk.Recorded recorded;
		try {
			Desk.Disposition disposition = new Desk.Disposition(
					Choice.orNull("result", form.result(), CallResult.class),
					Choice.orNull("outcome", form.outcome(), Outcome.class), form.interactionId(), blank(form.number()),
					amount(form.amount()), date("dueOn", form.dueOn()), form.instalments(),
					Choice.orNull("frequency", form.frequency(), Frequency.class), dateTime(form.callbackAt()),
					blank(form.note()));
			if (disposition.outcome() != null && disposition.outcome().needsRightParty()
					&& !this.rightParty.isVerified(id)) {
				return render(id, model, user, Shown.problemKey("desk.verify.needed").keeping(entered));
			}
			recorded = this.desk.dispose(new AccountId(id), disposition, asker(user));
		}
		catch (InvalidInputException ex) {
			List<InvalidInputException.FieldError> errors = ex.errors()
				.stream()
				.map((e) -> new InvalidInputException.FieldError(e.field(), this.phrases.say(e)))
				.toList();
			return render(id, model, user, Shown.refused(entered, errors, this.phrases.describe(ex)));
		}
		catch (ConflictException ex) {
			// a call the gate refused names the debts as the agent knows them
			String problem = this.accounts.namingAccountsOf(this.accounts.get(new AccountId(id)).customerId())
				.apply(this.phrases.problem(ex));
			return render(id, model, user, Shown.problem(problem).keeping(entered));
		}
		ArrangementView arrangement = recorded.arrangement();
		if (arrangement != null && arrangement.status() == ArrangementStatus.PENDING_APPROVAL) {
			// not in force until someone decides: the agent stays on the account and is
			// told who decides; the panels beside read themselves again (the call counts,
			// the arrangement waits)
			response.setHeader("HX-Trigger", "dues-desk-call, dues-desk-outcome");
			return render(id, model, user,
					Shown.nothing()
						.sent(new SentForApproval(arrangement.kind().name(), arrangement.amount(), beyond(arrangement),
								leadsOf(user.getName()))));
		}
		// recorded: on to the next account
		NextAccount.Answer answer = this.next.ask(user.getName());
		if (answer instanceof NextAccount.Next found) {
			response.setHeader("HX-Redirect", "/accounts/" + found.accountId().value() + "?recorded");
		}
		else {
			// the desk says why there is nothing more, as after the button
			org.springframework.web.servlet.FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("nothing", true);
			flash.put("idle", answer);
			RequestContextUtils.saveOutputFlashMap("/desk", request, response);
			response.setHeader("HX-Redirect", "/desk?recorded");
		}
		return render(id, model, user, Shown.nothing());
	}

	@PostMapping("/accounts/{id}/desk/notes")
	String note(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String body,
			Model model, Authentication user) {
		try {
			this.desk.note(new AccountId(id), body, user.getName());
			return render(id, model, user, Shown.nothing());
		}
		catch (InvalidInputException ex) {
			return render(id, model, user, Shown.problem(this.phrases.problem(ex)));
		}
	}

	private String render(UUID id, Model model, Authentication user, Shown shown) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		CreditorView creditor = this.creditors.get(account.creditorId());
		boolean calls = calls(user);
		// only a verified customer counts as verified, whoever is at the desk; those who
		// read an account whole read its timeline without it
		boolean verified = calls && this.rightParty.isVerified(id);
		AgentCertificates.Standing certificate = this.scripts.certificate(user.getName());
		ContactLog.Attempt attempt = shown.attempt();
		model.addAttribute("account", account);
		model.addAttribute("customer", customer);
		model.addAttribute("calls", calls);
		// a field agent reads the accounts of their visits and works them on the visits
		// page
		model.addAttribute("fieldAgent",
				user.getAuthorities().stream().anyMatch((a) -> "ROLE_FIELD_AGENT".equals(a.getAuthority())));
		model.addAttribute("verified", verified);
		model.addAttribute("readsWhole", verified || AccountVisibility.readsWhole(user.getAuthorities()));
		model.addAttribute("certificate", certificate);
		model.addAttribute("callClosed", calls && this.scripts.lacksCertificate(account, certificate));
		model.addAttribute("attempt", attempt);
		// why the gate refused the call, in the reader's language, debts named as the
		// agent
		// knows them
		model.addAttribute("blockedReason",
				(attempt == null || attempt.allowed()) ? null
						: this.accounts.namingAccountsOf(account.customerId())
							.apply(String.join("; ",
									attempt.decision()
										.decision()
										.blockedBy()
										.stream()
										.map((r) -> this.phrases.say(r.phrase()))
										.toList())));
		model.addAttribute("nextOpening", (attempt == null || attempt.allowed()) ? null
				: this.desk.nextCallOpening(account.id(), attempt.interaction().address()));
		model.addAttribute("problem", shown.problem());
		model.addAttribute("problemKey", shown.problemKey());
		model.addAttribute("entered", shown.entered());
		model.addAttribute("errors", shown.errors());
		model.addAttribute("sent", shown.sent());
		model.addAttribute("script", verified ? this.scripts.disclosure(account, customer, creditor, user.getName(),
				this.desk.spokenBefore(account.id())) : null);
		model.addAttribute("opening", this.scripts.opening(customer, user.getName()));
		model.addAttribute("results", CallResult.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("zone", this.desk.zoneOf(account, customer).getId());
		model.addAttribute("timeline", this.desk.timeline(account.id(), 50));
		return PANEL;
	}

	/** What was entered in the outcome form, to show it again. */
	private static Map<String, String> entered(HttpServletRequest request) {
		Map<String, String> entered = new HashMap<>();
		for (String field : FIELDS) {
			String value = request.getParameter(field);
			if (value != null) {
				entered.put(field, value);
			}
		}
		return entered;
	}

	/** The leads of the teams the user is in: who may approve what they ask. */
	private List<String> leadsOf(String user) {
		return this.teams.teamsOf(user)
			.stream()
			.map((team) -> this.teams.get(team).lead())
			.filter((lead) -> lead != null && !lead.equals(user))
			.map(String::valueOf)
			.distinct()
			.sorted()
			.toList();
	}

	/** What goes beyond the agent's authority, as the agent reads it. */
	private String beyond(ArrangementView arrangement) {
		return (arrangement.approval() == null) ? ""
				: this.phrases.sayOr(arrangement.approval().beyondSaid(), arrangement.approval().beyond());
	}

	private static boolean calls(Authentication user) {
		return user.getAuthorities().stream().anyMatch((a) -> CALLERS.contains(a.getAuthority()));
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

	static Asker asker(Authentication user) {
		return Asker.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static @Nullable BigDecimal amount(@Nullable String text) {
		return BrowseQuery.amount(text);
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

	/**
	 * An arrangement recorded from the desk that waits for approval.
	 *
	 * @param kind the arrangement's kind ({@code SETTLEMENT})
	 * @param beyond what goes beyond the agent's authority
	 * @param leads the leads of the agent's teams, who (or a manager) decide it
	 */
	record SentForApproval(String kind, Money amount, String beyond, List<String> leads) {
	}

	/**
	 * What the panel shows besides the account: a call just placed, a problem (as text or
	 * a message key), the outcome form's entries and their errors by field, an
	 * arrangement sent for approval.
	 */
	record Shown(ContactLog.@Nullable Attempt attempt, @Nullable String problem, @Nullable String problemKey,
			Map<String, String> entered, Map<String, List<String>> errors, @Nullable SentForApproval sent) {

		static Shown nothing() {
			return new Shown(null, null, null, Map.of(), Map.of(), null);
		}

		static Shown problem(String text) {
			return new Shown(null, text, null, Map.of(), Map.of(), null);
		}

		static Shown problemKey(String key) {
			return new Shown(null, null, key, Map.of(), Map.of(), null);
		}

		/**
		 * The form refused: what was entered, each error (as the reader reads it) beside
		 * its field, and those of no field of the form above it.
		 */
		static Shown refused(Map<String, String> entered, List<InvalidInputException.FieldError> errors, String whole) {
			Map<String, List<String>> byField = new LinkedHashMap<>();
			List<String> elsewhere = new ArrayList<>();
			for (InvalidInputException.FieldError error : errors) {
				String named = error.field().split("[ .\\[(]", 2)[0];
				// an arrangement names a plan's first date as its own field
				String field = named.equals("firstDueOn") ? "dueOn" : named;
				if (FIELDS.contains(field)) {
					byField.computeIfAbsent(field, (f) -> new ArrayList<>()).add(error.message());
				}
				else {
					// said whole, the field's label in it
					elsewhere.add(error.message());
				}
			}
			String problem = errors.isEmpty() ? whole : elsewhere.isEmpty() ? null : String.join("; ", elsewhere);
			return new Shown(null, problem, byField.isEmpty() ? null : "desk.outcome.refused", entered, byField, null);
		}

		Shown with(ContactLog.Attempt attempt) {
			return new Shown(attempt, this.problem, this.problemKey, this.entered, this.errors, this.sent);
		}

		Shown keeping(Map<String, String> entered) {
			return new Shown(this.attempt, this.problem, this.problemKey, entered, this.errors, this.sent);
		}

		Shown sent(SentForApproval sent) {
			return new Shown(this.attempt, this.problem, this.problemKey, this.entered, this.errors, sent);
		}

	}

}
