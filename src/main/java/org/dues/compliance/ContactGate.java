package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.ContactFacts.Interaction;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbcTemplate;

	private final AuditTrail audit;

	private final Clock clock;

	private final GateMetrics metrics;

	ContactGate(LiveFacts live, JdbcTemplate jdbcTemplate, AuditTrail audit, Clock clock, GateMetrics metrics) {
		this.live = live;
		this.jdbcTemplate = jdbcTemplate;
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
		Batch batch = batch(List.of(request));
		Recorded recorded = batch.decide(0, history, actor);
		batch.record();
		return recorded;
	}

	/**
	 * Reads the facts of many contacts about to be made now, set-based, for decisions
	 * made one by one ({@link Batch#decide}) as each contact's history stands, and
	 * recorded together ({@link Batch#record}) in the caller's transaction: the same
	 * decisions, rules and records as {@link #decide} makes one at a time. The dispatcher
	 * of messages decides its batches so.
	 */
	@Transactional(readOnly = true)
	public Batch batch(List<Request> requests) {
		Instant now = this.clock.instant();
		return new Batch(List.copyOf(requests), this.live.readAll(requests, now), now);
	}

	/**
	 * Contacts decided together: their facts read once, each decided in memory as asked,
	 * all recorded by one write of the decisions and one link of the audit chain.
	 */
	public final class Batch {

		private final List<Request> requests;

		private final List<Object> read;

		private final Instant now;

		private final List<Recorded> decided = new ArrayList<>();

		private final List<Request> decidedRequests = new ArrayList<>();

		private final List<String> actors = new ArrayList<>();

		private Batch(List<Request> requests, List<Object> read, Instant now) {
			this.requests = requests;
			this.read = read;
			this.now = now;
		}

		/** The moment every decision of the batch is made at. */
		public Instant at() {
			return this.now;
		}

		/**
		 * Decides the contact at this index on the person's history as it stands (the
		 * caller adds what it logged earlier in the batch); recorded by {@link #record}.
		 * @throws RuntimeException what reading its facts raised (an unknown account, an
		 * address that is none), as {@link ContactGate#decide} would
		 */
		public Recorded decide(int index, List<Interaction> history, String actor) {
			LiveFacts.Live facts = live(index, history);
			Request request = this.requests.get(index);
			ContactDecision decision = ContactDecider.decide(facts.policy(), facts.facts());
			Recorded recorded = new Recorded(UUID.randomUUID(), this.now, facts.customer().id(),
					facts.facts().person().address(), facts.facts().debts(), decision);
			this.decided.add(recorded);
			this.decidedRequests.add(request);
			this.actors.add(actor);
			return recorded;
		}

		/**
		 * When the channel of the contact at this index opens next, within two weeks, on
		 * the history given; null if not within them. Nothing is recorded.
		 */
		public @Nullable Instant nextOpening(int index, List<Interaction> history) {
			LiveFacts.Live facts = live(index, history);
			ContactDecision decision = ContactDecider.decide(facts.policy(), facts.facts());
			return decision.allowed() ? this.now
					: ContactDecider.nextOpening(facts.policy(), facts.facts()).orElse(null);
		}

		private LiveFacts.Live live(int index, List<Interaction> history) {
			Object read = this.read.get(index);
			if (read instanceof RuntimeException ex) {
				throw ex;
			}
			return ((LiveFacts.Base) read).live(history);
		}

		/**
		 * Writes the decisions made since the last call and their audit records, in the
		 * caller's transaction (one is required).
		 */
		public void record() {
			if (this.decided.isEmpty()) {
				return;
			}
			List<Object[]> rows = new ArrayList<>(this.decided.size());
			for (int i = 0; i < this.decided.size(); i++) {
				Recorded recorded = this.decided.get(i);
				Request request = this.decidedRequests.get(i);
				ContactDecision decision = recorded.decision();
				rows.add(new Object[] { recorded.id(), Timestamp.from(recorded.at()), request.account().value(),
						recorded.customerId().value(), request.channel().name(), recorded.address(),
						decision.outcome().name(), decision.policyCode(), decision.policyVersion(),
						rulesJson(decision.rules()), JSON.writeValueAsString(decision.warnings()),
						this.actors.get(i) });
			}
			ContactGate.this.jdbcTemplate.batchUpdate("""
					INSERT INTO compliance_decisions (id, decided_at, account_id, customer_id, channel, address,
					    outcome, policy_code, policy_version, rules, warnings, decided_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)""", rows);
			for (int i = 0; i < this.decided.size(); i++) {
				Recorded recorded = this.decided.get(i);
				Request request = this.decidedRequests.get(i);
				ContactDecision decision = recorded.decision();
				ContactGate.this.audit.recordJson(this.actors.get(i), "DECISION",
						"account:" + request.account().value(), payloadJson(recorded, request));
				ContactGate.this.metrics.recorded(request.channel(), decision);
			}
			this.decided.clear();
			this.decidedRequests.clear();
			this.actors.clear();
		}

	}

	/**
	 * The rules' findings as stored with a decision: an array of {@code rule},
	 * {@code outcome}, {@code reason} and {@code warning}, written field by field (a
	 * batch of decisions writes thousands).
	 */
	static String rulesJson(List<RuleResult> rules) {
		StringBuilder json = new StringBuilder(160 * rules.size()).append('[');
		for (RuleResult rule : rules) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"rule\":");
			quoted(json, rule.rule()).append(",\"outcome\":");
			quoted(json, rule.outcome().name()).append(",\"reason\":");
			quoted(json, rule.reason()).append(",\"warning\":");
			quoted(json, rule.warning()).append('}');
		}
		return json.append(']').toString();
	}

	/**
	 * A decision's audit record: the decision, the account and debts, the channel and
	 * address, the role and purpose, the outcome, the policy and the rules that blocked,
	 * in that order, as compact JSON.
	 */
	static String payloadJson(Recorded recorded, Request request) {
		ContactDecision decision = recorded.decision();
		StringBuilder json = new StringBuilder(400).append("{\"decision\":");
		quoted(json, recorded.id().toString()).append(",\"account\":");
		quoted(json, request.account().value().toString()).append(",\"debts\":");
		array(json, recorded.debts().stream().sorted().toList()).append(",\"channel\":");
		quoted(json, request.channel().name()).append(",\"address\":");
		quoted(json, recorded.address()).append(",\"role\":");
		quoted(json, request.role().name()).append(",\"purpose\":");
		quoted(json, request.purpose().name()).append(",\"outcome\":");
		quoted(json, decision.outcome().name()).append(",\"policy\":");
		quoted(json, decision.policyCode() + " v" + decision.policyVersion()).append(",\"blockedBy\":");
		return array(json, decision.blockedBy().stream().map(RuleResult::rule).toList()).append('}').toString();
	}

	private static StringBuilder array(StringBuilder json, List<String> items) {
		json.append('[');
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			quoted(json, items.get(i));
		}
		return json.append(']');
	}

	/** A JSON string (or null), escaped as RFC 8259 requires. */
	static StringBuilder quoted(StringBuilder json, @Nullable String text) {
		if (text == null) {
			return json.append("null");
		}
		json.append('"');
		int plain = 0;
		while (plain < text.length() && text.charAt(plain) >= 0x20 && text.charAt(plain) != '"'
				&& text.charAt(plain) != '\\') {
			plain++;
		}
		// most text needs no escape: taken at once up to the first character that does
		json.append(text, 0, plain);
		for (int i = plain; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append("\\u%04x".formatted((int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
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
	 * As {@link #preview(Request, List)}, for a contact on an account the caller has just
	 * read with its customer (in the same transaction): they are not read again.
	 */
	@Transactional(readOnly = true)
	public Preview preview(Request request, List<Interaction> history, AccountView account, CustomerView customer) {
		Instant now = this.clock.instant();
		LiveFacts.Live live = this.live.read(request, history, now, account, customer);
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
