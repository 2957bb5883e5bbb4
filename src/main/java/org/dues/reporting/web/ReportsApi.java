package org.dues.reporting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.reporting.CollectionsReport;
import org.dues.reporting.GroupBy;
import org.dues.reporting.Measures;
import org.dues.reporting.PromiseReport;
import org.dues.reporting.Rate;
import org.dues.reporting.ReportFilter;
import org.dues.reporting.RollRates;
import org.dues.shared.MoneyJson;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over the API: collections, roll rates and promises, each as JSON, CSV
 * ({@code Accept: text/csv}) or XLSX (by {@code Accept}), the files naming the filters
 * applied. Team leads (their teams' agents), managers, compliance officers and
 * administrators; agents may not.
 */
@RestController
@Tag(name = "Reports")
class ReportsApi {

	private final Measures measures;

	private final ReportReader reader;

	private final ReportFiles files;

	ReportsApi(Measures measures, ReportReader reader, ReportFiles files) {
		this.measures = measures;
		this.reader = reader;
		this.files = files;
	}

	@GetMapping(path = "/api/v1/reports/collections", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Collected gross and net of reversals, and payment counts, over a period, grouped",
			description = "A payment counts on the day it was received, a reversal on the day it was made (the "
					+ "creditor's day). groupBy: day (default), week, month, agent, team, creditor, bucket, product, "
					+ "region, language. Also text/csv and XLSX by Accept.")
	CollectionsJson collections(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String bucket,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String language, Authentication user) {
		return CollectionsJson.of(collectionsReport(
				new ReportReader.Params(from, to, creditor, product, bucket, team, agent, queue, region, language),
				groupBy, user));
	}

	@GetMapping(path = "/api/v1/reports/collections", produces = { "text/csv", ReportFiles.XLSX })
	ResponseEntity<byte[]> collectionsFile(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String bucket,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String language,
			@org.springframework.web.bind.annotation.RequestHeader("Accept") String accept, Authentication user)
			throws IOException {
		ReportReader.Params params = new ReportReader.Params(from, to, creditor, product, bucket, team, agent, queue,
				region, language);
		CollectionsReport report = collectionsReport(params, groupBy, user);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (CollectionsReport.Row r : report.rows()) {
			rows.add(List.of(r.key(), r.label(), r.gross().currencyCode(), r.gross().amount(), r.reversed().amount(),
					r.net().amount(), r.payments(), r.reversals()));
		}
		Map<String, String> filters = named(report.filter(), params);
		filters.put("groupBy", report.groupBy().name().toLowerCase(java.util.Locale.ROOT));
		ReportFiles.Table table = new ReportFiles.Table("report.collections.title", filters,
				List.of("report.col.group", "report.col.label", "report.col.currency", "report.col.gross",
						"report.col.reversed", "report.col.net", "report.col.payments", "report.col.reversals"),
				rows);
		return file(table, "collections", accept);
	}

	@GetMapping(path = "/api/v1/reports/roll-rates", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The month's bucket-to-bucket migration matrix with roll-forward, cure and roll-back rates",
			description = "The last snapshot of the month against the last of the month before; month as yyyy-MM. "
					+ "Also text/csv and XLSX by Accept.")
	RollRatesJson rollRates(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String bucket,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String language, Authentication user) {
		return RollRatesJson.of(rollRatesReport(month,
				new ReportReader.Params(null, null, creditor, product, bucket, team, agent, queue, region, language),
				user));
	}

	@GetMapping(path = "/api/v1/reports/roll-rates", produces = { "text/csv", ReportFiles.XLSX })
	ResponseEntity<byte[]> rollRatesFile(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String bucket,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String language,
			@org.springframework.web.bind.annotation.RequestHeader("Accept") String accept, Authentication user)
			throws IOException {
		ReportReader.Params params = new ReportReader.Params(null, null, creditor, product, bucket, team, agent, queue,
				region, language);
		RollRates rates = rollRatesReport(month, params, user);
		List<String> columns = new ArrayList<>(List.of("report.col.fromBucket"));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		List<@Nullable Object> header = new ArrayList<>();
		header.add("");
		header.addAll(rates.columns());
		header.addAll(List.of("", "", ""));
		for (RollRates.Row row : rates.rows()) {
			List<@Nullable Object> cells = new ArrayList<>();
			cells.add(row.bucket());
			row.cells().forEach((c) -> cells.add(c.accounts()));
			cells.add(row.rates().rollForward().value());
			cells.add(row.rates().cure().value());
			cells.add(row.rates().rollBack().value());
			rows.add(cells);
		}
		rates.columns().forEach((c) -> columns.add("report.col.toBucket"));
		columns.addAll(List.of("report.col.rollForward", "report.col.cure", "report.col.rollBack"));
		rows.add(0, header);
		Map<String, String> filters = named(null, params);
		filters.put("month", rates.month().toString());
		return file(new ReportFiles.Table("report.rollRates.title", filters, columns, rows), "roll-rates", accept);
	}

	@GetMapping(path = "/api/v1/reports/promises", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Promises due in a period (by due date): kept, broken and open, by count and amount",
			description = "groupBy: month (default), day, week, agent, team, creditor. Filters: creditor, team, agent. "
					+ "Also text/csv and XLSX by Accept.")
	PromisesJson promises(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent, Authentication user) {
		return PromisesJson.of(promisesReport(
				new ReportReader.Params(from, to, creditor, null, null, team, agent, null, null, null), groupBy, user));
	}

	@GetMapping(path = "/api/v1/reports/promises", produces = { "text/csv", ReportFiles.XLSX })
	ResponseEntity<byte[]> promisesFile(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable String team,
			@RequestParam(required = false) @Nullable String agent,
			@org.springframework.web.bind.annotation.RequestHeader("Accept") String accept, Authentication user)
			throws IOException {
		ReportReader.Params params = new ReportReader.Params(from, to, creditor, null, null, team, agent, null, null,
				null);
		PromiseReport report = promisesReport(params, groupBy, user);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (PromiseReport.Row r : report.rows()) {
			rows.add(List.of(r.key(), r.label(), r.dueAmount().currencyCode(), r.due(), r.kept(), r.broken(), r.open(),
					r.dueAmount().amount(), r.keptAmount().amount(), r.brokenAmount().amount(),
					orEmpty(r.keptRate().value()), orEmpty(r.keptAmountRate().value())));
		}
		Map<String, String> filters = named(report.filter(), params);
		filters.put("groupBy", report.groupBy().name().toLowerCase(java.util.Locale.ROOT));
		return file(new ReportFiles.Table("report.promises.title", filters,
				List.of("report.col.group", "report.col.label", "report.col.currency", "report.col.due",
						"report.col.kept", "report.col.broken", "report.col.open", "report.col.dueAmount",
						"report.col.keptAmount", "report.col.brokenAmount", "report.col.keptRate",
						"report.col.keptAmountRate"),
				rows), "promises", accept);
	}

	private CollectionsReport collectionsReport(ReportReader.Params params, @Nullable String groupBy,
			Authentication user) {
		GroupBy by = ReportReader.groupBy(groupBy, GroupBy.DAY);
		return this.measures.collections(this.reader.filter(params, user), by);
	}

	private RollRates rollRatesReport(@Nullable String month, ReportReader.Params params, Authentication user) {
		YearMonth m = ReportReader.month(month);
		ReportFilter filter = this.reader.filter(m.atDay(1), m.atEndOfMonth(), params, user);
		return this.measures.rollRates(m, filter);
	}

	private PromiseReport promisesReport(ReportReader.Params params, @Nullable String groupBy, Authentication user) {
		GroupBy by = ReportReader.groupBy(groupBy, GroupBy.MONTH);
		return this.measures.promises(this.reader.filter(params, user), by);
	}

	/** The filters applied as the request named them (a creditor by its code). */
	private static Map<String, String> named(@Nullable ReportFilter filter, ReportReader.Params p) {
		Map<String, String> named = new LinkedHashMap<>();
		if (filter != null) {
			named.put("from", filter.from().toString());
			named.put("to", filter.to().toString());
		}
		put(named, "creditor", p.creditor());
		put(named, "product", p.product());
		put(named, "bucket", p.bucket());
		put(named, "team", p.team());
		put(named, "agent", p.agent());
		put(named, "queue", p.queue());
		put(named, "region", p.region());
		put(named, "language", p.language());
		return named;
	}

	private static void put(Map<String, String> named, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			named.put(name, value.strip());
		}
	}

	private ResponseEntity<byte[]> file(ReportFiles.Table table, String name, String accept) throws IOException {
		return accept.contains("text/csv") ? this.files.csv(table, name) : this.files.xlsx(table, name);
	}

	private static Object orEmpty(@Nullable BigDecimal value) {
		return (value == null) ? "" : value;
	}

	record CollectionsJson(LocalDate from, LocalDate to, String groupBy, Map<String, String> filters,
			List<RowJson> rows, List<RowJson> totals) {

		static CollectionsJson of(CollectionsReport r) {
			return new CollectionsJson(r.filter().from(), r.filter().to(),
					r.groupBy().name().toLowerCase(java.util.Locale.ROOT), r.filter().applied(),
					r.rows().stream().map(RowJson::of).toList(), r.totals().stream().map(RowJson::of).toList());
		}

		record RowJson(String key, String label, String currency, MoneyJson gross, MoneyJson reversed, MoneyJson net,
				long payments, long reversals) {

			static RowJson of(CollectionsReport.Row r) {
				return new RowJson(r.key(), r.label(), r.gross().currencyCode(), MoneyJson.of(r.gross()),
						MoneyJson.of(r.reversed()), MoneyJson.of(r.net()), r.payments(), r.reversals());
			}

		}

	}

	record RollRatesJson(String month, @Nullable LocalDate fromDay, @Nullable LocalDate toDay, List<String> columns,
			List<RowJson> rows, RatesJson total) {

		static RollRatesJson of(RollRates r) {
			return new RollRatesJson(r.month().toString(), r.fromDay(), r.toDay(), r.columns(),
					r.rows()
						.stream()
						.map((row) -> new RowJson(row.bucket(), row.rank(),
								row.cells()
									.stream()
									.map((c) -> new CellJson(c.column(), c.accounts(), c.balance().toPlainString()))
									.toList(),
								RatesJson.of(row.rates())))
						.toList(),
					RatesJson.of(r.total()));
		}

		record RowJson(String bucket, int rank, List<CellJson> cells, RatesJson rates) {
		}

		record CellJson(String to, long accounts, String balance) {
		}

		record RatesJson(long accounts, @Nullable BigDecimal rollForward, @Nullable BigDecimal cure,
				@Nullable BigDecimal rollBack, @Nullable BigDecimal stay, @Nullable BigDecimal rollForwardByBalance,
				@Nullable BigDecimal cureByBalance, @Nullable BigDecimal rollBackByBalance) {

			static RatesJson of(RollRates.Rates r) {
				return new RatesJson(r.accounts(), r.rollForward().value(), r.cure().value(), r.rollBack().value(),
						r.stay().value(), r.rollForwardByBalance().value(), r.cureByBalance().value(),
						r.rollBackByBalance().value());
			}

		}

	}

	record PromisesJson(LocalDate from, LocalDate to, String groupBy, Map<String, String> filters, List<RowJson> rows,
			List<RowJson> totals) {

		static PromisesJson of(PromiseReport r) {
			return new PromisesJson(r.filter().from(), r.filter().to(),
					r.groupBy().name().toLowerCase(java.util.Locale.ROOT), r.filter().applied(),
					r.rows().stream().map(RowJson::of).toList(), r.totals().stream().map(RowJson::of).toList());
		}

		record RowJson(String key, String label, String currency, long due, long kept, long broken, long open,
				MoneyJson dueAmount, MoneyJson keptAmount, MoneyJson brokenAmount, @Nullable BigDecimal keptRate,
				@Nullable BigDecimal keptAmountRate) {

			static RowJson of(PromiseReport.Row r) {
				return new RowJson(r.key(), r.label(), r.dueAmount().currencyCode(), r.due(), r.kept(), r.broken(),
						r.open(), MoneyJson.of(r.dueAmount()), MoneyJson.of(r.keptAmount()),
						MoneyJson.of(r.brokenAmount()), rate(r.keptRate()), rate(r.keptAmountRate()));
			}

			private static @Nullable BigDecimal rate(Rate rate) {
				return rate.value();
			}

		}

	}

}
