package org.dues.arrangement.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
			@RequestBody PromiseRequest body, Authentication user) {
		Inputs in = inputs(accountId);
		var amount = in.money("amount", body.amount(), body.currency());
		var dueOn = in.date("dueOn", body.dueOn());
		List<Schedule.Instalment> series = schedule(in, body.schedule());
		if (series == null) {
			in.require("amount", (body.amount() == null || body.amount().isBlank()) ? null : "");
			in.require("dueOn", (body.dueOn() == null || body.dueOn().isBlank()) ? null : "");
		}
		in.check();
		return created(this.arrangements.promise(new AccountId(accountId),
				new NewArrangement.Promise(amount, dueOn, body.channel(), series), Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/plans")
	@Operation(summary = "A payment plan: equal instalments, a step-up (initialAmount) or an explicit schedule",
			description = "Over the balance, or over amount when settling for less")
	ResponseEntity<ArrangementJson> plan(@PathVariable @Scoped("account") UUID accountId, @RequestBody PlanRequest body,
			Authentication user) {
		Inputs in = inputs(accountId);
		var input = new NewArrangement.Plan(body.instalments(),
				in.choice("frequency", body.frequency(), Frequency.class), in.date("firstDueOn", body.firstDueOn()),
				in.money("amount", body.amount(), body.currency()),
				in.money("initialAmount", body.initialAmount(), null), schedule(in, body.schedule()),
				in.date("offerExpiresOn", body.offerExpiresOn()), body.reason());
		in.check();
		return created(this.arrangements.plan(new AccountId(accountId), input, Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/settlements")
	@Operation(summary = "A settlement below the balance, lump sum or in instalments, with an offer expiry")
	ResponseEntity<ArrangementJson> settlement(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody SettlementRequest body, Authentication user) {
		Inputs in = inputs(accountId);
		var input = new NewArrangement.Settlement(in.money("amount", body.amount(), body.currency()),
				body.instalments(), in.choice("frequency", body.frequency(), Frequency.class),
				in.date("firstDueOn", body.firstDueOn()), in.date("offerExpiresOn", body.offerExpiresOn()),
				body.reason());
		in.check();
		return created(this.arrangements.settlement(new AccountId(accountId), input, Inputs.asker(user)));
	}

	@PostMapping("/api/v1/accounts/{accountId}/waivers")
	@Operation(summary = "Waive fees or interest")
	ResponseEntity<ArrangementJson> waiver(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody WaiverRequest body, Authentication user) {
		Inputs in = inputs(accountId);
		var input = new NewArrangement.Waiver(in.choice("component", body.component(), BalanceComponent.class),
				in.money("amount", body.amount(), body.currency()), body.reason());
		in.check();
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

	private Inputs inputs(UUID accountId) {
		return new Inputs(this.accounts.get(new AccountId(accountId)).currency());
	}

	private static @Nullable List<Schedule.Instalment> schedule(Inputs in, @Nullable List<InstalmentRequest> items) {
		if (items == null || items.isEmpty()) {
			return null;
		}
		List<Schedule.Instalment> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			InstalmentRequest item = items.get(i);
			var due = in.date("schedule[%d].dueOn".formatted(i), (item == null) ? null : item.dueOn());
			var amount = in.money("schedule[%d].amount".formatted(i), (item == null) ? null : item.amount(), null);
			in.require("schedule[%d].dueOn".formatted(i), due);
			in.require("schedule[%d].amount".formatted(i), amount);
			if (due != null && amount != null) {
				out.add(new Schedule.Instalment(due, amount));
			}
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

	record InstalmentRequest(@Nullable String dueOn, @Nullable String amount) {
	}

	record PromiseRequest(@Nullable String amount, @Nullable String currency, @Nullable String dueOn,
			@Nullable String channel, @Nullable List<InstalmentRequest> schedule) {
	}

	record PlanRequest(@Nullable Integer instalments, @Nullable String frequency, @Nullable String firstDueOn,
			@Nullable String amount, @Nullable String currency, @Nullable String initialAmount,
			@Nullable List<InstalmentRequest> schedule, @Nullable String offerExpiresOn, @Nullable String reason) {
	}

	record SettlementRequest(@Nullable String amount, @Nullable String currency, @Nullable Integer instalments,
			@Nullable String frequency, @Nullable String firstDueOn, @Nullable String offerExpiresOn,
			@Nullable String reason) {
	}

	record WaiverRequest(@Nullable String component, @Nullable String amount, @Nullable String currency,
			@Nullable String reason) {
	}

	record DefermentRequest(@Nullable Integer days, @Nullable String reason) {
	}

	record ReasonRequest(@Nullable String reason) {
	}

}
