package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.ContactFacts.Interaction;
import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live gate: before any outbound contact, the caller (the {@code contact} module)
 * asks here with the account, the person, the channel and address, and the person's
 * history; the gate reads the rest from the database at this moment, decides with
 * {@link ContactDecider}, and records the decision with its reasons in the audit trail.
 */
@Service
public class ContactGate {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LiveFacts live;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final GateMetrics metrics;

	ContactGate(LiveFacts live, JdbcClient jdbc, AuditTrail audit, Clock clock, GateMetrics metrics) {
		this.live = live;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Decides a contact about to be made now and records the decision, allowed or
	 * blocked, in the caller's transaction or a new one.
	 */
	@Transactional
	public Recorded decide(Request request, List<Interaction> history, String actor) {
		Instant now = this.clock.instant();
		LiveFacts.Live facts = this.live.read(request, history, now);
		ContactDecision decision = ContactDecider.decide(facts.policy(), facts.facts());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO compliance_decisions (id, decided_at, account_id, customer_id, channel, address, outcome,
				    policy_code, policy_version, rules, warnings, decided_by)
				VALUES (:id, :at, :account, :customer, :channel, :address, :outcome, :code, :version,
				    CAST(:rules AS jsonb), CAST(:warnings AS jsonb), :actor)""")
			.param("id", id)
			.param("at", Timestamp.from(now))
			.param("account", request.account().value())
			.param("customer", facts.customer().id().value())
			.param("channel", request.channel().name())
			.param("address", facts.facts().person().address())
			.param("outcome", decision.outcome().name())
			.param("code", decision.policyCode())
			.param("version", decision.policyVersion())
			.param("rules", JSON.writeValueAsString(decision.rules()))
			.param("warnings", JSON.writeValueAsString(decision.warnings()))
			.param("actor", actor)
			.update();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("decision", id.toString());
		payload.put("account", request.account().value().toString());
		payload.put("debts", facts.facts().debts().stream().sorted().toList());
		payload.put("channel", request.channel().name());
		payload.put("address", facts.facts().person().address());
		payload.put("role", request.role().name());
		payload.put("purpose", request.purpose().name());
		payload.put("outcome", decision.outcome().name());
		payload.put("policy", decision.policyCode() + " v" + decision.policyVersion());
		payload.put("blockedBy", decision.blockedBy().stream().map(RuleResult::rule).toList());
		this.audit.record(actor, "DECISION", "account:" + request.account().value(), payload);
		this.metrics.recorded(request.channel(), decision);
		return new Recorded(id, now, facts.customer().id(), facts.facts().person().address(), facts.facts().debts(),
				decision);
	}

	/**
	 * The decision the gate would make now, with when the channel opens next and the
	 * week's call tally per debt; nothing is recorded (nothing is contacted).
	 */
	@Transactional(readOnly = true)
	public Preview preview(Request request, List<Interaction> history) {
		Instant now = this.clock.instant();
		LiveFacts.Live live = this.live.read(request, history, now);
		return preview(live.policy(), live.facts(), now);
	}

	/**
	 * The decisions the gate would make now for the same contact on several channels,
	 * each with its own address, reading the facts once; nothing recorded.
	 */
	@Transactional(readOnly = true)
	public Map<Channel, Preview> previewEach(Request request, Map<Channel, @Nullable String> addresses,
			List<Interaction> history) {
		Instant now = this.clock.instant();
		LiveFacts.Live live = this.live.read(request, history, now);
		Map<Channel, Preview> previews = new java.util.EnumMap<>(Channel.class);
		addresses.forEach((channel, address) -> {
			String canonical = (address == null || address.isBlank()) ? null
					: ContactAddress.canonical(channel, address, live.country(), "address");
			previews.put(channel, preview(live.policy(), live.facts().via(channel, canonical), now));
		});
		return previews;
	}

	private static Preview preview(ContactPolicy policy, ContactFacts facts, Instant now) {
		ContactDecision decision = ContactDecider.decide(policy, facts);
		Optional<Instant> next = decision.allowed() ? Optional.of(now) : ContactDecider.nextOpening(policy, facts);
		return new Preview(decision, next.orElse(null), facts.person().timeZones(), tally(policy, facts), policy);
	}

	/**
	 * Counted calls per debt in the policy's frequency period ending today (strictest
	 * zone).
	 */
	static Map<String, Integer> tally(ContactPolicy policy, ContactFacts facts) {
		ContactFacts calls = facts.via(Channel.CALL, facts.person().address());
		Situation situation = new Situation(policy, calls);
		int days = (policy.callFrequency() == null) ? 7 : policy.callFrequency().days();
		Map<String, Integer> tally = new LinkedHashMap<>();
		for (String debt : facts.debts()) {
			int most = 0;
			for (ZoneId zone : facts.person().timeZones()) {
				LocalDate first = LocalDate.ofInstant(facts.at(), zone).minusDays(days - 1L);
				most = Math.max(most, CallFrequencyRule.count(situation, debt, zone, first));
			}
			tally.put(debt, most);
		}
		return tally;
	}

	/**
	 * A contact to decide.
	 *
	 * @param account the debt the contact is about (its creditor's policy applies)
	 * @param alsoAbout other debts of the same person the contact is about
	 * @param address the number or address to use, in any form; made canonical here
	 */
	public record Request(AccountId account, Set<AccountId> alsoAbout, Channel channel, @Nullable String address,
			PersonRole role, Purpose purpose) {

		public Request {
			alsoAbout = Set.copyOf(alsoAbout);
		}

	}

	/**
	 * A recorded decision.
	 *
	 * @param address the canonical address the contact uses
	 * @param debts the debts it is about
	 */
	public record Recorded(UUID id, Instant at, CustomerId customerId, @Nullable String address, Set<String> debts,
			ContactDecision decision) {
	}

	/**
	 * A decision not recorded, for display.
	 *
	 * @param nextOpening now if allowed, else the first moment within two weeks it would
	 * be, or null
	 * @param callTally counted calls per debt over the frequency period ending today
	 */
	public record Preview(ContactDecision decision, @Nullable Instant nextOpening, List<ZoneId> timeZones,
			Map<String, Integer> callTally, ContactPolicy policy) {
	}

}
