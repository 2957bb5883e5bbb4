package org.dues.payment.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentId;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.Money;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.CONTROLS;
import static org.dues.shared.validation.Keys.LENGTH;
import static org.dues.shared.validation.Keys.NO_CONTROLS;
import static org.dues.shared.validation.Keys.REQUIRED;

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
	ResponseEntity<PaymentJson> post(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid PaymentRequest body, Authentication user) {
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
			@PathVariable @Scoped("payment") UUID paymentId, @RequestBody @Valid ReversalRequest body,
			Authentication user) {
		String reason = body.reason() == null ? "" : body.reason();
		return PaymentJson
			.of(this.payments.reverse(new AccountId(accountId), new PaymentId(paymentId), reason, Actor.of(user)));
	}

	record ReversalRequest(
			@Pattern(regexp = "[^\\u0000]*", message = "must not contain NUL characters") @Nullable String reason) {
	}

	record PaymentRequest(@NotBlank(message = REQUIRED) @Amount @Nullable String amount,
			@CurrencyCode @Nullable String currency,
			@NotBlank(message = REQUIRED) @OneOf(PaymentChannel.class) @Nullable String channel,
			@NotBlank(message = REQUIRED) @Size(max = 100,
					message = LENGTH) @Pattern(regexp = NO_CONTROLS, message = CONTROLS) @Nullable String reference,
			@IsoDate @Nullable String receivedOn,
			@Schema(description = "The receipt book leaf written for cash or a cheque collected in the field, "
					+ "as SERIES/NUMBER (KL-A/4501); required of an agent holding a receipt book with unused leaves; "
					+ "then the payment's receiptNumber") @Size(max = 40, message = LENGTH) @Pattern(
							regexp = NO_CONTROLS, message = CONTROLS) @Nullable String receiptBookNumber,
			@Schema(description = "Who collected the money, when posting on a field agent's behalf; "
					+ "default the caller") @Size(max = 100, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
							message = CONTROLS) @Nullable String collectedBy) {

		/** The payment in the account's currency, once the request is valid. */
		NewPayment toPayment(Currency accountCurrency) {
			Money money = RequestMoney.of("amount", this.amount, accountCurrency, this.currency);
			return new NewPayment(Objects.requireNonNull(money),
					Choice.of("channel", this.channel, PaymentChannel.class),
					Objects.requireNonNull(this.reference).strip(), CalendarBounds.parse("receivedOn", this.receivedOn),
					this.receiptBookNumber, this.collectedBy);
		}

	}

	record PaymentJson(String id, String accountId, String reference, MoneyJson amount, String channel,
			LocalDate receivedOn, String status, Allocation allocation, Instant recordedAt, String recordedBy,
			@Nullable Instant reversedAt, @Nullable String reversalReason,
			@Schema(description = "The receipt's number: the receipt book leaf for cash or a cheque written on one, "
					+ "else the creditor's gapless series, PREFIX/FY/000042") @Nullable String receiptNumber) {

		static PaymentJson of(PaymentView p) {
			return new PaymentJson(p.id().toString(), p.accountId().toString(), p.reference(), MoneyJson.of(p.amount()),
					p.channel().name(), p.receivedOn(), p.status().name(),
					new Allocation(MoneyJson.of(p.allocation().fees().negate()),
							MoneyJson.of(p.allocation().interest().negate()),
							MoneyJson.of(p.allocation().principal().negate()), MoneyJson.of(p.allocation().credit())),
					p.recordedAt(), p.recordedBy(), p.reversedAt(), p.reversalReason(), p.receiptNumber());
		}

	}

	/** How much of the payment went to each component, and how much became credit. */
	record Allocation(MoneyJson fees, MoneyJson interest, MoneyJson principal, MoneyJson credit) {
	}

}
