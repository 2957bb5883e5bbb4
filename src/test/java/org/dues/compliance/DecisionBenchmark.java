package org.dues.compliance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.dues.compliance.ContactFacts.Interaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one contact decision for a US consumer in two zones with three debts and a year of
 * history (about 1,800 interactions: calls with every kind of result, texts, emails,
 * conversations every ten days), consents, a blackout, lifted and open holds. Run by
 * {@link ComplianceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

	@Param({ "365" })
	public int historyDays;

	ContactPolicy policy;

	ContactFacts call;

	ContactFacts sms;

	ContactFacts emptyHistory;

	@Setup
	public void setUp() {
		this.policy = TestPolicies.massachusetts();
		ZoneId newYork = ZoneId.of("America/New_York");
		Instant now = LocalDate.of(2026, 11, 25).atTime(14, 0).atZone(newYork).toInstant();
		Random random = new Random(42);
		ContactResult[] results = ContactResult.values();
		List<Interaction> history = new ArrayList<>();
		for (int day = this.historyDays; day >= 1; day--) {
			Instant morning = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(4));
			for (int i = 0; i < 3; i++) {
				ContactResult result = (day % 10 == 0 && i == 0) ? ContactResult.CONVERSATION
						: results[random.nextInt(results.length - 2)];
				history.add(new Interaction(morning.plus(Duration.ofMinutes(90L * i)), Channel.CALL,
						(i == 2 && day % 7 == 0) ? Direction.INBOUND : Direction.OUTBOUND,
						Set.of(String.valueOf((char) ('A' + i))), result, "+12125550100"));
			}
			history.add(new Interaction(morning.plus(Duration.ofHours(5)), Channel.SMS, Direction.OUTBOUND, Set.of("A"),
					ContactResult.DELIVERED, "+12125550100"));
			if (day % 2 == 0) {
				history.add(new Interaction(morning.plus(Duration.ofHours(6)), Channel.EMAIL, Direction.OUTBOUND,
						Set.of("B"), ContactResult.DELIVERED, "m@example.com"));
			}
		}
		List<ContactFacts.Consent> consents = List.of(
				new ContactFacts.Consent(ConsentKind.ADDITIONAL_CALLS, now.minus(Duration.ofDays(40)), Set.of("A"),
						null),
				new ContactFacts.Consent(ConsentKind.ADDITIONAL_CALLS, now.minus(Duration.ofDays(3)), Set.of("C"),
						now.minus(Duration.ofDays(1))));
		List<ContactFacts.Hold> holds = List.of(
				new ContactFacts.Hold(HoldType.DISPUTE, Set.of("B"), now.minus(Duration.ofDays(200)),
						now.minus(Duration.ofDays(150))),
				new ContactFacts.Hold(HoldType.COMPLAINT, Set.of("C"), now.minus(Duration.ofDays(5)), null));
		List<ContactFacts.Blackout> blackouts = List
			.of(new ContactFacts.Blackout(Set.of(DayOfWeek.SUNDAY), null, null, null));
		ContactFacts.Person person = new ContactFacts.Person(PersonRole.CONSUMER,
				List.of(newYork, ZoneId.of("America/Chicago")), "+12125550100");
		this.call = new ContactFacts(Channel.CALL, now, person, Set.of("A", "B", "C"), Purpose.COLLECTION, history,
				consents, holds, blackouts, List.of(new ContactFacts.ChannelBan(Channel.WHATSAPP, null)));
		this.sms = this.call.via(Channel.SMS, "+12125550100");
		this.emptyHistory = new ContactFacts(Channel.CALL, now, person, Set.of("A", "B", "C"), Purpose.COLLECTION,
				List.of(), List.of(), List.of(), List.of(), List.of());
	}

	@Benchmark
	public ContactDecision callWithAYearOfHistory() {
		return ContactDecider.decide(this.policy, this.call);
	}

	@Benchmark
	public ContactDecision textWithAYearOfHistory() {
		return ContactDecider.decide(this.policy, this.sms);
	}

	/** Baseline in the same run: the same decision with no history and no state. */
	@Benchmark
	public ContactDecision callWithNoHistory() {
		return ContactDecider.decide(this.policy, this.emptyHistory);
	}

}
