package org.dues.demo;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.reporting.TargetScope;
import org.dues.reporting.TargetValues;
import org.dues.reporting.Targets;
import org.dues.shared.Money;
import org.dues.system.RuntimeMode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's monthly targets, so that the manager's dashboard, the lead's floor and the
 * desk show progress from the first start: each demo creditor's month (amount collected,
 * promises kept, accounts resolved) and the three demo agents'. Set on each start for the
 * month then current in each creditor's zone, unless targets of that month are there.
 */
@Component
@Order(13)
class DemoTargets implements ApplicationRunner {

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final Targets targets;

	private final Clock clock;

	DemoTargets(RuntimeMode mode, Creditors creditors, Targets targets, Clock clock) {
		this.mode = mode;
		this.creditors = creditors;
		this.targets = targets;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo()) {
			return;
		}
		this.creditors.findByCode("MALABAR")
			.ifPresent((c) -> set(c, Money.of("6000000.00", "INR"), 300, 80, List.of("agent1", "agent2")));
		this.creditors.findByCode("LIBERTY")
			.ifPresent((c) -> set(c, Money.of("150000.00", "USD"), 120, 30, List.of("agent3")));
	}

	private void set(CreditorView creditor, Money collected, long kept, long resolved, List<String> agents) {
		YearMonth month = YearMonth.now(this.clock.withZone(creditor.timeZone()));
		if (this.targets.get(month, TargetScope.CREDITOR, creditor.code()).isPresent()) {
			return;
		}
		this.targets.set(month, TargetScope.CREDITOR, creditor.code(),
				new TargetValues(List.of(collected), kept, resolved), "system", Targets.Source.PAGE);
		// each agent a share of the creditor's month
		for (String agent : agents) {
			this.targets.set(month, TargetScope.AGENT, agent,
					new TargetValues(List
						.of(new Money(collected.amount().divide(java.math.BigDecimal.TEN), collected.currency())),
							kept / 10, resolved / 10),
					"system", Targets.Source.PAGE);
		}
	}

}
