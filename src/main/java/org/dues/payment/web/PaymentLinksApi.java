package org.dues.payment.web;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.payment.LinkPayments;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkId;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.payment.gateway.Checkouts;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment links of an account: create one (for the overdue by default), list them, read
 * one with the gateways' attempts, cancel one.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/payment-links")
@Tag(name = "Payment links")
class PaymentLinksApi {

	private final PaymentLinks links;

	private final LinkPayments attempts;

	private final Checkouts checkouts;

	private final Accounts accounts;

	PaymentLinksApi(PaymentLinks links, LinkPayments attempts, Checkouts checkouts, Accounts accounts) {
		this.links = links;
		this.attempts = attempts;
		this.checkouts = checkouts;
		this.accounts = accounts;
	}

	@PostMapping
	@Operation(summary = "Create a payment link",
			description = "amount defaults to the purpose's (OVERDUE: the overdue amount, BALANCE: the balance, "
					+ "INSTALMENT: the instalment); expiresOn to the creditor's default days; 201 with the public url "
					+ "and, for INR with a UPI payee set, the upi://pay intent")
	ResponseEntity<LinkJson> create(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid LinkRequest body, Authentication user) {
		AccountId account = new AccountId(accountId);
		Currency currency = this.accounts.get(account).currency();
		NewPaymentLink link = new NewPaymentLink(
				body.purpose() == null ? LinkPurpose.OVERDUE : Choice.of("purpose", body.purpose(), LinkPurpose.class),
				RequestMoney.of("amount", body.amount(), currency, body.currency()),
				RequestMoney.of("minAmount", body.minAmount(), currency, body.currency()),
				CalendarBounds.parse("expiresOn", body.expiresOn()), body.singleUse() == null || body.singleUse());
		PaymentLinkView created = this.links.create(account, link, user.getName());
		return ResponseEntity
			.created(URI.create("/api/v1/accounts/%s/payment-links/%s".formatted(accountId, created.id())))
			.body(json(created, false));
	}

	@GetMapping
	@Operation(summary = "The account's payment links, newest first")
	List<LinkJson> list(@PathVariable @Scoped("account") UUID accountId) {
		return this.links.ofAccount(new AccountId(accountId)).stream().map((l) -> json(l, false)).toList();
	}

	@GetMapping("/{linkId}")
	@Operation(summary = "Read a payment link, with every attempt a gateway reported")
	LinkJson get(@PathVariable @Scoped("account") UUID accountId, @PathVariable @Scoped("paymentLink") UUID linkId) {
		return json(this.links.get(new AccountId(accountId), new PaymentLinkId(linkId)), true);
	}

	@PostMapping("/{linkId}/cancellation")
	@Operation(summary = "Cancel a payment link", description = "409 when it is paid; repeating it changes nothing")
	LinkJson cancel(@PathVariable @Scoped("account") UUID accountId, @PathVariable @Scoped("paymentLink") UUID linkId,
			Authentication user) {
		return json(this.links.cancel(new AccountId(accountId), new PaymentLinkId(linkId), user.getName()), false);
	}

	private LinkJson json(PaymentLinkView l, boolean withAttempts) {
		return new LinkJson(l.id().toString(), this.checkouts.url(l), l.reference(), l.purpose().name(),
				l.status().name(), MoneyJson.of(l.amount()), MoneyJson.ofNullable(l.minAmount()),
				MoneyJson.of(l.paidAmount()), l.singleUse(), l.expiresAt(), this.links.upiUri(l).orElse(null),
				l.createdAt(), l.createdBy(),
				withAttempts ? this.attempts.attempts(l.id())
					.stream()
					.map((a) -> new AttemptJson(a.gateway(), a.gatewayPaymentId(), a.outcome(),
							a.amount() == null ? null
									: a.amount().setScale(l.amount().amount().scale()).toPlainString(),
							a.reason(), a.at()))
					.toList() : null);
	}

	record LinkRequest(@Amount @Nullable String amount, @Amount @Nullable String minAmount,
			@CurrencyCode @Nullable String currency, @IsoDate @Nullable String expiresOn,
			@OneOf(LinkPurpose.class) @Nullable String purpose, @Nullable Boolean singleUse) {
	}

	record LinkJson(String id, String url, String reference, String purpose, String status, MoneyJson amount,
			@Nullable MoneyJson minAmount, MoneyJson paidAmount, boolean singleUse, Instant expiresAt,
			@Nullable String upiUri, Instant createdAt, String createdBy, @Nullable List<AttemptJson> attempts) {
	}

	record AttemptJson(String gateway, @Nullable String gatewayPaymentId, String outcome, @Nullable String amount,
			@Nullable String reason, Instant at) {
	}

}
