package org.dues.casework.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dues.casework.CaseChannel;
import org.dues.casework.CaseDeadline;
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
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.NotPermittedException;
import org.dues.shared.SpreadsheetCsv;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Cases page (open cases due soonest first, the overdue at the top), a case's page
 * with its deadlines, timeline and the forms its type and status allow, the legal
 * calendar, the complaints register, and the account page's cases panel.
 */
@PageController
class CasePages {

	/** Days before a deadline when a case counts as due soon. */
	static final int DUE_SOON_DAYS = 2;

	private final Cases cases;

	private final Disputes disputes;

	private final Complaints complaints;

	private final LegalReferrals legal;

	private final Referrals referrals;

	private final Accounts accounts;

	private final Phrases phrases;

	private final Clock clock;

	CasePages(Cases cases, Disputes disputes, Complaints complaints, LegalReferrals legal, Referrals referrals,
			Accounts accounts, Phrases phrases, Clock clock) {
		this.cases = cases;
		this.disputes = disputes;
		this.complaints = complaints;
		this.legal = legal;
		this.referrals = referrals;
		this.accounts = accounts;
		this.phrases = phrases;
		this.clock = clock;
	}

	@GetMapping("/cases")
	String list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String due, @RequestParam(required = false) @Nullable String mine,
			Model model, Authentication user) {
		CaseType t = Choice.orNull("type", blank(type), CaseType.class);
		CaseStatus s = Choice.orNull("status", blank(status), CaseStatus.class);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate dueBefore = "overdue".equals(due) ? today.minusDays(1)
				: "soon".equals(due) ? today.plusDays(DUE_SOON_DAYS) : null;
		boolean own = "true".equals(mine);
		List<CaseView> found = this.cases
			.search(new Cases.CaseFilter(t, s, dueBefore, own ? user.getName() : null, null, s == null), user, 500);
		model.addAttribute("cases", found);
		model.addAttribute("types", CaseType.values());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("type", t);
		model.addAttribute("status", s);
		model.addAttribute("due", blank(due));
		model.addAttribute("mine", own);
		model.addAttribute("today", today);
		model.addAttribute("soon", today.plusDays(DUE_SOON_DAYS));
		return "casework/cases";
	}

	@GetMapping("/cases/calendar")
	String calendar(Model model, Authentication user) {
		LocalDate today = LocalDate.now(this.clock);
		Map<LocalDate, List<Dated>> days = new TreeMap<>();
		for (CaseView c : this.cases.search(new Cases.CaseFilter(null, null, today.plusDays(90), null, null, true),
				user, 1000)) {
			for (CaseDeadline d : c.deadlines()) {
				if (d.open() && d.dueOn() != null && !d.dueOn().isAfter(today.plusDays(90))) {
					days.computeIfAbsent(d.dueOn(), (k) -> new ArrayList<>()).add(new Dated(c, d));
				}
			}
		}
		model.addAttribute("days", days);
		model.addAttribute("today", today);
		return "casework/calendar";
	}

	/** A deadline of a case, for the calendar. */
	record Dated(CaseView c, CaseDeadline deadline) {
	}

	@GetMapping("/cases/complaints.csv")
	ResponseEntity<byte[]> register(Authentication user) {
		List<CaseView> all = this.cases.search(new Cases.CaseFilter(CaseType.COMPLAINT, null, null, null, null, false),
				user, 100_000);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord("reference", "account", "received_on", "channel", "category", "severity", "status",
					"acknowledge_by", "final_response_by", "outcome", "outcome_reason", "closed_at", "opened_by",
					"description");
			for (CaseView c : all) {
				csv.printRecord(c.reference(), safe(c.accountRef()), c.receivedOn(), c.channel(), c.category(),
						c.facts().get("severity"), c.status(), due(c, "ACKNOWLEDGE"), due(c, "FINAL_RESPONSE"),
						c.outcome(), safe(c.outcomeReason()), c.closedAt(), c.openedBy(), safe(c.description()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("complaints-register.csv").build().toString())
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable LocalDate due(CaseView c, String code) {
		return c.deadlines()
			.stream()
			.filter((d) -> d.code().equals(code))
			.findFirst()
			.map(CaseDeadline::dueOn)
			.orElse(null);
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable @Scoped("case") UUID id, Model model, Authentication user) {
		CaseView c = this.cases.get(id);
		model.addAttribute("c", c);
		model.addAttribute("timeline", this.cases.timeline(id));
		model.addAttribute("outcomes", CaseOutcome.of(c.type()));
		Actor actor = Actor.of(user);
		boolean senior = actor
			.hasAny(java.util.Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_COMPLIANCE", "ROLE_ADMIN"));
		model.addAttribute("canDecide",
				senior || (c.type() == CaseType.REFERRAL && user.getName().equals(c.ownerUser())));
		model.addAttribute("today", LocalDate.now(this.clock));
		if (c.type() == CaseType.LEGAL) {
			model.addAttribute("costs", this.legal.costs(id));
		}
		return "casework/case";
	}

	@GetMapping("/cases/{id}/documents/{entry}")
	ResponseEntity<byte[]> document(@PathVariable @Scoped("case") UUID id,
			@PathVariable @Unscoped("a line of the case's timeline, read only with the case") long entry) {
		Cases.Document document = this.cases.document(id, entry)
			.orElseThrow(() -> new NotFoundException("document", entry));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(document.bytes());
	}

	@PostMapping("/cases/{id}/documents")
	String attach(@PathVariable @Scoped("case") UUID id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String text, Authentication user, RedirectAttributes flash)
			throws IOException {
		byte[] bytes = (file == null) ? new byte[0] : file.getBytes();
		String name = (file == null || file.getOriginalFilename() == null) ? "document" : file.getOriginalFilename();
		String type = (file == null || file.getContentType() == null) ? "application/octet-stream"
				: file.getContentType();
		return act(id, flash, () -> this.cases.attach(id, name, type, bytes, text, user.getName()));
	}

	@PostMapping("/cases/{id}/notes")
	String note(@PathVariable @Scoped("case") UUID id, @RequestParam(required = false) @Nullable String text,
			Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> this.cases.note(id, text, user.getName()));
	}

	@PostMapping("/cases/{id}/acknowledgement")
	String acknowledge(@PathVariable @Scoped("case") UUID id, Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> {
			if (this.cases.get(id).type() == CaseType.COMPLAINT) {
				this.complaints.acknowledge(id, user.getName());
			}
			else {
				this.disputes.acknowledge(id, user.getName());
			}
		});
	}

	@PostMapping("/cases/{id}/verification")
	String verification(@PathVariable @Scoped("case") UUID id,
			@RequestParam(required = false) @Nullable String originalCreditor, Authentication user,
			RedirectAttributes flash) {
		return act(id, flash,
				() -> this.disputes.sendVerification(id, "true".equals(originalCreditor), Actor.of(user)));
	}

	@PostMapping("/cases/{id}/resolution")
	String resolve(@PathVariable @Scoped("case") UUID id, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String amount, Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> {
			CaseView c = this.cases.get(id);
			CaseOutcome o = Choice.of("outcome", outcome, CaseOutcome.class);
			switch (c.type()) {
				case DISPUTE -> this.disputes.resolve(id, o, reason, money(amount, c), Actor.of(user));
				case COMPLAINT -> this.complaints.resolve(id, o, reason, Actor.of(user));
				case REFERRAL -> this.referrals.answer(id, reason, Actor.of(user));
				case LEGAL -> {
					if (o == CaseOutcome.NOT_APPROVED) {
						this.legal.decline(id, reason, Actor.of(user));
					}
					else {
						this.legal.close(id, o, reason, Actor.of(user));
					}
				}
			}
		});
	}

	@PostMapping("/cases/{id}/approval")
	String approve(@PathVariable @Scoped("case") UUID id, Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> this.legal.approve(id, Actor.of(user)));
	}

	@PostMapping("/cases/{id}/stages")
	String stage(@PathVariable @Scoped("case") UUID id, @RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String on, @RequestParam(required = false) @Nullable String note,
			Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> this.legal.stage(id, (code == null) ? "" : code, CalendarBounds.parse("on", on),
				note, Actor.of(user)));
	}

	@PostMapping("/cases/{id}/hearings")
	String hearing(@PathVariable @Scoped("case") UUID id, @RequestParam(required = false) @Nullable String on,
			@RequestParam(required = false) @Nullable String court, Authentication user, RedirectAttributes flash) {
		return act(id, flash, () -> this.legal.hearing(id, CalendarBounds.parse("on", on), (court == null) ? "" : court,
				Actor.of(user)));
	}

	@PostMapping("/cases/{id}/costs")
	String cost(@PathVariable @Scoped("case") UUID id, @RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String description, Authentication user,
			RedirectAttributes flash) {
		return act(id, flash, () -> {
			Money money = money(amount, this.cases.get(id));
			if (money == null) {
				throw new InvalidInputException("amount", "is required");
			}
			this.legal.cost(id, money, (description == null) ? "" : description, Actor.of(user));
		});
	}

	@GetMapping("/accounts/{id}/cases")
	String panel(@PathVariable @Scoped("account") UUID id, Model model, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(id));
		model.addAttribute("account", account);
		model.addAttribute("accountCases", this.cases.ofAccount(account.id()));
		model.addAttribute("disputeCategories", DisputeCategory.values());
		model.addAttribute("complaintCategories", ComplaintCategory.values());
		model.addAttribute("channels", CaseChannel.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("proceedings", this.legal.proceedingsFor(account.id()));
		model.addAttribute("canRefer",
				Actor.of(user).hasAny(java.util.Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN")));
		model.addAttribute("limitation", this.legal.limitation(account.id()));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "casework/cases-panel :: panel";
	}

	@PostMapping("/accounts/{id}/disputes")
	String dispute(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String receivedOn,
			@RequestParam(required = false) @Nullable String channel, Authentication user, RedirectAttributes flash) {
		return open(id, flash, () -> {
			AccountView account = this.accounts.get(new AccountId(id));
			return this.disputes.open(account.id(),
					new Disputes.NewDispute(Choice.of("category", category, DisputeCategory.class),
							(description == null) ? "" : description,
							RequestMoney.of("amount", blank(amount), account.currency(), null),
							CalendarBounds.parse("receivedOn", blank(receivedOn)),
							Choice.orNull("channel", blank(channel), CaseChannel.class)),
					user.getName());
		});
	}

	@PostMapping("/accounts/{id}/complaints")
	String complaint(@PathVariable @Scoped("account") UUID id,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String receivedOn,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String severity, Authentication user, RedirectAttributes flash) {
		return open(id, flash, () -> this.complaints.open(new AccountId(id),
				new Complaints.NewComplaint(Choice.of("category", category, ComplaintCategory.class),
						(description == null) ? "" : description, CalendarBounds.parse("receivedOn", blank(receivedOn)),
						Choice.orNull("channel", blank(channel), CaseChannel.class),
						Choice.orNull("severity", blank(severity), Severity.class)),
				user.getName()));
	}

	@PostMapping("/accounts/{id}/legal-referrals")
	String legalReferral(@PathVariable @Scoped("account") UUID id,
			@RequestParam(required = false) @Nullable String proceeding,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String chequeNumber,
			@RequestParam(required = false) @Nullable String chequeReturnedOn,
			@RequestParam(required = false) @Nullable String noticeSentOn,
			@RequestParam(required = false) @Nullable String npaOn,
			@RequestParam(required = false) @Nullable String secured, Authentication user, RedirectAttributes flash) {
		return open(id, flash,
				() -> this.legal.refer(new AccountId(id),
						new LegalReferrals.NewReferral(Choice.of("proceeding", proceeding, Proceeding.class),
								(reason == null) ? "" : reason, blank(chequeNumber),
								CalendarBounds.parse("chequeReturnedOn", blank(chequeReturnedOn)),
								CalendarBounds.parse("noticeSentOn", blank(noticeSentOn)), null, "true".equals(secured),
								CalendarBounds.parse("npaOn", blank(npaOn)), null, true),
						Actor.of(user)));
	}

	@PostMapping("/accounts/{id}/referrals")
	String referral(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String to, Authentication user, RedirectAttributes flash) {
		return open(id, flash, () -> this.referrals.refer(new AccountId(id), (reason == null) ? "" : reason, blank(to),
				user.getName()));
	}

	/**
	 * Does what the form asks and goes back to the case, saying what went wrong if
	 * anything did.
	 */
	private String act(UUID id, RedirectAttributes flash, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", true);
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			flash.addFlashAttribute("problem", this.phrases.problem(ex));
		}
		catch (LegalRefusedException ex) {
			flash.addFlashAttribute("problem", this.phrases.say(ex.reason()));
		}
		return "redirect:/cases/" + id;
	}

	/** Opens a case and shows it, or goes back to the account saying why not. */
	private String open(UUID account, RedirectAttributes flash, java.util.function.Supplier<CaseView> opening) {
		try {
			return "redirect:/cases/" + opening.get().id();
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			flash.addFlashAttribute("caseProblem", this.phrases.problem(ex));
		}
		catch (LegalRefusedException ex) {
			flash.addFlashAttribute("caseProblem", this.phrases.say(ex.reason()));
		}
		return "redirect:/accounts/" + account + "#cases-panel";
	}

	private static @Nullable Money money(@Nullable String amount, CaseView c) {
		return RequestMoney.of("amount", blank(amount), java.util.Currency.getInstance(c.currency()), null);
	}

	private static @Nullable String safe(@Nullable String text) {
		return (text == null) ? null : SpreadsheetCsv.neutralize(text);
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
