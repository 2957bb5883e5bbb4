package org.dues.casework.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.dues.casework.CaseChannel;
import org.dues.casework.CaseOutcome;
import org.dues.casework.CaseStatus;
import org.dues.casework.CaseType;
import org.dues.casework.CaseView;
import org.dues.casework.Cases;
import org.dues.casework.ComplaintCategory;
import org.dues.casework.Complaints;
import org.dues.casework.DisputeCategory;
import org.dues.casework.Disputes;
import org.dues.casework.LegalReferrals;
import org.dues.casework.LegalRefusedException;
import org.dues.casework.Proceeding;
import org.dues.casework.Referrals;
import org.dues.casework.Severity;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.Money;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over the API: disputes, their verification and resolution; complaints; legal
 * referrals with their stages; referrals to a senior; the list of cases the caller
 * reaches.
 */
@RestController
@Tag(name = "Cases")
class CasesApi {

	private final Cases cases;

	private final Disputes disputes;

	private final Complaints complaints;

	private final LegalReferrals legal;

	private final Referrals referrals;

	private final Accounts accounts;

	private final Creditors creditors;

	private final Phrases phrases;

	CasesApi(Cases cases, Disputes disputes, Complaints complaints, LegalReferrals legal, Referrals referrals,
			Accounts accounts, Creditors creditors, Phrases phrases) {
		this.cases = cases;
		this.disputes = disputes;
		this.complaints = complaints;
		this.legal = legal;
		this.referrals = referrals;
		this.accounts = accounts;
		this.creditors = creditors;
		this.phrases = phrases;
	}

	@GetMapping("/api/v1/cases")
	@Operation(summary = "The cases you reach: open ones due soonest first, then closed ones newest first",
			description = "Filtered by `type` (DISPUTE, COMPLAINT, LEGAL, REFERRAL), `status` and `dueBefore` "
					+ "(an open deadline on or before the day); at most `limit` (default 200)")
	List<CaseJson> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String dueBefore,
			@RequestParam(required = false) @Nullable String account, @RequestParam(defaultValue = "200") int limit,
			Authentication user) {
		Cases.CaseFilter filter = new Cases.CaseFilter(Choice.orNull("type", type, CaseType.class),
				Choice.orNull("status", status, CaseStatus.class), CalendarBounds.parse("dueBefore", dueBefore), null,
				uuid("account", account), false);
		return this.cases.search(filter, user, Math.max(1, Math.min(limit, 1000)))
			.stream()
			.map((c) -> CaseJson.of(c, this.phrases, null))
			.toList();
	}

	@GetMapping("/api/v1/cases/{id}")
	@Operation(summary = "A case with its deadlines and timeline")
	CaseJson get(@PathVariable @Scoped("case") UUID id) {
		return CaseJson.of(this.cases.get(id), this.phrases, this.cases.timeline(id));
	}

	@PostMapping("/api/v1/cases/{id}/notes")
	@Operation(summary = "Add a note to a case's timeline")
	CaseJson note(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid NoteRequest body, Authentication user) {
		this.cases.note(id, body.text(), user.getName());
		return get(id);
	}

	@PostMapping("/api/v1/accounts/{accountId}/disputes")
	@Operation(summary = "Log a dispute of the debt",
			description = "`201` with `id`, `status`, `dueOn` and `holdsCollection`: in the US a dispute within "
					+ "the validation period (or before any validation notice) stops collection of the debt on every "
					+ "channel until verification is sent; after it, it is investigated without the stop, and `rule` "
					+ "says which. Categories: NOT_MINE, WRONG_AMOUNT, ALREADY_PAID, GOODS_OR_SERVICES, BILLING_ERROR, "
					+ "OTHER; `amount` (a decimal string) for a disputed part, else the whole debt")
	ResponseEntity<CaseJson> dispute(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid DisputeRequest body, Authentication user) {
		var account = this.accounts.get(new AccountId(accountId));
		Money amount = RequestMoney.of("amount", body.amount(), account.currency(), body.currency());
		CaseView c = this.disputes.open(new AccountId(accountId),
				new Disputes.NewDispute(Choice.of("category", body.category(), DisputeCategory.class),
						body.description(), amount, CalendarBounds.parse("receivedOn", body.receivedOn()),
						Choice.orNull("channel", body.channel(), CaseChannel.class)),
				user.getName());
		return created(c);
	}

	@PostMapping("/api/v1/disputes/{id}/verification")
	@Operation(summary = "Send a US dispute's verification; collection of the debt may resume",
			description = "Only while the dispute awaits verification (`409` otherwise). `originalCreditor`: "
					+ "the consumer asked for the original creditor's name and address")
	CaseJson verification(@PathVariable @Scoped("case") UUID id,
			@RequestBody(required = false) @Nullable VerificationRequest body, Authentication user) {
		this.disputes.sendVerification(id, body != null && Boolean.TRUE.equals(body.originalCreditor()),
				Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/disputes/{id}/acknowledgement")
	@Operation(summary = "Send a dispute's acknowledgement letter")
	CaseJson acknowledgeDispute(@PathVariable @Scoped("case") UUID id, Authentication user) {
		this.disputes.acknowledge(id, user.getName());
		return get(id);
	}

	@PostMapping("/api/v1/disputes/{id}/resolution")
	@Operation(summary = "Resolve a dispute: UPHELD, PARTLY_UPHELD (with `amount`), REJECTED or WITHDRAWN",
			description = "Upheld and partly upheld adjust the balance in the ledger and are decided by a lead, "
					+ "manager or compliance officer; the hold lifts and the resolution letter goes; `409` when the "
					+ "dispute is closed")
	CaseJson resolveDispute(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid ResolutionRequest body,
			Authentication user) {
		CaseView c = this.cases.get(id);
		Money amount = RequestMoney.of("amount", body.amount(), java.util.Currency.getInstance(c.currency()),
				body.currency());
		this.disputes.resolve(id, Choice.of("outcome", body.outcome(), CaseOutcome.class), body.reason(), amount,
				Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/accounts/{accountId}/complaints")
	@Operation(summary = "Log a complaint",
			description = "`201` with `id`, `status` and `dueOn`, the deadlines of the creditor's jurisdiction: "
					+ "India 30 days (then the RBI Integrated Ombudsman), the UK a summary resolution by the end of "
					+ "the third business day or a final response within 8 weeks (FCA DISP 1.5, 1.6), the US the "
					+ "creditor's policy. Categories: AGENT_CONDUCT, CONTACT_FREQUENCY, WRONG_AMOUNT, PRIVACY, "
					+ "SERVICE, OTHER; `severity` LOW, MEDIUM (default) or HIGH (which holds contact)")
	ResponseEntity<CaseJson> complaint(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid ComplaintRequest body, Authentication user) {
		CaseView c = this.complaints.open(new AccountId(accountId),
				new Complaints.NewComplaint(Choice.of("category", body.category(), ComplaintCategory.class),
						body.description(), CalendarBounds.parse("receivedOn", body.receivedOn()),
						Choice.orNull("channel", body.channel(), CaseChannel.class),
						Choice.orNull("severity", body.severity(), Severity.class)),
				user.getName());
		return created(c);
	}

	@PostMapping("/api/v1/complaints/{id}/acknowledgement")
	@Operation(summary = "Send a complaint's acknowledgement letter, naming the date of the final response")
	CaseJson acknowledgeComplaint(@PathVariable @Scoped("case") UUID id, Authentication user) {
		this.complaints.acknowledge(id, user.getName());
		return get(id);
	}

	@PostMapping("/api/v1/complaints/{id}/resolution")
	@Operation(summary = "Resolve a complaint with its final response (naming the ombudsman)",
			description = "RESOLVED_SUMMARILY (the UK, within the summary period), UPHELD, PARTLY_UPHELD, REJECTED "
					+ "or WITHDRAWN")
	CaseJson resolveComplaint(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid ResolutionRequest body,
			Authentication user) {
		this.complaints.resolve(id, Choice.of("outcome", body.outcome(), CaseOutcome.class), body.reason(),
				Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/accounts/{accountId}/legal-referrals")
	@Operation(summary = "Refer the account to a legal proceeding",
			description = "`proceeding`: NI_ACT_138 (with `chequeNumber`, `chequeReturnedOn`), SARFAESI_13_2 (with "
					+ "`secured`, `npaOn`), LOK_ADALAT, ARBITRATION, CIVIL_SUIT (India), LETTER_OF_CLAIM (UK), "
					+ "ATTORNEY_REFERRAL (US, which places the attorney hold). `201` with the stages and their "
					+ "statutory dates; a lead's referral awaits a manager's approval. `422` with `code` and `detail` "
					+ "when it may not proceed: TIME_BARRED, NOT_IN_JURISDICTION, NOTICE_LAPSED, COMPLAINT_LAPSED, "
					+ "NOT_SECURED, NOT_NPA, MISSING_FACT")
	ResponseEntity<CaseJson> legalReferral(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid LegalRequest body, Authentication user) {
		CaseView c = this.legal.refer(new AccountId(accountId),
				new LegalReferrals.NewReferral(Choice.of("proceeding", body.proceeding(), Proceeding.class),
						body.reason(), body.chequeNumber(),
						CalendarBounds.parse("chequeReturnedOn", body.chequeReturnedOn()),
						CalendarBounds.parse("noticeSentOn", body.noticeSentOn()),
						CalendarBounds.parse("noticeReceivedOn", body.noticeReceivedOn()),
						Boolean.TRUE.equals(body.secured()), CalendarBounds.parse("npaOn", body.npaOn()),
						CalendarBounds.parse("letterOn", body.letterOn()), !Boolean.FALSE.equals(body.posted())),
				Actor.of(user));
		return created(c);
	}

	@PostMapping("/api/v1/legal-referrals/{id}/approval")
	@Operation(summary = "A manager approves a lead's legal referral")
	CaseJson approve(@PathVariable @Scoped("case") UUID id, Authentication user) {
		this.legal.approve(id, Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/legal-referrals/{id}/stages/{code}")
	@Operation(
			summary = "Record that a stage happened on a day (`on`); a notice's dispatch recomputes the dates after it")
	CaseJson stage(@PathVariable @Scoped("case") UUID id, @PathVariable @Unscoped("a stage's code") String code,
			@RequestBody @Valid StageRequest body, Authentication user) {
		this.legal.stage(id, code, CalendarBounds.parse("on", body.on()), body.note(), Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/legal-referrals/{id}/hearings")
	@Operation(summary = "Put a hearing on the case's calendar")
	CaseJson hearing(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid HearingRequest body,
			Authentication user) {
		this.legal.hearing(id, CalendarBounds.parse("on", body.on()), body.court(), Actor.of(user));
		return get(id);
	}

	@PostMapping("/api/v1/legal-referrals/{id}/costs")
	@Operation(summary = "Record a legal cost: charged to the account where the creditor's policy makes it "
			+ "recoverable, else kept as an expense")
	CaseJson cost(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid CostRequest body, Authentication user) {
		CaseView c = this.cases.get(id);
		Money amount = RequestMoney.of("amount", body.amount(), java.util.Currency.getInstance(c.currency()),
				body.currency());
		if (amount == null) {
			throw new org.dues.shared.InvalidInputException("amount", "is required");
		}
		this.legal.cost(id, amount, body.description(), Actor.of(user));
		return get(id);
	}

	@PutMapping("/api/v1/creditors/{code}/casework-settings")
	@Operation(summary = "A creditor's casework policy: whether legal costs are recoverable from its customers")
	SettingsRequest settings(@PathVariable @Unscoped("a creditor, which managers reach") String code,
			@RequestBody @Valid SettingsRequest body) {
		CreditorView creditor = this.creditors.getByCode(code);
		this.legal.setRecoverable(creditor.id(), Boolean.TRUE.equals(body.legalCostsRecoverable()));
		return body;
	}

	@PostMapping("/api/v1/accounts/{accountId}/referrals")
	@Operation(summary = "Refer a complex case to a senior (`to`: a user; default your team's lead)")
	ResponseEntity<CaseJson> referral(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid ReferralRequest body, Authentication user) {
		return created(this.referrals.refer(new AccountId(accountId), body.reason(), body.to(), user.getName()));
	}

	@PostMapping("/api/v1/referrals/{id}/answer")
	@Operation(summary = "Answer a referral; the answer comes back to the agent")
	CaseJson answer(@PathVariable @Scoped("case") UUID id, @RequestBody @Valid AnswerRequest body,
			Authentication user) {
		this.referrals.answer(id, body.answer(), Actor.of(user));
		return get(id);
	}

	@ExceptionHandler(LegalRefusedException.class)
	ResponseEntity<ProblemDetail> refused(LegalRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				this.phrases.say(ex.reason()));
		problem.setTitle("The referral may not proceed");
		problem.setProperty("code", ex.code());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static @Nullable UUID uuid(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new org.dues.shared.InvalidInputException(field, "is not an id");
		}
	}

	private ResponseEntity<CaseJson> created(CaseView c) {
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id()))
			.body(CaseJson.of(c, this.phrases, this.cases.timeline(c.id())));
	}

	record NoteRequest(@NotBlank(message = Keys.REQUIRED) @Nullable String text) {
	}

	record DisputeRequest(@OneOf(value = DisputeCategory.class, required = true) @Nullable String category,
			@NotBlank(message = Keys.REQUIRED) @Nullable String description, @Amount @Nullable String amount,
			@CurrencyCode @Nullable String currency, @IsoDate @Nullable String receivedOn,
			@OneOf(CaseChannel.class) @Nullable String channel) {
	}

	record VerificationRequest(@Nullable Boolean originalCreditor) {
	}

	record ResolutionRequest(@OneOf(value = CaseOutcome.class, required = true) @Nullable String outcome,
			@NotBlank(message = Keys.REQUIRED) @Nullable String reason, @Amount @Nullable String amount,
			@CurrencyCode @Nullable String currency) {
	}

	record ComplaintRequest(@OneOf(value = ComplaintCategory.class, required = true) @Nullable String category,
			@NotBlank(message = Keys.REQUIRED) @Nullable String description, @IsoDate @Nullable String receivedOn,
			@OneOf(CaseChannel.class) @Nullable String channel, @OneOf(Severity.class) @Nullable String severity) {
	}

	record LegalRequest(@OneOf(value = Proceeding.class, required = true) @Nullable String proceeding,
			@NotBlank(message = Keys.REQUIRED) @Nullable String reason, @Nullable String chequeNumber,
			@IsoDate @Nullable String chequeReturnedOn, @IsoDate @Nullable String noticeSentOn,
			@IsoDate @Nullable String noticeReceivedOn, @Nullable Boolean secured, @IsoDate @Nullable String npaOn,
			@IsoDate @Nullable String letterOn, @Nullable Boolean posted) {
	}

	record StageRequest(@IsoDate @Nullable String on, @Nullable String note) {
	}

	record HearingRequest(@IsoDate @NotBlank(message = Keys.REQUIRED) @Nullable String on,
			@NotBlank(message = Keys.REQUIRED) @Nullable String court) {
	}

	record CostRequest(@Amount @NotBlank(message = Keys.REQUIRED) @Nullable String amount,
			@CurrencyCode @Nullable String currency, @NotBlank(message = Keys.REQUIRED) @Nullable String description) {
	}

	record SettingsRequest(@Nullable Boolean legalCostsRecoverable) {
	}

	record ReferralRequest(@NotBlank(message = Keys.REQUIRED) @Nullable String reason, @Nullable String to) {
	}

	record AnswerRequest(@NotBlank(message = Keys.REQUIRED) @Nullable String answer) {
	}

}
