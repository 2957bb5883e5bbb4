package org.dues.payment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentId;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.Money;
import org.dues.shared.MoneyJson;
import org.dues.system.Actor;
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
 * Payments on an account: post one (idempotent on its reference), list them, reverse one.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/payments")
@Tag(name = "Payments")
class PaymentsApi {

	private final PaymentManagement payments;

	private final Accounts accounts;

	PaymentsApi(PaymentManagement payments, Accounts accounts) {
		this.payments = payments;
		this.accounts = accounts;
	}

	@PostMapping
	@Operation(summary = "Post a payment by the creditor's waterfall",
			description = "201 with the payment; 200 with the same payment when the reference repeats")
	ResponseEntity<PaymentJson> post(@PathVariable @Scoped("account") UUID accountId, @RequestBody PaymentRequest body,
			Authentication user) {
		AccountId account = new AccountId(accountId);
		Currency currency = this.accounts.get(account).currency();
		NewPayment payment = body.toPayment(currency);
		PaymentManagement.Result result = this.payments.post(account, payment, user.getName());
		PaymentJson json = PaymentJson.of(result.payment());
		if (result.created()) {
			return ResponseEntity
				.created(URI.create("/api/v1/accounts/%s/payments/%s".formatted(accountId, result.payment().id())))
				.body(json);
		}
		return ResponseEntity.ok(json);
	}

	@GetMapping
	@Operation(summary = "The account's payments, newest first")
	List<PaymentJson> list(@PathVariable @Scoped("account") UUID accountId) {
		return this.payments.ofAccount(new AccountId(accountId)).stream().map(PaymentJson::of).toList();
	}

	@GetMapping("/{paymentId}")
	@Operation(summary = "Read a payment")
	PaymentJson get(@PathVariable @Scoped("account") UUID accountId, @PathVariable @Scoped("payment") UUID paymentId) {
		return PaymentJson.of(this.payments.get(new AccountId(accountId), new PaymentId(paymentId)));
	}

	@PostMapping("/{paymentId}/reversal")
	@Operation(summary = "Reverse a payment (bounced, charged back, posted in error)",
			description = "Restores every balance the payment reduced; repeating it changes nothing")
	PaymentJson reverse(@PathVariable @Scoped("account") UUID accountId,
			@PathVariable @Scoped("payment") UUID paymentId, @RequestBody ReversalRequest body, Authentication user) {
		String reason = body.reason() == null ? "" : body.reason();
		if (reason.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("reason", "must not contain NUL characters");
		}
		return PaymentJson
			.of(this.payments.reverse(new AccountId(accountId), new PaymentId(paymentId), reason, Actor.of(user)));
	}

	record ReversalRequest(@Nullable String reason) {
	}

	record PaymentRequest(@Nullable String amount, @Nullable String currency, @Nullable String channel,
			@Nullable String reference, @Nullable String receivedOn) {

		NewPayment toPayment(Currency accountCurrency) {
			List<FieldError> errors = new ArrayList<>();
			Money money = null;
			if (this.currency != null && !this.currency.isBlank()
					&& !this.currency.strip().equalsIgnoreCase(accountCurrency.getCurrencyCode())) {
				errors.add(new FieldError("currency", "%s is not the account's currency %s".formatted(this.currency,
						accountCurrency.getCurrencyCode())));
			}
			if (this.amount == null || this.amount.isBlank()) {
				errors.add(new FieldError("amount", "is required"));
			}
			else if (!this.amount.strip().matches("-?\\d+(\\.\\d+)?")) {
				errors.add(new FieldError("amount",
						"'%s' is not a decimal amount such as 2600.00".formatted(this.amount)));
			}
			else {
				BigDecimal value = new BigDecimal(this.amount.strip());
				if (value.signum() <= 0) {
					errors.add(new FieldError("amount", "must be greater than zero"));
				}
				else if (value.compareTo(Money.INPUT_LIMIT) > 0) {
					errors.add(new FieldError("amount", "is too large"));
				}
				else {
					try {
						money = new Money(value, accountCurrency);
					}
					catch (IllegalArgumentException ex) {
						errors.add(new FieldError("amount", "'%s' has more decimal places than %s allows"
							.formatted(this.amount, accountCurrency.getCurrencyCode())));
					}
				}
			}
			PaymentChannel channel = null;
			if (this.channel == null || this.channel.isBlank()) {
				errors.add(new FieldError("channel", "is required"));
			}
			else {
				try {
					channel = PaymentChannel.valueOf(this.channel.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldError("channel",
							"'%s' is not one of %s".formatted(this.channel, List.of(PaymentChannel.values()))));
				}
			}
			if (this.reference == null || this.reference.isBlank()) {
				errors.add(new FieldError("reference", "is required"));
			}
			else if (this.reference.strip().length() > 100) {
				errors.add(new FieldError("reference", "must be at most 100 characters"));
			}
			else if (!this.reference.strip().matches("\\P{Cc}+")) {
				errors.add(new FieldError("reference", "must not contain control characters"));
			}
			LocalDate date = null;
			if (this.receivedOn != null && !this.receivedOn.isBlank()) {
				try {
					date = org.dues.shared.CalendarBounds.parse("receivedOn", this.receivedOn);
				}
				catch (InvalidInputException ex) {
					errors.addAll(ex.errors());
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new NewPayment(money, channel, this.reference.strip(), date);
		}

	}

	record PaymentJson(String id, String accountId, String reference, MoneyJson amount, String channel,
			LocalDate receivedOn, String status, Allocation allocation, Instant recordedAt, String recordedBy,
			@Nullable Instant reversedAt, @Nullable String reversalReason) {

		static PaymentJson of(PaymentView p) {
			return new PaymentJson(p.id().toString(), p.accountId().toString(), p.reference(), MoneyJson.of(p.amount()),
					p.channel().name(), p.receivedOn(), p.status().name(),
					new Allocation(MoneyJson.of(p.allocation().fees().negate()),
							MoneyJson.of(p.allocation().interest().negate()),
							MoneyJson.of(p.allocation().principal().negate()), MoneyJson.of(p.allocation().credit())),
					p.recordedAt(), p.recordedBy(), p.reversedAt(), p.reversalReason());
		}

	}

	/** How much of the payment went to each component, and how much became credit. */
	record Allocation(MoneyJson fees, MoneyJson interest, MoneyJson principal, MoneyJson credit) {
	}

}
