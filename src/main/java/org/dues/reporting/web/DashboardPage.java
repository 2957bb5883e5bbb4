package org.dues.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.dues.messaging.StaffMail;
import org.dues.portfolio.Creditors;
import org.dues.reporting.DashboardCharts;
import org.dues.reporting.ManagementPack;
import org.dues.reporting.ReportDocument;
import org.dues.reporting.ReportFiles;
import org.dues.reporting.ReportPeriod;
import org.dues.reporting.ReportSubscriptions;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's dashboard ({@code /reports}): a month's figures for a creditor or all, as
 * pictures and tables, each with its definition; the same report as CSV, XLSX and PDF
 * with the filters named in the file; and the scheduled packs sent by email. Managers and
 * administrators see every creditor (so nothing here is narrowed by scope); compliance
 * officers read it.
 */
@PageController
class DashboardPage {

	/** Why a subscription or delivery named in the path needs no scope check. */
	static final String SUBSCRIPTIONS = "scheduled reports are managers' and administrators', who reach every creditor";

	private final ManagementPack pack;

	private final DashboardCharts charts;

	private final ReportSubscriptions subscriptions;

	private final Creditors creditors;

	private final Clock clock;

	DashboardPage(ManagementPack pack, DashboardCharts charts, ReportSubscriptions subscriptions, Creditors creditors,
			Clock clock) {
		this.pack = pack;
		this.charts = charts;
		this.subscriptions = subscriptions;
		this.creditors = creditors;
		this.clock = clock;
	}

	@GetMapping("/reports")
	String dashboard(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor, HttpSession session, Model model) {
		ZoneId zone = zone(session);
		ReportPeriod period = period(month, zone, model);
		String only = creditor(creditor);
		Locale reader = LocaleContextHolder.getLocale();
		ReportDocument report = this.pack.build(period, only, reader, zone);
		model.addAttribute("period", period);
		model.addAttribute("month", period.label());
		model.addAttribute("creditor", only);
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("zone", zone.getId());
		model.addAttribute("report", report);
		DashboardCharts.Dashboard dashboard = this.charts.of(period, only, reader, zone);
		model.addAttribute("targets", dashboard.targets());
		model.addAttribute("charts", dashboard.charts());
		model.addAttribute("subscriptions", this.subscriptions.list());
		model.addAttribute("zones",
				List.of(zone.getId(), "Asia/Kolkata", "Europe/London", "America/New_York")
					.stream()
					.distinct()
					.toList());
		return "reporting/dashboard";
	}

	@GetMapping("/reports/pack.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor, HttpSession session) {
		ReportDocument report = report(month, creditor, session);
		return file(ReportFiles.csv(report), "text/csv;charset=UTF-8", name(month, creditor, session, "csv"));
	}

	@GetMapping("/reports/pack.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor, HttpSession session) {
		ReportDocument report = report(month, creditor, session);
		return file(ReportFiles.xlsx(report), ReportFiles.XLSX, name(month, creditor, session, "xlsx"));
	}

	@GetMapping("/reports/pack.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor, HttpSession session) {
		ReportDocument report = report(month, creditor, session);
		return file(ReportFiles.pdf(report, LocaleContextHolder.getLocale()), MediaType.APPLICATION_PDF_VALUE,
				name(month, creditor, session, "pdf"));
	}

	@PostMapping("/reports/subscriptions")
	String subscribe(@RequestParam String name, @RequestParam ReportPeriod.Cadence cadence,
			@RequestParam String recipients, @RequestParam String language,
			@RequestParam(required = false) @Nullable String creditor, @RequestParam String zone, Authentication user,
			RedirectAttributes redirect) {
		try {
			this.subscriptions.subscribe(name, cadence, recipients, language, creditor(creditor), zone, user.getName());
			redirect.addFlashAttribute("done", "report.subscription.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/reports#subscriptions";
	}

	@PostMapping("/reports/subscriptions/{id}/stop")
	String stop(@PathVariable @Unscoped(SUBSCRIPTIONS) UUID id, Authentication user, RedirectAttributes redirect) {
		this.subscriptions.stop(id, user.getName());
		redirect.addFlashAttribute("done", "report.subscription.stopped");
		return "redirect:/reports#subscriptions";
	}

	@PostMapping("/reports/subscriptions/{id}/send")
	String sendNow(@PathVariable @Unscoped(SUBSCRIPTIONS) UUID id, Authentication user, RedirectAttributes redirect) {
		ReportSubscriptions.Subscription s = this.subscriptions.get(id);
		ReportPeriod period = ReportPeriod.lastBefore(s.cadence(), LocalDate.now(this.clock.withZone(s.zone())));
		ReportSubscriptions.Delivery delivery = this.subscriptions.send(id, period, user.getName());
		redirect.addFlashAttribute("done", "report.subscription.sent." + delivery.status());
		return "redirect:/reports#subscriptions";
	}

	@GetMapping("/reports/subscriptions/{id}/deliveries/{mail}")
	ResponseEntity<byte[]> delivered(@PathVariable @Unscoped(SUBSCRIPTIONS) UUID id,
			@PathVariable @Unscoped(SUBSCRIPTIONS) UUID mail) {
		StaffMail.Document document = this.subscriptions.document(id, mail)
			.orElseThrow(() -> new NotFoundException("delivery", mail));
		return file(document.content(), document.contentType(), document.fileName());
	}

	private ReportDocument report(@Nullable String month, @Nullable String creditor, HttpSession session) {
		ZoneId zone = zone(session);
		return this.pack.build(period(month, zone, null), creditor(creditor), LocaleContextHolder.getLocale(), zone);
	}

	private String name(@Nullable String month, @Nullable String creditor, HttpSession session, String extension) {
		String label = period(month, zone(session), null).label();
		String who = creditor(creditor);
		return "dues-pack-" + label + ((who == null) ? "" : "-" + who.replaceAll("[^A-Za-z0-9_-]", "")) + "."
				+ extension;
	}

	private ZoneId zone(HttpSession session) {
		return FloorZone.of(session, () -> this.creditors.busiestZone().orElse(ZoneOffset.UTC));
	}

	private ReportPeriod period(@Nullable String month, ZoneId zone, @Nullable Model model) {
		if (month != null && !month.isBlank()) {
			try {
				return ReportPeriod.parseMonth(month.strip());
			}
			catch (IllegalArgumentException ex) {
				if (model == null) {
					throw new InvalidInputException("month", ex.getMessage());
				}
				model.addAttribute("invalidMonth", month);
			}
		}
		return ReportPeriod.month(YearMonth.now(this.clock.withZone(zone)));
	}

	private @Nullable String creditor(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		// a creditor nobody has is not a filter that finds nothing: it does not exist
		return this.creditors.getByCode(code.strip()).code();
	}

	private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(content);
	}

}
