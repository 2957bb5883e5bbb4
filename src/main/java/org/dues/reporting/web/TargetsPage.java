package org.dues.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.reporting.TargetProgress;
import org.dues.reporting.TargetReader;
import org.dues.reporting.TargetScope;
import org.dues.reporting.TargetSheets;
import org.dues.reporting.TargetValues;
import org.dues.reporting.Targets;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The targets page ({@code /targets}): a month's targets the reader reads with their
 * progress and run-rate forecast, how both are counted, and for managers the form that
 * sets one and the sheet import. {@code /targets/mine} is the agent's own month as a
 * fragment for the desk. Days of agents' and teams' months are told in the floor's zone
 * ({@link FloorZone}).
 */
@PageController
class TargetsPage {

	private final Targets targets;

	private final TargetProgress progress;

	private final TargetSheets sheets;

	private final TargetReaders readers;

	private final Creditors creditors;

	private final UserManagement users;

	private final Teams teams;

	private final Phrases phrases;

	private final Clock clock;

	TargetsPage(Targets targets, TargetProgress progress, TargetSheets sheets, TargetReaders readers,
			Creditors creditors, UserManagement users, Teams teams, Phrases phrases, Clock clock) {
		this.targets = targets;
		this.progress = progress;
		this.sheets = sheets;
		this.readers = readers;
		this.creditors = creditors;
		this.users = users;
		this.teams = teams;
		this.phrases = phrases;
		this.clock = clock;
	}

	@GetMapping("/targets")
	String targets(@RequestParam(required = false) @Nullable String period, HttpSession session, Model model,
			Authentication user) {
		ZoneId zone = zone(session);
		YearMonth month = YearMonth.now(this.clock.withZone(zone));
		if (period != null && !period.isBlank()) {
			try {
				month = Targets.period(period);
			}
			catch (InvalidInputException ex) {
				model.addAttribute("badPeriod", period);
			}
		}
		TargetReader reader = this.readers.of(user);
		model.addAttribute("period", month);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("progress", this.progress.of(reader, month, null, zone));
		model.addAttribute("sets", reader.sets());
		if (reader.sets()) {
			model.addAttribute("scopes", TargetScope.values());
			model.addAttribute("agentNames", this.users.withRole(Role.AGENT));
			model.addAttribute("teamNames", this.teams.all());
			model.addAttribute("creditorCodes", this.creditors.list());
		}
		return "reporting/targets";
	}

	@GetMapping("/targets/mine")
	String mine(HttpSession session, Model model, Authentication user) {
		ZoneId zone = zone(session);
		model.addAttribute("mine", this.progress.thisMonth(user.getName(), zone).orElse(null));
		return "reporting/progress :: mine";
	}

	@PostMapping("/targets")
	String set(@RequestParam String period, @RequestParam String scope, @RequestParam String id,
			@RequestParam(required = false) @Nullable String currency,
			@RequestParam(required = false) @Nullable String collected,
			@RequestParam(required = false) @Nullable String promisesKept,
			@RequestParam(required = false) @Nullable String accountsResolved, Authentication user,
			RedirectAttributes redirect) {
		try {
			YearMonth month = Targets.period(period);
			this.targets.set(month, Targets.scope(scope), id,
					values(currency, collected, promisesKept, accountsResolved), user.getName(), Targets.Source.PAGE);
			redirect.addFlashAttribute("done", "target.set.done");
			return "redirect:/targets?period=" + month;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems",
					ex.errors()
						.stream()
						.map((e) -> this.phrases.label(e.field()) + ": "
								+ ((e.phrase() != null) ? this.phrases.say(e.phrase()) : e.message()))
						.toList());
			return "redirect:/targets";
		}
	}

	@PostMapping("/targets/import")
	String importSheet(@RequestParam(required = false) @Nullable MultipartFile file, Authentication user,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problems", List.of(this.phrases.label("file")));
			return "redirect:/targets";
		}
		try (InputStream in = file.getInputStream()) {
			TargetSheets.Result result = this.sheets.importSheet(String.valueOf(file.getOriginalFilename()), in,
					user.getName());
			// said in the reader's language now: the flash is kept in the session
			redirect.addFlashAttribute("imported",
					new Imported(result.rows(), result.created(), result.written(),
							result.errors()
								.stream()
								.map((e) -> new Imported.Shown(e.row(), this.phrases.label(e.field()),
										this.phrases.sayOr(e.phrase(), e.message())))
								.toList()));
		}
		return "redirect:/targets";
	}

	private static TargetValues values(@Nullable String currency, @Nullable String collected,
			@Nullable String promisesKept, @Nullable String accountsResolved) {
		List<Money> amounts = new ArrayList<>();
		if (collected != null && !collected.isBlank()) {
			Currency code;
			try {
				code = Currency.getInstance(String.valueOf(currency).strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("currency", "'%s' is not an ISO 4217 currency".formatted(currency));
			}
			try {
				amounts.add(Money.of(new BigDecimal(collected.strip().replace(",", "")), code));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("collected",
						"'%s' is not an amount in %s".formatted(collected, code.getCurrencyCode()));
			}
		}
		return new TargetValues(amounts, count("promisesKept", promisesKept),
				count("accountsResolved", accountsResolved));
	}

	private static @Nullable Long count(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", "")).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new InvalidInputException(field, "'%s' is not a whole number".formatted(text));
		}
	}

	/** An import's outcome as the page shows it. */
	record Imported(int rows, int created, boolean written, List<Shown> errors) implements java.io.Serializable {

		Imported {
			errors = new ArrayList<>(errors);
		}

		/** A wrong row: its number, the column's label and what is wrong. */
		record Shown(int row, String column, String message) implements java.io.Serializable {
		}

	}

	private ZoneId zone(HttpSession session) {
		return FloorZone.of(session, () -> this.creditors.busiestZone().orElse(ZoneOffset.UTC));
	}

}
