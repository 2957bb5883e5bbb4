package org.dues.casework.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.arrangement.Asker;
import org.dues.casework.FieldVisits;
import org.dues.casework.VisitCheckIns;
import org.dues.casework.VisitId;
import org.dues.casework.VisitOutcome;
import org.dues.casework.VisitOutcomes;
import org.dues.payment.PaymentChannel;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.RecordScope;
import org.dues.system.Scoped;
import org.dues.system.Viewers;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.dues.shared.validation.Keys.CONTROLS;
import static org.dues.shared.validation.Keys.LENGTH;
import static org.dues.shared.validation.Keys.NO_CONTROLS;
import static org.dues.shared.validation.Keys.REQUIRED;

/**
 * Field visits: ask for one on an account, check in at the address through the compliance
 * gate, record the outcome, list a day's visits, reassign one.
 */
@RestController
@Tag(name = "Field visits")
class VisitsApi {

	private final FieldVisits visits;

	private final VisitCheckIns checkIns;

	private final VisitOutcomes outcomes;

	private final Accounts accounts;

	private final RecordScope scope;

	private final Viewers viewers;

	VisitsApi(FieldVisits visits, VisitCheckIns checkIns, VisitOutcomes outcomes, Accounts accounts, RecordScope scope,
			Viewers viewers) {
		this.visits = visits;
		this.checkIns = checkIns;
		this.outcomes = outcomes;
		this.accounts = accounts;
		this.scope = scope;
		this.viewers = viewers;
	}

	@PostMapping("/api/v1/accounts/{accountId}/visits")
	@Operation(summary = "Ask for a field visit to the account's customer",
			description = "201 with id, status, agent (the field agent whose area holds the address's postal code, "
					+ "the least loaded that day, or the one named; null when nobody covers it) and dueOn; "
					+ "409 when the account has a visit open or the customer no postal address")
	ResponseEntity<VisitJson> request(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid VisitRequest body, Authentication user) {
		var visit = this.visits.request(new AccountId(accountId), String.valueOf(body.reason()),
				CalendarBounds.parse("wantedOn", body.wantedOn()), body.agent(), FieldVisits.Source.API,
				user.getName());
		return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.id())).body(VisitJson.of(visit));
	}

	@GetMapping("/api/v1/visits")
	@Operation(summary = "A day's visits, in route order (by agent, postal code, address)",
			description = "date: default today in the caller's time zone; agent: one field agent's. "
					+ "A field agent sees their own; others the visits of the accounts they reach")
	List<VisitJson> list(@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String agent, Authentication user) {
		LocalDate day = CalendarBounds.parse("date", date);
		if (day == null) {
			day = this.visits.today(this.viewers.zone());
		}
		return this.visits.due(day, agent, user, this.scope).stream().map(VisitJson::of).toList();
	}

	@GetMapping("/api/v1/visits/{visitId}")
	@Operation(summary = "Read a visit")
	VisitJson get(@PathVariable @Scoped("visit") UUID visitId) {
		return VisitJson.of(this.visits.get(new VisitId(visitId)));
	}

	@PutMapping("/api/v1/visits/{visitId}/assignment")
	@Operation(summary = "Give an open visit to a field agent, or back to the unassigned ones (agent null)")
	VisitJson assign(@PathVariable @Scoped("visit") UUID visitId, @RequestBody @Valid AssignRequest body,
			Authentication user) {
		return VisitJson.of(this.visits.assign(new VisitId(visitId), body.agent(), body.reason(), user.getName()));
	}

	@PostMapping("/api/v1/visits/{visitId}/check-in")
	@Operation(summary = "Check in at the visit's address, with the device's position",
			description = "200 with the visit checked in at the server's time; 422 with reasons when the agent's "
					+ "papers (letter of authorisation, identity card, recovery-agent certificate) are not current; "
					+ "409 with the gate's reasons when the compliance gate refuses a visit now (hours, holds)")
	ResponseEntity<?> checkIn(@PathVariable @Scoped("visit") UUID visitId, @RequestBody @Valid CheckInRequest body,
			Authentication user) {
		try {
			return ResponseEntity.ok(VisitJson.of(this.checkIns.checkIn(new VisitId(visitId),
					VisitCheckIns.Position.of(body.latitude(), body.longitude(), body.accuracy()), user.getName())));
		}
		catch (VisitCheckIns.Refused refused) {
			HttpStatus status = refused.byGate() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
			problem.setTitle("Check-in refused");
			problem.setProperty("reasons",
					refused.reasons()
						.stream()
						.map((r) -> java.util.Map.of("rule", r.rule(), "reason", r.reason()))
						.toList());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	@PostMapping("/api/v1/visits/{visitId}/outcome")
	@Operation(summary = "Record the outcome of a visit checked in",
			description = "PROMISE takes amount and promisedOn (a promise of the arrangements); PAYMENT_COLLECTED "
					+ "takes amount, method (CASH or CHEQUE), receiptNumber (a leaf of the agent's receipt book, "
					+ "SERIES/NUMBER; 409 when used already) and, for a cheque, chequeNumber")
	VisitJson outcome(@PathVariable @Scoped("visit") UUID visitId, @RequestBody @Valid OutcomeRequest body,
			Authentication user) {
		VisitId id = new VisitId(visitId);
		Currency currency = this.accounts.get(this.visits.get(id).accountId()).currency();
		VisitOutcomes.Outcome outcome = new VisitOutcomes.Outcome(
				Choice.of("outcome", body.outcome(), VisitOutcome.class), body.note(),
				RequestMoney.of("amount", body.amount(), currency, null),
				CalendarBounds.parse("promisedOn", body.promisedOn()),
				Choice.orNull("method", body.method(), PaymentChannel.class), body.chequeNumber(),
				body.receiptNumber());
		return VisitJson.of(this.outcomes.record(id, outcome,
				Asker.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())));
	}

	record VisitRequest(
			@NotBlank(message = REQUIRED) @Size(max = 1000, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
					message = CONTROLS) @Nullable String reason,
			@Schema(description = "The day the visit is wanted, default today") @IsoDate @Nullable String wantedOn,
			@Schema(description = "A field agent to give it to, instead of the area's") @Size(max = 64,
					message = LENGTH) @Pattern(regexp = NO_CONTROLS, message = CONTROLS) @Nullable String agent) {
	}

	record AssignRequest(
			@Size(max = 64, message = LENGTH) @Pattern(regexp = NO_CONTROLS, message = CONTROLS) @Nullable String agent,
			@Size(max = 500, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
					message = CONTROLS) @Nullable String reason) {
	}

	record CheckInRequest(@Schema(description = "Degrees, -90 to 90") @Nullable BigDecimal latitude,
			@Schema(description = "Degrees, -180 to 180") @Nullable BigDecimal longitude,
			@Schema(description = "The device's accuracy in metres") @Nullable BigDecimal accuracy) {
	}

	record OutcomeRequest(@NotBlank(message = REQUIRED) @OneOf(VisitOutcome.class) @Nullable String outcome,
			@Size(max = 2000, message = LENGTH) @Nullable String note, @Amount @Nullable String amount,
			@IsoDate @Nullable String promisedOn,
			@Schema(description = "CASH or CHEQUE") @OneOf(PaymentChannel.class) @Nullable String method,
			@Size(max = 20, message = LENGTH) @Nullable String chequeNumber,
			@Size(max = 40, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
					message = CONTROLS) @Nullable String receiptNumber) {
	}

}
