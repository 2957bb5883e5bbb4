package org.dues.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pack's measures: each of the period beside the month (or week) before, per currency
 * where it is an amount or a rate of amounts; and at the end every measure's definition.
 */
@Component
class MeasuresSection implements PackSection {

	private final Measures measures;

	private final MessageSource messages;

	MeasuresSection(Measures measures, MessageSource messages) {
		this.measures = measures;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<ReportTable> tables(Request request) {
		Locale reader = request.reader();
		ReportFilter filter = request.filter();
		PeriodMeasures now = this.measures.measures(filter);
		// a month beside the month before; a week beside the week before
		PeriodMeasures before = this.measures.measures(previous(request.period(), filter));
		List<List<@Nullable Object>> rows = new ArrayList<>();
		money(rows, Measure.COLLECTED_GROSS, now.collectedGross(), before.collectedGross(), reader);
		money(rows, Measure.REVERSED, now.reversed(), before.reversed(), reader);
		money(rows, Measure.COLLECTED_NET, now.collectedNet(), before.collectedNet(), reader);
		rows.add(row(Measure.PAYMENTS, null, now.payments(), before.payments(), reader));
		rates(rows, Measure.COLLECTION_RATE, now.collectionRate(), before.collectionRate(), reader);
		rates(rows, Measure.LIQUIDATION_RATE, now.liquidationRate(), before.liquidationRate(), reader);
		rows.add(row(Measure.RIGHT_PARTY_CONTACT_RATE, null, PackCells.share(now.rightPartyContactRate()),
				PackCells.share(before.rightPartyContactRate()), reader));
		rows.add(row(Measure.PROMISE_RATE, null, PackCells.share(now.promiseRate()),
				PackCells.share(before.promiseRate()), reader));
		rows.add(row(Measure.PROMISE_KEPT_RATE, null, PackCells.share(now.promiseKeptRate()),
				PackCells.share(before.promiseKeptRate()), reader));
		rows.add(row(Measure.CURE_RATE, null, PackCells.share(now.cureRate()), PackCells.share(before.cureRate()),
				reader));
		rows.add(row(Measure.AVERAGE_DAYS_TO_PAY, null, now.averageDaysToPay(), before.averageDaysToPay(), reader));
		rows.add(row(Measure.CONTACTS_PER_ACCOUNT, null, PackCells.ratio(now.contactsPerAccount()),
				PackCells.ratio(before.contactsPerAccount()), reader));
		rows.add(row(Measure.ATTEMPTS_PER_AGENT_HOUR, null, PackCells.ratio(now.attemptsPerAgentHour()),
				PackCells.ratio(before.attemptsPerAgentHour()), reader));
		rows.add(List.of(say("report.pack.attempts", reader), now.attempts(), before.attempts()));
		rows.add(List.of(say("report.pack.rightPartyContacts", reader), now.rightPartyContacts(),
				before.rightPartyContacts()));
		rows.add(List.of(say("report.pack.promisesTaken", reader), now.promisesTaken(), before.promisesTaken()));
		rows.add(List.of(say("report.pack.promisesKept", reader), now.promisesKept(), before.promisesKept()));
		rows.add(List.of(say("report.pack.promisesBroken", reader), now.promisesBroken(), before.promisesBroken()));
		rows.add(List.of(say("report.pack.messagesSent", reader), now.messagesSent(), before.messagesSent()));
		rows.add(List.of(say("report.pack.messagesDelivered", reader), now.messagesDelivered(),
				before.messagesDelivered()));
		rows.add(List.of(say("report.pack.disputesOpened", reader), now.disputesOpened(), before.disputesOpened()));
		rows.add(List.of(say("report.pack.disputesClosed", reader), now.disputesClosed(), before.disputesClosed()));
		rows.add(List.of(say("report.pack.complaintsOpened", reader), now.complaintsOpened(),
				before.complaintsOpened()));
		rows.add(List.of(say("report.pack.complaintsClosed", reader), now.complaintsClosed(),
				before.complaintsClosed()));
		rows.add(List.of(say("report.pack.blocked", reader), now.blocked(), before.blocked()));
		List<String> columns = List.of(say("report.pack.measure", reader),
				say("report.pack.thisPeriod", reader, now.filter().from(), now.filter().to()),
				say("report.pack.previousPeriod", reader, before.filter().from(), before.filter().to()));
		ReportTable measures = new ReportTable(say("report.pack.measures", reader),
				say("report.pack.measures.about", reader), columns, rows);

		List<List<@Nullable Object>> rules = new ArrayList<>();
		for (PeriodMeasures.RuleCount rule : now.blockedByRule()) {
			rules.add(List.of(PackCells.ruleName(this.messages, rule.rule(), reader), rule.attempts()));
		}
		ReportTable blocked = new ReportTable(say(Measure.BLOCKED_BY_RULE.nameKey(), reader),
				say(Measure.BLOCKED_BY_RULE.definitionKey(), reader),
				List.of(say("report.pack.rule", reader), say("report.pack.attemptsBlocked", reader)), rules);
		return List.of(measures, blocked);
	}

	private static ReportFilter previous(ReportPeriod period, ReportFilter filter) {
		if (period.label().contains("W")) {
			return filter.previous();
		}
		java.time.YearMonth month = java.time.YearMonth.from(period.from()).minusMonths(1);
		return filter.over(month.atDay(1), month.atEndOfMonth());
	}

	private void money(List<List<@Nullable Object>> rows, Measure measure, List<Money> now, List<Money> before,
			Locale reader) {
		for (String currency : currencies(now, before, Money::currencyCode)) {
			rows.add(row(measure, currency, find(now, currency), find(before, currency), reader));
		}
	}

	private void rates(List<List<@Nullable Object>> rows, Measure measure, List<PeriodMeasures.CurrencyRate> now,
			List<PeriodMeasures.CurrencyRate> before, Locale reader) {
		for (String currency : currencies(now, before, PeriodMeasures.CurrencyRate::currency)) {
			rows.add(row(measure, currency, rate(now, currency), rate(before, currency), reader));
		}
	}

	private List<@Nullable Object> row(Measure measure, @Nullable String currency, @Nullable Object now,
			@Nullable Object before, Locale reader) {
		String name = say(measure.nameKey(), reader) + ((currency == null) ? "" : " (" + currency + ")");
		List<@Nullable Object> row = new ArrayList<>();
		row.add(name);
		row.add(now);
		row.add(before);
		return row;
	}

	private static <T> List<String> currencies(List<T> now, List<T> before, Function<T, String> currency) {
		List<String> all = new ArrayList<>();
		for (T t : now) {
			all.add(currency.apply(t));
		}
		for (T t : before) {
			if (!all.contains(currency.apply(t))) {
				all.add(currency.apply(t));
			}
		}
		return all;
	}

	private static @Nullable Money find(List<Money> amounts, String currency) {
		return amounts.stream().filter((m) -> m.currencyCode().equals(currency)).findFirst().orElse(null);
	}

	private static ReportTable.@Nullable Rate rate(List<PeriodMeasures.CurrencyRate> rates, String currency) {
		return rates.stream()
			.filter((r) -> r.currency().equals(currency))
			.map((r) -> PackCells.share(r.rate()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private String say(String key, Locale reader, Object... arguments) {
		return PackCells.say(this.messages, key, reader, arguments);
	}

}
