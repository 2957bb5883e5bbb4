package org.dues.payment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.dues.payment.Remittances;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The remittances page of managers: a creditor's commission terms, a period's statement
 * previewed and then issued, and the statements issued, each to download.
 */
@PageController
class RemittancePages {

	private final Remittances remittances;

	private final Creditors creditors;

	private final RemittanceFiles files;

	private final Phrases phrases;

	private final Clock clock;

	RemittancePages(Remittances remittances, Creditors creditors, RemittanceFiles files, Phrases phrases, Clock clock) {
		this.remittances = remittances;
		this.creditors = creditors;
		this.files = files;
		this.phrases = phrases;
		this.clock = clock;
	}

	@GetMapping("/remittances")
	String page(@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		CreditorView chosen = chosen(creditor);
		if (chosen == null) {
			model.addAttribute("creditors", this.creditors.list());
			return "payment/remittances";
		}
		LocalDate today = LocalDate.now(this.clock.withZone(chosen.timeZone()));
		LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
		String start = from == null ? lastMonth.toString() : from;
		String end = to == null ? lastMonth.plusMonths(1).minusDays(1).toString() : to;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		try {
			model.addAttribute("preview", this.remittances.preview(chosen, chosen.currency(),
					RemittancesApi.date("from", start), RemittancesApi.date("to", end)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
		}
		return render(chosen, model);
	}

	@PostMapping("/remittances/terms")
	String terms(@RequestParam String creditor, @RequestParam(required = false) @Nullable String commissionRate,
			@RequestParam(required = false) @Nullable String taxRate, Model model, Authentication user) {
		CreditorView chosen = this.creditors.getByCode(creditor);
		try {
			this.remittances.setTerms(chosen,
					new Remittances.Terms(rate("commissionRate", commissionRate), rate("taxRate", taxRate)),
					user.getName());
			model.addAttribute("done", "rem.terms.saved");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
		}
		return page(creditor, null, null, model);
	}

	@PostMapping("/remittances/issue")
	String issue(@RequestParam String creditor, @RequestParam String from, @RequestParam String to, Model model,
			Authentication user) {
		CreditorView chosen = this.creditors.getByCode(creditor);
		try {
			Remittances.Issue issue = this.remittances.issue(chosen, chosen.currency(),
					RemittancesApi.date("from", from), RemittancesApi.date("to", to), user.getName());
			model.addAttribute("done", issue.created() ? "rem.issued.done" : "rem.issued.before");
			model.addAttribute("statement", issue.statement());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
		}
		return page(creditor, from, to, model);
	}

	@GetMapping("/remittances/{id}.csv")
	ResponseEntity<byte[]> csv(@PathVariable @Unscoped(RemittancesApi.STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.CSV);
	}

	@GetMapping("/remittances/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable @Unscoped(RemittancesApi.STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.XLSX);
	}

	@GetMapping("/remittances/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable @Unscoped(RemittancesApi.STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.PDF);
	}

	private String render(CreditorView chosen, Model model) {
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("creditor", chosen);
		model.addAttribute("terms", this.remittances.terms(chosen));
		model.addAttribute("issued", this.remittances.issued(chosen));
		return "payment/remittances";
	}

	private @Nullable CreditorView chosen(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return this.creditors.getByCode(code);
	}

	private static BigDecimal rate(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "'%s' is not a number".formatted(text));
		}
	}

}
