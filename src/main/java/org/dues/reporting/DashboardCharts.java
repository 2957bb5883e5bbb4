package org.dues.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dashboard's pictures of a month, drawn in the browser from the data here (ECharts,
 * {@code static/js/charts.js}): the creditors' targets as progress bars, the net
 * collected by day this month against last month, the roll-rate matrix as a heat map, and
 * the funnel from attempts to payments. Each carries its title and definition in the
 * reader's language and its figures as a table beside it.
 */
@Service
public class DashboardCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Measures measures;

	private final TargetsSection targets;

	private final RollRatesSection rolls;

	private final Creditors creditors;

	private final MessageSource messages;

	DashboardCharts(Measures measures, TargetsSection targets, RollRatesSection rolls, Creditors creditors,
			MessageSource messages) {
		this.measures = measures;
		this.targets = targets;
		this.rolls = rolls;
		this.creditors = creditors;
		this.messages = messages;
	}

	/**
	 * A chart: its id in the page, title, definition, the data the script draws, and its
	 * figures as a table.
	 */
	public record Chart(String id, String title, @Nullable String definition, String json, ReportTable figures) {
	}

	/** The dashboard of a month. */
	public record Dashboard(List<Progress> targets, List<Chart> charts) {
	}

	/** The month's dashboard for a creditor (null: all) and reader. */
	public Dashboard of(ReportPeriod month, @Nullable String creditor, Locale reader, ZoneId zone) {
		CreditorView only = (creditor == null) ? null : this.creditors.getByCode(creditor);
		PackSection.Request request = new PackSection.Request(month, only, reader, zone);
		List<Chart> charts = new ArrayList<>();
		Chart collected = collected(request);
		if (collected != null) {
			charts.add(collected);
		}
		Chart rolls = rollRates(request);
		if (rolls != null) {
			charts.add(rolls);
		}
		charts.add(funnel(request));
		return new Dashboard(this.targets.creditors(request), charts);
	}

	private @Nullable Chart collected(PackSection.Request request) {
		Locale reader = request.reader();
		YearMonth month = YearMonth.from(request.period().from());
		ReportFilter filter = request.filter();
		CollectionsReport now = this.measures.collections(filter, GroupBy.DAY);
		YearMonth last = month.minusMonths(1);
		CollectionsReport before = this.measures.collections(filter.over(last.atDay(1), last.atEndOfMonth()),
				GroupBy.DAY);
		String currency = (request.creditor() != null) ? request.creditor().currency().getCurrencyCode()
				: busiest(now, before);
		if (currency == null) {
			return null;
		}
		int days = Math.max(month.lengthOfMonth(), last.lengthOfMonth());
		Map<Integer, BigDecimal> thisMonth = byDay(now, currency);
		Map<Integer, BigDecimal> lastMonth = byDay(before, currency);
		List<String> x = new ArrayList<>();
		List<@Nullable BigDecimal> a = new ArrayList<>();
		List<@Nullable BigDecimal> b = new ArrayList<>();
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (int d = 1; d <= days; d++) {
			x.add(String.valueOf(d));
			BigDecimal mine = (d <= month.lengthOfMonth()) ? thisMonth.getOrDefault(d, BigDecimal.ZERO) : null;
			BigDecimal theirs = (d <= last.lengthOfMonth()) ? lastMonth.getOrDefault(d, BigDecimal.ZERO) : null;
			a.add(mine);
			b.add(theirs);
			rows.add(java.util.Arrays.asList(String.valueOf(d),
					(mine == null) ? null : org.dues.shared.Money.of(mine, java.util.Currency.getInstance(currency)),
					(theirs == null) ? null
							: org.dues.shared.Money.of(theirs, java.util.Currency.getInstance(currency))));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", "line");
		data.put("unit", "money");
		data.put("currency", currency);
		data.put("locale", locale(reader));
		data.put("x", x);
		data.put("series", List.of(Map.of("name", say("report.chart.thisMonth", reader), "values", a),
				Map.of("name", say("report.chart.lastMonth", reader), "values", b)));
		String title = say("report.chart.collected", reader, currency);
		return new Chart("collected", title, say("report.chart.collected.about", reader), JSON.writeValueAsString(data),
				new ReportTable(title, null, List.of(say("report.month", reader), month.toString(), last.toString()),
						rows));
	}

	private @Nullable Chart rollRates(PackSection.Request request) {
		Locale reader = request.reader();
		RollRates rolls;
		try {
			rolls = this.rolls.rollRates(request);
		}
		catch (org.dues.shared.InvalidInputException ex) {
			// one matrix per creditor: the pack's table says to choose one
			return null;
		}
		if (rolls.rows().isEmpty()) {
			// no month-end snapshot to start from yet: the pack's table says so
			return null;
		}
		List<List<Object>> cells = new ArrayList<>();
		List<String> y = new ArrayList<>();
		for (int r = 0; r < rolls.rows().size(); r++) {
			RollRates.Row row = rolls.rows().get(r);
			y.add(row.bucket());
			for (int c = 0; c < row.cells().size(); c++) {
				BigDecimal share = Rate.of(row.cells().get(c).accounts(), row.rates().accounts()).value();
				cells.add(List.of(c, r, (share == null) ? BigDecimal.ZERO : share));
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", "heatmap");
		data.put("unit", "rate");
		data.put("locale", locale(reader));
		data.put("x", rolls.columns());
		data.put("y", y);
		data.put("cells", cells);
		data.put("xName", say("report.chart.fromTo", reader));
		ReportTable figures = this.rolls.tables(request).get(0);
		return new Chart("roll-rates", say("report.chart.rollRates", reader, rolls.month()),
				say("report.pack.rollRates.about", reader), JSON.writeValueAsString(data), figures);
	}

	private Chart funnel(PackSection.Request request) {
		Locale reader = request.reader();
		PeriodMeasures m = this.measures.measures(request.filter());
		List<Map<String, Object>> stages = List.of(stage(say("report.pack.attempts", reader), m.attempts()),
				stage(say("report.pack.rightPartyContacts", reader), m.rightPartyContacts()),
				stage(say("report.pack.promisesTaken", reader), m.promisesTaken()),
				stage(say("report.pack.promisesKept", reader), m.promisesKept()),
				stage(say("report.chart.payments", reader), m.payments()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", "funnel");
		data.put("unit", "count");
		data.put("locale", locale(reader));
		data.put("stages", stages);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Map<String, Object> s : stages) {
			rows.add(List.of(s.get("name"), s.get("value")));
		}
		String title = say("report.chart.funnel", reader);
		return new Chart("funnel", title, say("report.chart.funnel.about", reader), JSON.writeValueAsString(data),
				new ReportTable(title, null,
						List.of(say("report.pack.measure", reader),
								say("report.pack.thisPeriod", reader, request.period().from(), request.period().to())),
						rows));
	}

	private static Map<String, Object> stage(String name, long value) {
		return Map.of("name", name, "value", value);
	}

	private static @Nullable String busiest(CollectionsReport now, CollectionsReport before) {
		return java.util.stream.Stream.concat(now.totals().stream(), before.totals().stream())
			.max(Comparator.comparingLong(CollectionsReport.Row::payments))
			.map((r) -> r.net().currencyCode())
			.orElse(null);
	}

	private static Map<Integer, BigDecimal> byDay(CollectionsReport report, String currency) {
		Map<Integer, BigDecimal> days = new LinkedHashMap<>();
		for (CollectionsReport.Row row : report.rows()) {
			if (row.net().currencyCode().equals(currency) && !row.key().isEmpty()) {
				days.merge(LocalDate.parse(row.key()).getDayOfMonth(), row.net().amount(), BigDecimal::add);
			}
		}
		return days;
	}

	private static String locale(Locale reader) {
		// Hindi and Malayalam readers, and English ones without a country, group as in
		// India
		return reader.getLanguage() + "-" + (reader.getCountry().isEmpty() ? "IN" : reader.getCountry());
	}

	private String say(String key, Locale reader, Object... arguments) {
		return PackCells.say(this.messages, key, reader, arguments);
	}

}
