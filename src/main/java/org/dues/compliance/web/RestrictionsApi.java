package org.dues.compliance.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.compliance.AuditTrail;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactAddress;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.HoldType;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.validation.BothOrNeither;
import org.dues.shared.validation.EndsAfterStart;
import org.dues.shared.validation.NotInFuture;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.StatedReason;
import org.dues.system.Actor;
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
 * Holds, consents, inconvenient times and banned media of an account's customer: record
 * them, lift them with a reason, read them; and verify the audit trail.
 */
@RestController
@Tag(name = "Compliance")
class RestrictionsApi {

	private static final Set<HoldType> WHOLE_PERSON = EnumSet.of(HoldType.BANKRUPTCY, HoldType.DECEASED,
			HoldType.BREATHING_SPACE, HoldType.MENTAL_CAPACITY);

	private final Accounts accounts;

	private final Creditors creditors;

	private final ContactHolds holds;

	private final ContactPreferences preferences;

	private final AuditTrail audit;

	RestrictionsApi(Accounts accounts, Creditors creditors, ContactHolds holds, ContactPreferences preferences,
			AuditTrail audit) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.holds = holds;
		this.preferences = preferences;
		this.audit = audit;
	}

	@GetMapping("/api/v1/accounts/{accountId}/compliance")
	@Operation(summary = "The holds, consents, inconvenient times and banned media of the account's customer")
	State state(@PathVariable @Scoped("account") UUID accountId) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		ContactPreferences.Recorded asked = this.preferences.ofCustomer(account.customerId());
		return new State(this.holds.ofCustomer(account.customerId()), asked.consents(), asked.blackouts(),
				asked.bans());
	}

	@PostMapping("/api/v1/accounts/{accountId}/holds")
	@Operation(summary = "Place a hold",
			description = "On this debt, or with allAccounts on every debt of the customer (the default for "
					+ "bankruptcy, death and moratoria); in force on every channel at once")
	ResponseEntity<ContactHolds.HoldView> hold(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid HoldRequest body, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		HoldType type = Choice.of("type", body.type(), HoldType.class);
		boolean all = (body.allAccounts() != null) ? body.allAccounts() : WHOLE_PERSON.contains(type);
		ContactHolds.HoldView view = this.holds.place(account.customerId(), all ? List.of() : List.of(accountId), type,
				body.receivedAt(), body.endsAt(), body.reason(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/holds/" + view.id())).body(view);
	}

	@PostMapping("/api/v1/holds/{holdId}/lift")
	@Operation(summary = "Lift a hold, with the reason (verification sent, cease withdrawn, moratorium ended)")
	ResponseEntity<Void> liftHold(@PathVariable @Scoped("hold") UUID holdId, @RequestBody @Valid LiftRequest body,
			Authentication user) {
		this.holds.lift(holdId, body.reason(), Actor.of(user));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{accountId}/consents")
	@Operation(summary = "Record a consent the customer gave directly")
	ResponseEntity<Created> consent(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid ConsentRequest body, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		ConsentKind kind = Choice.of("kind", body.kind(), ConsentKind.class);
		UUID id = this.preferences.consent(account.customerId(), kind,
				Boolean.TRUE.equals(body.allAccounts()) ? List.of() : List.of(accountId), body.receivedAt(),
				body.until(), body.reason(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/consents/" + id)).body(new Created(id));
	}

	@PostMapping("/api/v1/consents/{id}/revoke")
	@Operation(summary = "Revoke a consent")
	ResponseEntity<Void> revoke(@PathVariable @Scoped("consent") UUID id, @RequestBody @Valid LiftRequest body,
			Authentication user) {
		this.preferences.revokeConsent(id, body.reason(), Actor.of(user));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{accountId}/blackouts")
	@Operation(summary = "Record a time the customer said is inconvenient")
	ResponseEntity<Created> blackout(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid BlackoutRequest body, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String day : (body.daysOfWeek() == null) ? List.<String>of() : body.daysOfWeek()) {
			days.add(Choice.of("daysOfWeek", day, DayOfWeek.class));
		}
		UUID id = this.preferences.blackout(account.customerId(), days, body.from(), body.to(), body.until(),
				body.receivedAt(), body.reason(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/blackouts/" + id)).body(new Created(id));
	}

	@PostMapping("/api/v1/blackouts/{id}/lift")
	@Operation(summary = "Lift an inconvenient time")
	ResponseEntity<Void> liftBlackout(@PathVariable @Scoped("blackout") UUID id, @RequestBody @Valid LiftRequest body,
			Authentication user) {
		this.preferences.liftBlackout(id, body.reason(), Actor.of(user));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{accountId}/channel-bans")
	@Operation(summary = "Record a medium the customer asked not to be used: a channel, or one number or address")
	ResponseEntity<Created> ban(@PathVariable @Scoped("account") UUID accountId, @RequestBody @Valid BanRequest body,
			Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		Channel channel = Choice.of("channel", body.channel(), Channel.class);
		String address = (body.address() == null || body.address().isBlank()) ? null : ContactAddress.canonical(channel,
				body.address(), this.creditors.get(account.creditorId()).country(), "address");
		UUID id = this.preferences.ban(account.customerId(), channel, address, body.receivedAt(), body.reason(),
				user.getName());
		return ResponseEntity.created(URI.create("/api/v1/channel-bans/" + id)).body(new Created(id));
	}

	@PostMapping("/api/v1/channel-bans/{id}/lift")
	@Operation(summary = "Lift a banned medium")
	ResponseEntity<Void> liftBan(@PathVariable @Scoped("channel-ban") UUID id, @RequestBody @Valid LiftRequest body,
			Authentication user) {
		this.preferences.liftBan(id, body.reason(), Actor.of(user));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/compliance/audit/verification")
	@Operation(summary = "Walk the audit trail's hash chain and report the first broken link")
	AuditTrail.Verification verify() {
		return this.audit.verify();
	}

	record State(List<ContactHolds.HoldView> holds, List<ContactPreferences.ConsentView> consents,
			List<ContactPreferences.BlackoutView> blackouts, List<ContactPreferences.BanView> channelBans) {
	}

	record Created(UUID id) {
	}

	@EndsAfterStart(start = "receivedAt", end = "endsAt")
	record HoldRequest(@OneOf(value = HoldType.class, required = true) @Nullable String type,
			@NotInFuture @Nullable Instant receivedAt, @Nullable Instant endsAt, @StatedReason @Nullable String reason,
			@Nullable Boolean allAccounts) {
	}

	record LiftRequest(@StatedReason @Nullable String reason) {
	}

	@EndsAfterStart(start = "receivedAt", end = "until")
	record ConsentRequest(@OneOf(value = ConsentKind.class, required = true) @Nullable String kind,
			@NotInFuture @Nullable Instant receivedAt, @Nullable Instant until, @StatedReason @Nullable String reason,
			@Nullable Boolean allAccounts) {
	}

	@BothOrNeither(first = "from", second = "to",
			message = "give both ends of the time range, or neither for whole days")
	record BlackoutRequest(@Nullable List<@OneOf(value = DayOfWeek.class, required = true) String> daysOfWeek,
			@Nullable LocalTime from, @Nullable LocalTime to, @Nullable LocalDate until,
			@NotInFuture @Nullable Instant receivedAt, @StatedReason @Nullable String reason) {
	}

	record BanRequest(@OneOf(value = Channel.class, required = true) @Nullable String channel, @Nullable String address,
			@NotInFuture @Nullable Instant receivedAt, @StatedReason @Nullable String reason) {
	}

}
