package org.dues.payment.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPayment;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkId;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.payment.gateway.Checkouts;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentId;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPreview;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotPermittedException;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The payments panel of the account page (an htmx fragment): take a payment, with a
 * preview of how the creditor's waterfall splits it before it is posted; the account's
 * payments with their receipts; a reversal, which asks why and follows the correction
 * rules.
 */
@PageController
class PaymentPages {

	private static final String PANEL = "payment/panel :: panel";

	/** The panel, and the account page's balances card swapped out of band. */
	private static final String CHANGED = "payment/panel :: changed";

	/** The channels an agent records by hand; a gateway's own come by webhook. */
	static final List<PaymentChannel> DESK_CHANNELS = List.of(PaymentChannel.UPI, PaymentChannel.BANK_TRANSFER,
			PaymentChannel.NETBANKING, PaymentChannel.CARD, PaymentChannel.CASH, PaymentChannel.CHEQUE,
			PaymentChannel.ACH, PaymentChannel.WALLET, PaymentChannel.OTHER);

	private final PaymentManagement payments;

	private final Accounts accounts;

	private final Phrases phrases;

	private final PaymentLinks links;

	private final Checkouts checkouts;

	private final Creditors creditors;

	PaymentPages(PaymentManagement payments, Accounts accounts, Phrases phrases, PaymentLinks links,
			Checkouts checkouts, Creditors creditors) {
		this.creditors = creditors;
		this.links = links;
		this.checkouts = checkouts;
		this.payments = payments;
		this.accounts = accounts;
		this.phrases = phrases;
	}

	@GetMapping("/accounts/{id}/payments")
	String panel(@PathVariable @Scoped("account") UUID id, Model model) {
		return render(id, model, null, null, null);
	}

	/** What the payment would do, nothing posted: the form comes back filled in. */
	@PostMapping("/accounts/{id}/payments/preview")
	String preview(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute TakeForm form,
			BindingResult binding, Model model) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), form, null);
		}
		try {
			NewPayment payment = form.toPayment(this.accounts.get(new AccountId(id)));
			return render(id, model, null, form, this.payments.preview(new AccountId(id), payment));
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), form, null);
		}
	}

	@PostMapping("/accounts/{id}/payments")
	String take(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute TakeForm form, BindingResult binding,
			Model model, Authentication user) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), form, null);
		}
		try {
			NewPayment payment = form.toPayment(this.accounts.get(new AccountId(id)));
			PaymentManagement.Result result = this.payments.post(new AccountId(id), payment, user.getName());
			model.addAttribute("taken", result.payment());
			render(id, model, result.created() ? Flash.success("pay.taken") : Flash.success("pay.repeated"), null,
					null);
			return balancesChanged(model);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), form, null);
		}
	}

	@PostMapping("/accounts/{id}/payments/{paymentId}/reversal")
	String reverse(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("payment") UUID paymentId,
			@Valid @ModelAttribute ReverseForm form, BindingResult binding, Model model, Authentication user) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), null, null);
		}
		try {
			this.payments.reverse(new AccountId(id), new PaymentId(paymentId), String.valueOf(form.reason()),
					Actor.of(user));
			render(id, model, Flash.success("pay.reversed"), null, null);
			return balancesChanged(model);
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), null, null);
		}
	}

	/** A payment link for the customer: to copy, or to send from the messages panel. */
	@PostMapping("/accounts/{id}/payments/links")
	String link(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute LinkForm form, BindingResult binding,
			Model model, Authentication user) {
		if (binding.hasErrors()) {
			return render(id, model, Flash.error(this.phrases.describe(binding)), null, null);
		}
		try {
			AccountView account = this.accounts.get(new AccountId(id));
			PaymentLinkView made = this.links.create(account.id(), form.toLink(account), user.getName());
			model.addAttribute("madeLink", made.id());
			return render(id, model, Flash.success("pay.link.made"), null, null);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), null, null);
		}
	}

	@PostMapping("/accounts/{id}/payments/links/{linkId}/cancel")
	String cancelLink(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("paymentLink") UUID linkId,
			Model model, Authentication user) {
		try {
			this.links.cancel(new AccountId(id), new PaymentLinkId(linkId), user.getName());
			return render(id, model, Flash.success("pay.link.cancelled"), null, null);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, Flash.error(this.phrases.problem(ex)), null, null);
		}
	}

	private String render(UUID id, Model model, @Nullable Flash flash, @Nullable TakeForm form,
			@Nullable PaymentPreview preview) {
		AccountView account = this.accounts.get(new AccountId(id));
		model.addAttribute("account", account);
		model.addAttribute("payments", this.payments.ofAccount(account.id()));
		model.addAttribute("channels", DESK_CHANNELS);
		model.addAttribute("flash", flash);
		model.addAttribute("form", form);
		model.addAttribute("preview", preview);
		model.addAttribute("links",
				this.links.ofAccount(account.id()).stream().map((l) -> new LinkRow(l, this.checkouts.url(l))).toList());
		model.addAttribute("purposes",
				List.of(LinkPurpose.OVERDUE, LinkPurpose.BALANCE, LinkPurpose.SETTLEMENT, LinkPurpose.CUSTOM));
		return PANEL;
	}

	/**
	 * The panel with the account's balances card: the page's card shows the balance,
	 * overdue and days past due the payment or its reversal left.
	 */
	private String balancesChanged(Model model) {
		AccountView account = (AccountView) java.util.Objects.requireNonNull(model.getAttribute("account"));
		model.addAttribute("creditorName", this.creditors.get(account.creditorId()).name());
		return CHANGED;
	}

	/** What the last action did: a message key when it worked, the refusal when not. */
	record Flash(boolean ok, String text) {

		static Flash success(String key) {
			return new Flash(true, key);
		}

		static Flash error(String detail) {
			return new Flash(false, detail);
		}

	}

	/** Take a payment: the amount in the account's currency, how, its reference, when. */
	record TakeForm(@NotBlank(message = Keys.REQUIRED) @Amount @Nullable String amount,
			@NotBlank(message = Keys.REQUIRED) @OneOf(PaymentChannel.class) @Nullable String channel,
			@NotBlank(message = Keys.REQUIRED) @Size(max = 100, message = Keys.LENGTH) @Pattern(
					regexp = Keys.NO_CONTROLS, message = Keys.CONTROLS) @Nullable String reference,
			@IsoDate @Nullable String receivedOn,
			@Size(max = 40, message = Keys.LENGTH) @Pattern(regexp = Keys.NO_CONTROLS,
					message = Keys.CONTROLS) @Nullable String receiptBookNumber) {

		NewPayment toPayment(AccountView account) {
			Money money = RequestMoney.of("amount", this.amount, account.currency(), null);
			return new NewPayment(java.util.Objects.requireNonNull(money),
					Choice.of("channel", this.channel, PaymentChannel.class),
					java.util.Objects.requireNonNull(this.reference).strip(),
					CalendarBounds.parse("receivedOn", this.receivedOn),
					this.receiptBookNumber == null || this.receiptBookNumber.isBlank() ? null
							: this.receiptBookNumber.strip(),
					null);
		}

	}

	/** A link as the panel shows it, with its public address. */
	record LinkRow(PaymentLinkView link, String url) {
	}

	/**
	 * A payment link to make: what for, the amount (the purpose's default when blank),
	 * the last day (the creditor's default when blank), and whether it stays open until
	 * paid.
	 */
	record LinkForm(@NotBlank(message = Keys.REQUIRED) @OneOf(LinkPurpose.class) @Nullable String purpose,
			@Amount @Nullable String amount, @IsoDate @Nullable String expiresOn, @Nullable Boolean openUntilPaid) {

		NewPaymentLink toLink(AccountView account) {
			return new NewPaymentLink(Choice.of("purpose", this.purpose, LinkPurpose.class),
					RequestMoney.of("amount", this.amount, account.currency(), null), null,
					CalendarBounds.parse("expiresOn", this.expiresOn), !Boolean.TRUE.equals(this.openUntilPaid));
		}

	}

	/** Why a payment is reversed (required). */
	record ReverseForm(@NotBlank(message = Keys.REQUIRED) @Size(max = 500, message = Keys.LENGTH) @Pattern(
			regexp = Keys.NO_CONTROLS, message = Keys.CONTROLS) @Nullable String reason) {
	}

}
