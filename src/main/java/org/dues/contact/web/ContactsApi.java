package org.dues.contact.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.compliance.DecisionJson;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.portfolio.AccountId;
import org.dues.shared.Choice;
import org.dues.shared.validation.OneOf;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live gate and the contact log of an account: ask whether a contact is allowed now,
 * log an attempt (refused with 409 and the reasons when the gate blocks it), log a
 * contact the customer started, record an outcome, read the timeline.
 */
@RestController
@Tag(name = "Contacts")
class ContactsApi {

	private final ContactLog log;

	ContactsApi(ContactLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/accounts/{accountId}/contact-check")
	@Operation(summary = "The live decision for contacting the account's customer now",
			description = "Nothing is recorded; the decision lists every rule and, when blocked, the next opening")
	DecisionJson check(@PathVariable @Scoped("account") UUID accountId,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String address,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String purpose) {
		ContactGate.Preview preview = this.log.check(new ContactGate.Request(new AccountId(accountId), Set.of(),
				Choice.of("channel", channel, Channel.class), address,
				Choice.orElse("role", role, PersonRole.class, PersonRole.CONSUMER),
				Choice.orElse("purpose", purpose, Purpose.class, Purpose.COLLECTION)));
		return DecisionJson.of(preview.decision(), preview.decision().allowed() ? null : preview.nextOpening(), null);
	}

	@PostMapping("/api/v1/accounts/{accountId}/contacts")
	@Operation(summary = "Log an attempt and its outcome, or a contact the customer started",
			description = "An outbound attempt passes the compliance gate first: 201 when made, 409 with the "
					+ "reasons when blocked (the blocked attempt is logged too)")
	ResponseEntity<?> log(@PathVariable @Scoped("account") UUID accountId, @RequestBody @Valid ContactRequest body,
			Authentication user) {
		Channel channel = Choice.of("channel", body.channel(), Channel.class);
		Direction direction = Choice.orElse("direction", body.direction(), Direction.class, Direction.OUTBOUND);
		PersonRole role = Choice.orElse("role", body.role(), PersonRole.class, PersonRole.CONSUMER);
		ContactResult result = Choice.orNull("result", body.result(), ContactResult.class);
		Set<AccountId> also = new LinkedHashSet<>();
		for (UUID debt : (body.debts() == null) ? List.<UUID>of() : body.debts()) {
			also.add(new AccountId(debt));
		}
		if (direction == Direction.INBOUND) {
			InteractionView view = this.log.inbound(new AccountId(accountId), also, channel, body.address(), role,
					result, body.startedAt(), body.note(), user.getName());
			return created(accountId, InteractionJson.of(view, null));
		}
		ContactLog.Attempt attempt = this.log.attempt(
				new ContactGate.Request(new AccountId(accountId), also, channel, body.address(), role,
						Choice.orElse("purpose", body.purpose(), Purpose.class, Purpose.COLLECTION)),
				result, body.note(), user.getName());
		DecisionJson decision = DecisionJson.of(attempt.decision().decision(), null,
				attempt.decision().id().toString());
		if (!attempt.allowed()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The compliance gate blocked this contact: " + String.join("; ",
							attempt.decision()
								.decision()
								.blockedBy()
								.stream()
								.map((r) -> r.rule() + ": " + r.reason())
								.toList()));
			problem.setTitle("Contact blocked");
			problem.setProperty("interactionId", attempt.interaction().id().toString());
			problem.setProperty("decision", decision);
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return created(accountId, InteractionJson.of(attempt.interaction(), decision));
	}

	@PostMapping("/api/v1/accounts/{accountId}/contacts/{interactionId}/outcome")
	@Operation(summary = "Record the outcome of an attempt logged while in progress (once)")
	InteractionJson outcome(@PathVariable @Scoped("account") UUID accountId,
			@PathVariable @Scoped("interaction") UUID interactionId, @RequestBody @Valid OutcomeRequest body) {
		ContactResult result = Choice.of("result", body.result(), ContactResult.class);
		InteractionView view = this.log.complete(new AccountId(accountId), interactionId, result, body.note());
		return InteractionJson.of(view, null);
	}

	@GetMapping("/api/v1/accounts/{accountId}/contacts")
	@Operation(summary = "The account's interactions, newest first, blocked attempts included")
	List<InteractionJson> timeline(@PathVariable @Scoped("account") UUID accountId) {
		return this.log.timeline(new AccountId(accountId), 500)
			.stream()
			.map((v) -> InteractionJson.of(v, null))
			.toList();
	}

	private static ResponseEntity<InteractionJson> created(UUID accountId, InteractionJson json) {
		return ResponseEntity.created(URI.create("/api/v1/accounts/%s/contacts/%s".formatted(accountId, json.id())))
			.body(json);
	}

	@StartedOnlyInbound
	record ContactRequest(@OneOf(value = Channel.class, required = true) @Nullable String channel,
			@Nullable String address, @OneOf(Direction.class) @Nullable String direction,
			@OneOf(PersonRole.class) @Nullable String role, @OneOf(Purpose.class) @Nullable String purpose,
			@OneOf(ContactResult.class) @Nullable String result, @Nullable String note, @Nullable List<UUID> debts,
			@Nullable Instant startedAt) {
	}

	record OutcomeRequest(@OneOf(value = ContactResult.class, required = true) @Nullable String result,
			@Nullable String note) {
	}

}
