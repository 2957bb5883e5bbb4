package org.dues.reporting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.portfolio.Creditors;
import org.dues.reporting.Progress;
import org.dues.reporting.Target;
import org.dues.reporting.TargetProgress;
import org.dues.reporting.TargetReader;
import org.dues.reporting.TargetScope;
import org.dues.reporting.TargetValues;
import org.dues.reporting.Targets;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.MoneyJson;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly targets: read (JSON, or XLSX by {@code Accept}) by whom {@link TargetReader}
 * lets read them, set by managers and administrators.
 */
@RestController
@Tag(name = "Targets")
class TargetsApi {

	/** Why the subject in the path needs no scope check. */
	static final String SETTERS = "targets are set by managers and administrators, who reach every agent, team and creditor";

	private final Targets targets;

	private final TargetProgress progress;

	private final TargetReaders readers;

	private final Creditors creditors;

	private final Clock clock;

	TargetsApi(Targets targets, TargetProgress progress, TargetReaders readers, Creditors creditors, Clock clock) {
		this.targets = targets;
		this.progress = progress;
		this.readers = readers;
		this.creditors = creditors;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/targets", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The targets the caller reads, of a month (YYYY-MM) and kind (AGENT, TEAM, CREDITOR) if given",
			description = "Managers read every target, a team lead their teams' and their agents', an agent their own. "
					+ "With progress=true each carries its progress and run-rate forecast to month end, agents' and "
					+ "teams' told in the zone given (default: the zone of most active accounts). Also as XLSX by Accept.")
	List<TargetJson> list(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false, defaultValue = "false") boolean progress,
			@RequestParam(required = false) @Nullable String zone, Authentication user) {
		TargetReader reader = this.readers.of(user);
		YearMonth month = (period == null || period.isBlank()) ? null : Targets.period(period);
		TargetScope kind = (scope == null || scope.isBlank()) ? null : Targets.scope(scope);
		List<Target> list = this.targets.list(reader, month, kind);
		if (!progress) {
			return list.stream().map((t) -> TargetJson.of(t, null)).toList();
		}
		ZoneId day = zone(zone);
		return list.stream()
			.map((t) -> TargetJson.of(t,
					this.progress.of(t.period(), t.scope(), t.id(), day).map(ProgressJson::of).orElse(null)))
			.toList();
	}

	@GetMapping(path = "/api/v1/targets", produces = TargetFiles.XLSX)
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String scope, Authentication user) throws IOException {
		TargetReader reader = this.readers.of(user);
		YearMonth month = (period == null || period.isBlank()) ? null : Targets.period(period);
		TargetScope kind = (scope == null || scope.isBlank()) ? null : Targets.scope(scope);
		return TargetFiles.xlsx(this.targets.list(reader, month, kind),
				List.of(List.of("period", (month == null) ? "any" : month.toString()),
						List.of("scope", (kind == null) ? "any" : kind.name()), List.of("read_by", user.getName())),
				this.clock.instant());
	}

	@PutMapping("/api/v1/targets/{period}/{scope}/{id}")
	@Operation(summary = "Set a month's target of an agent (username), a team (id or name) or a creditor (code)",
			description = "The body is the whole target: collected (amounts by currency), promisesKept, accountsResolved; "
					+ "a measure left out is cleared. The values replaced are kept with who replaced them and when. "
					+ "201 when the subject had no target for the month, else 200.")
	ResponseEntity<TargetJson> set(@PathVariable @Unscoped(SETTERS) String period,
			@PathVariable @Unscoped(SETTERS) String scope, @PathVariable @Unscoped(SETTERS) String id,
			@RequestBody TargetBody body, Authentication user) {
		YearMonth month = Targets.period(period);
		TargetScope kind = Targets.scope(scope);
		Targets.Set set = this.targets.set(month, kind, id, body.values(), user.getName(), Targets.Source.API);
		TargetJson json = TargetJson.of(set.target(), null);
		if (set.created()) {
			return ResponseEntity
				.created(URI.create("/api/v1/targets/%s/%s/%s".formatted(month, kind, set.target().id())))
				.body(json);
		}
		return ResponseEntity.ok(json);
	}

	private ZoneId zone(@Nullable String zone) {
		if (zone == null || zone.isBlank()) {
			return this.creditors.busiestZone().orElse(ZoneOffset.UTC);
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("zone", "'%s' is not a time zone".formatted(zone));
		}
	}

	/** A target as set: the amounts by currency and the counts; any may be left out. */
	record TargetBody(@Nullable List<AmountJson> collected, @Nullable Long promisesKept,
			@Nullable Long accountsResolved) {

		TargetValues values() {
			List<Money> amounts = new ArrayList<>();
			List<AmountJson> given = (this.collected == null) ? List.of() : this.collected;
			for (int i = 0; i < given.size(); i++) {
				AmountJson a = given.get(i);
				String field = "collected[%d]".formatted(i);
				Currency currency;
				try {
					currency = Currency.getInstance(String.valueOf(a.currency()).strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException(field + ".currency",
							"'%s' is not an ISO 4217 currency".formatted(a.currency()));
				}
				try {
					amounts.add(Money.of(new BigDecimal(String.valueOf(a.amount()).strip()), currency));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException(field + ".amount",
							"'%s' is not an amount in %s".formatted(a.amount(), currency.getCurrencyCode()));
				}
			}
			return new TargetValues(amounts, this.promisesKept, this.accountsResolved);
		}

	}

	/** An amount as a decimal string and its currency. */
	record AmountJson(@Nullable String amount, @Nullable String currency) {
	}

	record TargetJson(String period, String scope, String id, String name, List<MoneyJson> collected,
			@Nullable Long promisesKept, @Nullable Long accountsResolved, String setBy, Instant setAt,
			@Nullable ProgressJson progress) {

		static TargetJson of(Target t, @Nullable ProgressJson progress) {
			return new TargetJson(t.period().toString(), t.scope().name(), t.id(), t.name(),
					t.collected().stream().map(MoneyJson::of).toList(), t.values().promisesKept(),
					t.values().accountsResolved(), t.setBy(), t.setAt(), progress);
		}

	}

	record ProgressJson(LocalDate asOf, String zone, int businessDaysElapsed, int businessDaysInMonth,
			List<LineJson> measures) {

		static ProgressJson of(Progress p) {
			return new ProgressJson(p.asOf(), p.zone().getId(), p.days().elapsed(), p.days().total(),
					p.lines()
						.stream()
						.map((l) -> new LineJson(l.measure().name(),
								(l.currency() == null) ? null : l.currency().getCurrencyCode(), decimal(l, l.target()),
								decimal(l, l.actual()), decimal(l, l.forecast()), l.percent(), l.forecastPercent(),
								l.standing().name()))
						.toList());
		}

	}

	/** An amount with its currency's decimals ("1234.50"), a count as a whole number. */
	private static String decimal(Progress.Line line, BigDecimal value) {
		int scale = (line.currency() == null) ? 0 : Math.max(0, line.currency().getDefaultFractionDigits());
		return value.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
	}

	record LineJson(String measure, @Nullable String currency, String target, String actual, String forecast,
			@Nullable BigDecimal percent, @Nullable BigDecimal forecastPercent, String standing) {
	}

}
