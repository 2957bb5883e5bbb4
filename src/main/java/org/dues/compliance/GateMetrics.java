package org.dues.compliance;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the gate's recorded decisions for the operator, as {@code dues.gate.decisions}
 * tagged with the outcome ({@code allowed}, {@code blocked}), the channel and the first
 * rule that blocked ({@code none} when allowed). A decision counts once its transaction
 * commits, as it is then on record. Tags stay few: a policy's own volume limits, whose
 * names a creditor chooses, count as {@code volume-limit}.
 */
@Component
class GateMetrics {

	static final String DECISIONS = "dues.gate.decisions";

	private static final Set<String> RULES = Set.of(ContactHoursRule.NAME, InconvenientTimesRule.NAME,
			ChannelBansRule.NAME, HoldsRule.NAME, ThirdPartyRule.NAME, CallFrequencyRule.NAME, ConversationRule.NAME);

	private final MeterRegistry registry;

	GateMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts the decision when its transaction commits, or now when there is none. A
	 * transaction's decisions are tallied together (a batch of messages decides hundreds
	 * in one), by one synchronization.
	 */
	void recorded(Channel channel, ContactDecision decision) {
		Counter counter = counter(channel, decision);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		Tally tally = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter((sync) -> sync instanceof Tally mine && mine.metrics() == this)
			.map(Tally.class::cast)
			.findFirst()
			.orElseGet(() -> {
				Tally fresh = new Tally(this, new java.util.HashMap<>());
				TransactionSynchronizationManager.registerSynchronization(fresh);
				return fresh;
			});
		tally.counts().merge(counter, 1, Integer::sum);
	}

	/** A transaction's decisions, counted as it commits. */
	private record Tally(GateMetrics metrics,
			java.util.Map<Counter, Integer> counts) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.counts.forEach(Counter::increment);
		}

	}

	private Counter counter(Channel channel, ContactDecision decision) {
		String rule = decision.blockedBy().stream().findFirst().map(GateMetrics::rule).orElse("none");
		return Counter.builder(DECISIONS)
			.description("Contact decisions recorded at the compliance gate")
			.tag("outcome", decision.outcome().name().toLowerCase(java.util.Locale.ROOT))
			.tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
			.tag("rule", rule)
			.register(this.registry);
	}

	/** The rule's name, or {@code volume-limit} for a policy's own named limit. */
	static String rule(RuleResult result) {
		return RULES.contains(result.rule()) ? result.rule() : "volume-limit";
	}

}
