package org.dues.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pack's first part: the creditors' targets for the month of the period, each
 * measure's actual so far, the run-rate forecast to month end, the share of the target
 * and how it stands.
 */
@Component
class TargetsSection implements PackSection {

	/** Who reads the pack's targets: a manager's pack, every creditor's. */
	static final TargetReader PACK = new TargetReader("reports", Set.of(Role.MANAGER),
			new Teams.Scope(true, Set.of(), Set.of()));

	private final TargetProgress progress;

	private final MessageSource messages;

	TargetsSection(TargetProgress progress, MessageSource messages) {
		this.progress = progress;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 5;
	}

	/** The creditors' targets of the request's month, narrowed to its creditor. */
	List<Progress> creditors(Request request) {
		return this.progress.of(PACK, YearMonth.from(request.period().from()), TargetScope.CREDITOR, request.zone())
			.stream()
			.filter((p) -> request.creditor() == null || p.target().id().equals(request.creditor().code()))
			.toList();
	}

	@Override
	public List<ReportTable> tables(Request request) {
		Locale reader = request.reader();
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Progress p : creditors(request)) {
			for (Progress.Line line : p.lines()) {
				rows.add(List.of(p.target().name(), say("target.measure." + line.measure().name(), reader),
						figure(line, line.target()), figure(line, line.actual()), figure(line, line.forecast()),
						(line.percent() == null) ? "–" : new ReportTable.Rate(line.percent().movePointLeft(2)),
						say("target.standing." + line.standing().name(), reader)));
			}
		}
		return List.of(new ReportTable(say("report.pack.targets", reader), say("report.pack.targets.about", reader),
				List.of(say("report.creditor", reader), say("report.pack.measure", reader),
						say("report.pack.target", reader), say("report.pack.actual", reader),
						say("report.pack.forecast", reader), say("report.pack.ofTarget", reader),
						say("report.pack.standing", reader)),
				rows));
	}

	private static Object figure(Progress.Line line, java.math.BigDecimal value) {
		return (line.currency() == null) ? (Object) value.longValue() : Money.of(value, line.currency());
	}

	private String say(String key, Locale reader) {
		return PackCells.say(this.messages, key, reader);
	}

}
