package org.dues.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pack's roll rates: the month's bucket-to-bucket matrix (the share of each starting
 * bucket's accounts at the previous month end that stand in each column at this month
 * end) with each row's roll-forward, cure and roll-back rates.
 */
@Component
class RollRatesSection implements PackSection {

	private final Measures measures;

	private final MessageSource messages;

	RollRatesSection(Measures measures, MessageSource messages) {
		this.measures = measures;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 20;
	}

	/** The month's matrix for the request. */
	RollRates rollRates(Request request) {
		return this.measures.rollRates(YearMonth.from(request.period().from()), request.filter());
	}

	@Override
	public List<ReportTable> tables(Request request) {
		Locale reader = request.reader();
		RollRates rolls;
		try {
			rolls = rollRates(request);
		}
		catch (InvalidInputException ex) {
			// creditors with different buckets: the note says to choose one
			String codes = String
				.valueOf(java.util.Objects.requireNonNull(ex.errors().get(0).phrase()).arguments().get(0));
			return List
				.of(new ReportTable(say("report.pack.rollRates", reader, YearMonth.from(request.period().from())),
						say("report.rollRates.perCreditor", reader, codes),
						List.of(say("report.pack.fromBucket", reader)), List.of()));
		}
		List<String> columns = new ArrayList<>();
		columns.add(say("report.pack.fromBucket", reader));
		columns.add(say("report.pack.accounts", reader));
		columns.addAll(rolls.columns());
		columns.add(say(Measure.ROLL_FORWARD_RATE.nameKey(), reader));
		columns.add(say(Measure.CURE_RATE.nameKey(), reader));
		columns.add(say(Measure.ROLL_BACK_RATE.nameKey(), reader));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (RollRates.Row row : rolls.rows()) {
			List<@Nullable Object> cells = new ArrayList<>();
			cells.add(row.bucket());
			cells.add(row.rates().accounts());
			for (RollRates.Cell cell : row.cells()) {
				cells.add(PackCells.share(Rate.of(cell.accounts(), row.rates().accounts())));
			}
			cells.add(PackCells.share(row.rates().rollForward()));
			cells.add(PackCells.share(row.rates().cure()));
			cells.add(PackCells.share(row.rates().rollBack()));
			rows.add(cells);
		}
		List<@Nullable Object> total = new ArrayList<>();
		total.add(say("report.pack.allBuckets", reader));
		total.add(rolls.total().accounts());
		for (int i = 0; i < rolls.columns().size(); i++) {
			total.add(null);
		}
		total.add(PackCells.share(rolls.total().rollForward()));
		total.add(PackCells.share(rolls.total().cure()));
		total.add(PackCells.share(rolls.total().rollBack()));
		if (!rows.isEmpty()) {
			rows.add(total);
		}
		return List.of(new ReportTable(say("report.pack.rollRates", reader, rolls.month()),
				say("report.pack.rollRates.about", reader), columns, rows));
	}

	private String say(String key, Locale reader, Object... arguments) {
		return PackCells.say(this.messages, key, reader, arguments);
	}

}
