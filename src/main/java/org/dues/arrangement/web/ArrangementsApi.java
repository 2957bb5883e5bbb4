package org.dues.arrangement.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.dues.arrangement.Approvals;
import org.dues.arrangement.ArrangementId;
import org.dues.arrangement.ArrangementKind;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementView;
import org.dues.arrangement.Frequency;
import org.dues.arrangement.NewArrangement;
import org.dues.arrangement.Schedule;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.BalanceComponent;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.shared.validation.RequiredUnless;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Promises, plans, settlements, waivers and deferments of an account, and the approvals
 * inbox. Each created arrangement answers with its id and status: {@code ACTIVE}, or
 * {@code PENDING_APPROVAL} when it goes beyond the asker's authority.
 */
@RestController
@Tag(name = "Arrangements")
class ArrangementsApi {

	private final ArrangementManagement arrangements;

	private final Approvals approvals;

	private final Accounts accounts;

	ArrangementsApi(ArrangementManagement arrangements, Approvals approvals, Accounts accounts) {
		this.arrangements = arrangements;
		this.approvals = approvals;
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/accounts/{accountId}/promises")
	@Operation(summary = "A promise to pay an amount by a date, or a series of them (schedule)")
	ResponseEntity<ArrangementJson> promise(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid PromiseRequest body, Authentication user) {
		Currency currency = currency(accountId);
		var amount = RequestMoney.of("amount", body.amount(), currency, body.currency());
		var dueOn = CalendarBounds.parse("dueOn", body.dueOn());
		return created(this.arrangements.promise(new AccountId(accountId),
				new NewArrangement.Promise(amount, dueOn, body.channel(), schedule(currency, body.schedule())),
				Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/plans")
	@Operation(summary = "A payment plan: equal instalments, a step-up (initialAmount) or an explicit schedule",
			description = "Over the balance, or over amount when settling for less")
	ResponseEntity<ArrangementJson> plan(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid PlanRequest body, Authentication user) {
		Currency currency = currency(accountId);
		var input = new NewArrangement.Plan(body.instalments(),
				Choice.orNull("frequency", body.frequency(), Frequency.class),
				CalendarBounds.parse("firstDueOn", body.firstDueOn()),
				RequestMoney.of("amount", body.amount(), currency, body.currency()),
				RequestMoney.of("initialAmount", body.initialAmount(), currency, null),
				schedule(currency, body.schedule()), CalendarBounds.parse("offerExpiresOn", body.offerExpiresOn()),
				body.reason());
		return created(this.arrangements.plan(new AccountId(accountId), input, Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/settlements")
	@Operation(summary = "A settlement below the balance, lump sum or in instalments, with an offer expiry")
	ResponseEntity<ArrangementJson> settlement(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid SettlementRequest body, Authentication user) {
		Currency currency = currency(accountId);
		var input = new NewArrangement.Settlement(RequestMoney.of("amount", body.amount(), currency, body.currency()),
				body.instalments(), Choice.orNull("frequency", body.frequency(), Frequency.class),
				CalendarBounds.parse("firstDueOn", body.firstDueOn()),
				CalendarBounds.parse("offerExpiresOn", body.offerExpiresOn()), body.reason());
		return created(this.arrangements.settlement(new AccountId(accountId), input, Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/waivers")
	@Operation(summary = "Waive fees or interest")
	ResponseEntity<ArrangementJson> waiver(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid WaiverRequest body, Authentication user) {
		Currency currency = currency(accountId);
		var input = new NewArrangement.Waiver(Choice.orNull("component", body.component(), BalanceComponent.class),
				RequestMoney.of("amount", body.amount(), currency, body.currency()), body.reason());
		return created(this.arrangements.waiver(new AccountId(accountId), input, Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/deferments")
	@Operation(summary = "Defer the oldest due date by some days (a payment holiday), with the reason")
	ResponseEntity<ArrangementJson> deferment(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody DefermentRequest body, Authentication user) {
		this.accounts.get(new AccountId(accountId));
		return created(this.arrangements.deferment(new AccountId(accountId),
				new NewArrangement.Deferment(body.days(), body.reason()), Inputs.asker(user)));
	}

	@GetMapping("/api/v1/accounts/{accountId}/arrangements")
	@Operation(summary = "The account's promises, plans, settlements, waivers and deferments, newest first")
	Map<String, List<ArrangementJson>> ofAccount(@PathVariable @Scoped("account") UUID accountId) {
		Map<String, List<ArrangementJson>> out = new LinkedHashMap<>();
		for (String key : List.of("promises", "plans", "settlements", "waivers", "deferments")) {
			out.put(key, new ArrayList<>());
		}
		for (ArrangementView a : this.arrangements.ofAccount(new AccountId(accountId))) {
			String key = switch (a.kind()) {
				case PROMISE -> "promises";
				case PLAN -> "plans";
				case SETTLEMENT -> "settlements";
				case WAIVER -> "waivers";
				case DEFERMENT -> "deferments";
			};
			out.get(key).add(ArrangementJson.of(a, null));
		}
		return out;
	}

	@GetMapping("/api/v1/arrangements/{id}")
	@Operation(summary = "An arrangement with every recorded step")
	ArrangementJson get(@PathVariable @Scoped("arrangement") UUID id) {
		ArrangementId arrangement = new ArrangementId(id);
		return ArrangementJson.of(this.arrangements.get(arrangement), this.arrangements.history(arrangement));
	}

	@PostMapping("/api/v1/arrangements/{id}/cancel")
	@Operation(summary = "Cancel an open arrangement, with the reason")
	ArrangementJson cancel(@PathVariable @Scoped("arrangement") UUID id, @RequestBody ReasonRequest body,
			Authentication user) {
		return ArrangementJson.of(this.arrangements.cancel(new ArrangementId(id), body.reason(), user.getName()), null);
	}

	@GetMapping("/api/v1/approvals")
	@Operation(summary = "Arrangements waiting for approval, oldest first: a team lead's are their teams' "
			+ "requests (none while they lead no team), a manager's every request")
	List<ArrangementJson.Approval> inbox(Authentication user) {
		return this.approvals.inboxOf(Inputs.asker(user)).stream().map(ArrangementJson.Approval::inbox).toList();
	}

	@PostMapping("/api/v1/approvals/{id}/approve")
	@Operation(summary = "Approve: the arrangement comes into force (within the approver's own authority)")
	ArrangementJson approve(@PathVariable @Scoped("approval") UUID id, @RequestBody ReasonRequest body,
			Authentication user) {
		return ArrangementJson.of(this.approvals.approve(id, body.reason(), Inputs.asker(user)), null);
	}

	@PostMapping("/api/v1/approvals/{id}/reject")
	@Operation(summary = "Reject, with the reason the agent sees on the account")
	ArrangementJson reject(@PathVariable @Scoped("approval") UUID id, @RequestBody ReasonRequest body,
			Authentication user) {
		return ArrangementJson.of(this.approvals.reject(id, body.reason(), Inputs.asker(user)), null);
	}

	private Currency currency(UUID accountId) {
		return this.accounts.get(new AccountId(accountId)).currency();
	}

	/** A validated schedule in the account's currency; null when none was given. */
	private static @Nullable List<Schedule.Instalment> schedule(Currency currency,
			@Nullable List<InstalmentRequest> items) {
		if (items == null || items.isEmpty()) {
			return null;
		}
		List<Schedule.Instalment> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			InstalmentRequest item = items.get(i);
			out.add(new Schedule.Instalment(
					Objects.requireNonNull(CalendarBounds.parse("schedule[%d].dueOn".formatted(i), item.dueOn())),
					Objects.requireNonNull(
							RequestMoney.of("schedule[%d].amount".formatted(i), item.amount(), currency, null))));
		}
		return out;
	}

	private static ResponseEntity<ArrangementJson> created(ArrangementView a) {
		String kind = switch (a.kind()) {
			case PROMISE -> "promises";
			case PLAN -> "plans";
			case SETTLEMENT -> "settlements";
			case WAIVER -> "waivers";
			case DEFERMENT -> "deferments";
		};
		return ResponseEntity.created(URI.create("/api/v1/arrangements/" + a.id()))
			.header("X-Arrangement-Kind", kind)
			.body(ArrangementJson.of(a, null));
	}

	record InstalmentRequest(@NotBlank(message = Keys.REQUIRED) @IsoDate @Nullable String dueOn,
			@NotBlank(message = Keys.REQUIRED) @Amount @Nullable String amount) {
	}

	/** An amount by a date, or a schedule of them. */
	@RequiredUnless(value = { "amount", "dueOn" }, given = "schedule")
	record PromiseRequest(@Amount @Nullable String amount, @CurrencyCode @Nullable String currency,
			@IsoDate @Nullable String dueOn, @Nullable String channel,
			@Nullable List<@NotNull(message = Keys.REQUIRED) @Valid InstalmentRequest> schedule) {
	}

	record PlanRequest(@Nullable Integer instalments, @OneOf(Frequency.class) @Nullable String frequency,
			@IsoDate @Nullable String firstDueOn, @Amount @Nullable String amount,
			@CurrencyCode @Nullable String currency, @Amount @Nullable String initialAmount,
			@Nullable List<@NotNull(message = Keys.REQUIRED) @Valid InstalmentRequest> schedule,
			@IsoDate @Nullable String offerExpiresOn, @Nullable String reason) {
	}

	record SettlementRequest(@Amount @Nullable String amount, @CurrencyCode @Nullable String currency,
			@Nullable Integer instalments, @OneOf(Frequency.class) @Nullable String frequency,
			@IsoDate @Nullable String firstDueOn, @IsoDate @Nullable String offerExpiresOn, @Nullable String reason) {
	}

	record WaiverRequest(@OneOf(BalanceComponent.class) @Nullable String component, @Amount @Nullable String amount,
			@CurrencyCode @Nullable String currency, @Nullable String reason) {
	}

	record DefermentRequest(@Nullable Integer days, @Nullable String reason) {
	}

	record ReasonRequest(@Nullable String reason) {
	}

}
