package org.dues.work.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.arrangement.Frequency;
import org.dues.portfolio.AccountId;
import org.dues.shared.Choice;
import org.dues.shared.validation.OneOf;
import org.dues.shared.InvalidInputException;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling agent's next account and the outcome of their calls; assignment for leads
 * (queues are {@link QueuesApi}'s).
 */
@RestController
@Tag(name = "Work")
class WorkApi {

	private final NextAccount next;

	private final Desk desk;

	private final LeadScope scope;

	private final Scopes scopes;

	WorkApi(NextAccount next, Desk desk, LeadScope scope, Scopes scopes) {
		this.scope = scope;
		this.scopes = scopes;
		this.next = next;
		this.desk = desk;
	}

	@GetMapping("/api/v1/work/next")
	@Operation(summary = "The most urgent account you may work now, leased to you; 204 when there is none")
	ResponseEntity<NextAccount.Next> next(Authentication user) {
		return this.next.next(user.getName()).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
	}

	@PostMapping("/api/v1/accounts/{accountId}/dispositions")
	@Operation(summary = "Record how a call ended and what came of it; the outcome acts "
			+ "(arrangement, hold, wrong number, callback)")
	ResponseEntity<Desk.Recorded> dispose(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid DispositionRequest body, Authentication user) {
		Desk.Recorded recorded = this.desk.dispose(new AccountId(accountId),
				new Desk.Disposition(Choice.orNull("result", body.result(), CallResult.class),
						Choice.orNull("outcome", body.outcome(), Outcome.class), body.interactionId(), body.number(),
						body.amount(), body.dueOn(), body.instalments(),
						Choice.orNull("frequency", body.frequency(), Frequency.class), body.callbackAt(), body.note()),
				DeskPages.asker(user));
		return ResponseEntity.status(201).body(recorded);
	}

	@PostMapping("/api/v1/accounts/{accountId}/notes")
	@Operation(summary = "Add a note to the account")
	ResponseEntity<Void> note(@PathVariable @Scoped("account") UUID accountId, @Valid @RequestBody NoteRequest body,
			Authentication user) {
		this.desk.note(new AccountId(accountId), body.body(), user.getName());
		return ResponseEntity.status(201).build();
	}

	/** A note: its text, 1 to 4000 characters, lines allowed. */
	record NoteRequest(@NotBlank @Size(max = 4000) @Nullable String body) {
	}

	@PutMapping("/api/v1/accounts/{accountId}/assignment")
	@Operation(summary = "Assign an account to an agent, or to the pool (agent null)")
	ResponseEntity<Void> assign(@PathVariable @Scoped("account") UUID accountId, @RequestBody AssignmentRequest body,
			Authentication user) {
		this.next.requireAgent("agent", agent(body.agent()));
		this.scope.check(user, null, agent(body.agent()), null, List.of(new AccountId(accountId)));
		this.next.assign(new AccountId(accountId), agent(body.agent()), user.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/assignments")
	@Operation(summary = "Reassign in bulk: the given accounts, every account of fromAgent, "
			+ "or up to limit pooled accounts of a queue, to an agent or (agent null) the pool")
	Map<String, Integer> reassign(@RequestBody BulkAssignment body, Authentication user) {
		String to = agent(body.agent());
		this.next.requireAgent("agent", to);
		if (body.accountIds() != null) {
			body.accountIds().forEach((id) -> this.scopes.require(user, "account", id));
		}
		if (body.queueId() != null) {
			this.scopes.require(user, "queue", body.queueId());
		}
		this.scope.check(user, body.fromAgent(), to, body.queueId(),
				(body.accountIds() == null) ? List.of() : body.accountIds().stream().map(AccountId::new).toList());
		int moved;
		if (body.accountIds() != null && !body.accountIds().isEmpty()) {
			this.next.assignAll(body.accountIds().stream().map(AccountId::new).toList(), to, user.getName());
			moved = body.accountIds().size();
		}
		else if (body.fromAgent() != null) {
			moved = this.next.reassignFrom(body.fromAgent(), to, user.getName());
		}
		else if (body.queueId() != null && to != null) {
			moved = this.next.assignFromQueue(body.queueId(), to, (body.limit() == null) ? 100 : body.limit(),
					user.getName());
		}
		else {
			throw new InvalidInputException("accountIds",
					"give accountIds, fromAgent, or queueId with an agent to reassign");
		}
		return Map.of("moved", moved);
	}

	private static @Nullable String agent(@Nullable String agent) {
		return (agent == null || agent.isBlank()) ? null : agent.strip();
	}

	record AssignmentRequest(@Nullable String agent) {
	}

	record BulkAssignment(@Nullable List<UUID> accountIds, @Nullable String fromAgent, @Nullable UUID queueId,
			@Nullable Integer limit, @Nullable String agent) {
	}

	@OutcomeDetails
	record DispositionRequest(@OneOf(CallResult.class) @Nullable String result,
			@OneOf(Outcome.class) @Nullable String outcome, @Nullable UUID interactionId, @Nullable String number,
			@Positive(message = "{dues.validation.amount.positive}") @Digits(integer = 13, fraction = 2,
					message = "{dues.validation.amount.digits}") @Nullable BigDecimal amount,
			@Nullable LocalDate dueOn,
			@Positive(message = "{dues.validation.amount.positive}") @Nullable Integer instalments,
			@OneOf(Frequency.class) @Nullable String frequency, @Nullable LocalDateTime callbackAt,
			@Nullable String note) implements OutcomeDetails.Fields {
	}

}
