package org.dues.arrangement.web;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.groups.Default;
import org.dues.arrangement.Affordability;
import org.dues.arrangement.Approvals;
import org.dues.arrangement.Asker;
import org.dues.arrangement.ArrangementId;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.Frequency;
import org.dues.arrangement.NewArrangement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.BalanceComponent;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The arrangements panel of the account page (an htmx fragment): arrangements with their
 * status and schedule, forms to make each kind, the affordability form with its offers;
 * and the approvals inbox page of leads and managers.
 */
@PageController
class ArrangementPages {

	private static final String PANEL = "arrangement/panel :: panel";

	private final ArrangementManagement arrangements;

	private final Approvals approvals;

	private final Accounts accounts;

	private final Phrases phrases;

	ArrangementPages(ArrangementManagement arrangements, Approvals approvals, Accounts accounts, Phrases phrases) {
		this.arrangements = arrangements;
		this.approvals = approvals;
		this.accounts = accounts;
		this.phrases = phrases;
	}

	@GetMapping("/accounts/{id}/arrangements")
	String panel(@PathVariable @Scoped("account") UUID id, Model model) {
		return render(id, model, null, null);
	}

	@PostMapping("/accounts/{id}/arrangements/promise")
	String promise(@PathVariable @Scoped("account") UUID id,
			@Validated({ Default.class, Form.Promise.class }) @ModelAttribute Form form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, binding, () -> {
			var promise = new NewArrangement.Promise(money(id, form.amount()),
					CalendarBounds.parse("dueOn", form.dueOn()), "CALL", null);
			this.arrangements.promise(new AccountId(id), promise, Inputs.asker(user));
		});
	}

	@PostMapping("/accounts/{id}/arrangements/plan")
	String plan(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute Form form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, binding, () -> {
			var plan = new NewArrangement.Plan(form.instalments(),
					Choice.orNull("frequency", form.frequency(), Frequency.class),
					CalendarBounds.parse("firstDueOn", form.firstDueOn()), money(id, form.amount()),
					money(id, form.initialAmount()), null,
					CalendarBounds.parse("offerExpiresOn", form.offerExpiresOn()), form.reason());
			this.arrangements.plan(new AccountId(id), plan, Inputs.asker(user));
		});
	}

	@PostMapping("/accounts/{id}/arrangements/settlement")
	String settlement(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute Form form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, binding, () -> {
			var settlement = new NewArrangement.Settlement(money(id, form.amount()), form.instalments(),
					Choice.orNull("frequency", form.frequency(), Frequency.class),
					CalendarBounds.parse("firstDueOn", form.firstDueOn()),
					CalendarBounds.parse("offerExpiresOn", form.offerExpiresOn()), form.reason());
			this.arrangements.settlement(new AccountId(id), settlement, Inputs.asker(user));
		});
	}

	@PostMapping("/accounts/{id}/arrangements/waiver")
	String waiver(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute Form form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, binding, () -> {
			var waiver = new NewArrangement.Waiver(Choice.orNull("component", form.component(), BalanceComponent.class),
					money(id, form.amount()), form.reason());
			this.arrangements.waiver(new AccountId(id), waiver, Inputs.asker(user));
		});
	}

	@PostMapping("/accounts/{id}/arrangements/deferment")
	String deferment(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute Form form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, binding, () -> this.arrangements.deferment(new AccountId(id),
				new NewArrangement.Deferment(form.days(), form.reason()), Inputs.asker(user)));
	}

	@PostMapping("/accounts/{id}/arrangements/{arrangementId}/cancel")
	String cancel(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("arrangement") UUID arrangementId,
			@Valid @ModelAttribute Form form, BindingResult binding, Model model, Authentication user) {
		return act(id, model, binding,
				() -> this.arrangements.cancel(new ArrangementId(arrangementId), form.reason(), user.getName()));
	}

	@PostMapping("/accounts/{id}/arrangements/affordability")
	String affordability(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute Form form,
			BindingResult binding, Model model, Authentication user) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), null);
		}
		try {
			Currency currency = currency(id);
			var statement = new Affordability.Statement(RequestMoney.orZero("income", form.income(), currency),
					RequestMoney.orZero("essentialSpending", form.essentialSpending(), currency),
					RequestMoney.orZero("otherSpending", form.otherSpending(), currency),
					RequestMoney.orZero("otherDebts", form.otherDebts(), currency));
			return render(id, model, null,
					this.arrangements.affordability(new AccountId(id), statement, Inputs.asker(user)));
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), null);
		}
	}

	@GetMapping("/approvals")
	String inbox(Model model, Authentication user) {
		Asker viewer = Inputs.asker(user);
		model.addAttribute("approvals", this.approvals.inboxOf(viewer).stream().map((p) -> {
			AccountView account = this.accounts.get(p.accountId());
			return new InboxRow(p, account, this.arrangements.get(p.arrangementId()),
					this.phrases.sayOr(p.beyondSaid(), p.beyond()),
					this.phrases.sayEach(this.approvals.beyondAuthorityOf(p, viewer)),
					p.requestedBy().equals(viewer.name()));
		}).toList());
		return "arrangement/approvals";
	}

	@PostMapping("/approvals/{approvalId}/approve")
	String approve(@PathVariable @Scoped("approval") UUID approvalId, @ModelAttribute Form form, Authentication user,
			RedirectAttributes redirect) {
		return decide(redirect, "approvals.approved",
				() -> this.approvals.approve(approvalId, form.reason(), Inputs.asker(user)));
	}

	@PostMapping("/approvals/{approvalId}/reject")
	String reject(@PathVariable @Scoped("approval") UUID approvalId, @ModelAttribute Form form, Authentication user,
			RedirectAttributes redirect) {
		return decide(redirect, "approvals.rejected",
				() -> this.approvals.reject(approvalId, form.reason(), Inputs.asker(user)));
	}

	private String decide(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (InvalidInputException | ConflictException | AccessDeniedException ex) {
			redirect.addFlashAttribute("problem", this.phrases.problem(ex));
		}
		return "redirect:/approvals";
	}

	private String act(UUID id, Model model, BindingResult binding, Runnable action) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), null);
		}
		try {
			action.run();
			return render(id, model, Flash.success(), null);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), null);
		}
	}

	private String render(UUID id, Model model, @Nullable Flash flash, Affordability.@Nullable Assessment assessment) {
		AccountView account = this.accounts.get(new AccountId(id));
		model.addAttribute("account", account);
		model.addAttribute("arrangements", this.arrangements.ofAccount(account.id()));
		model.addAttribute("flash", flash);
		model.addAttribute("assessment", assessment);
		model.addAttribute("frequencies", Frequency.values());
		return PANEL;
	}

	private Currency currency(UUID id) {
		return this.accounts.get(new AccountId(id)).currency();
	}

	private @Nullable Money money(UUID id, @Nullable String amount) {
		return RequestMoney.of("amount", amount, currency(id), null);
	}

	/** What the last action did. */
	record Flash(boolean ok, @Nullable String detail) {

		static Flash success() {
			return new Flash(true, null);
		}

		static Flash error(String detail) {
			return new Flash(false, detail);
		}

	}

	/**
	 * An approval request with its account and arrangement, for the inbox: what went
	 * beyond the asker's authority, and what goes beyond the viewer's, as the viewer
	 * reads them.
	 */
	record InboxRow(org.dues.arrangement.ApprovalView approval, AccountView account,
			org.dues.arrangement.ArrangementView arrangement, String beyond, List<String> beyondMine, boolean own) {

		/**
		 * Whether the viewer may approve it: within their authority, and not their own.
		 */
		public boolean approvable() {
			return this.beyondMine.isEmpty() && !this.own;
		}
	}

	/**
	 * One form for every kind: each field is checked when given; a promise's amount and
	 * date are required ({@link Promise}), the other kinds' own requirements are their
	 * facade's.
	 */
	record Form(@NotBlank(message = Keys.REQUIRED, groups = Promise.class) @Amount @Nullable String amount,
			@NotBlank(message = Keys.REQUIRED, groups = Promise.class) @IsoDate @Nullable String dueOn,
			@Nullable Integer instalments, @OneOf(Frequency.class) @Nullable String frequency,
			@IsoDate @Nullable String firstDueOn, @Amount @Nullable String initialAmount,
			@IsoDate @Nullable String offerExpiresOn, @OneOf(BalanceComponent.class) @Nullable String component,
			@Nullable Integer days, @Nullable String reason, @Amount(zero = true) @Nullable String income,
			@Amount(zero = true) @Nullable String essentialSpending,
			@Amount(zero = true) @Nullable String otherSpending, @Amount(zero = true) @Nullable String otherDebts) {

		/** The group of a promise's own requirements. */
		interface Promise {

		}

	}

}
