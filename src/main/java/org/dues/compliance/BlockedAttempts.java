package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact attempts the gate refused, read from its recorded decisions: each with
 * when, which account, channel and agent, and the rules that blocked it with their
 * reasons as recorded; filtered by rule, channel, creditor, agent and period, newest
 * first, with how many each rule blocked.
 */
@Service
public class BlockedAttempts {

	/** Attempts on a page. */
	public static final int PAGE_SIZE = 50;

	/** The rules of every policy; a policy's own volume limits add names of their own. */
	public static final List<String> RULES = List.of(ContactHoursRule.NAME, InconvenientTimesRule.NAME,
			ChannelBansRule.NAME, HoldsRule.NAME, ThirdPartyRule.NAME, CallFrequencyRule.NAME, ConversationRule.NAME);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FROM = """
			FROM compliance_decisions d
			JOIN portfolio_account_facts a ON a.id = d.account_id
			JOIN portfolio_creditor_facts c ON c.id = a.creditor_id
			WHERE d.outcome = 'BLOCKED'""";

	private final JdbcClient jdbc;

	BlockedAttempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the refused attempts the query matches, newest first, with their number
	 * and, over the same filters but the rule, how many each rule blocked (an attempt
	 * blocked by two rules counts for both).
	 * @param page the page, from 0
	 */
	@Transactional(readOnly = true)
	public Page find(Query query, int page) {
		Map<String, Object> params = new TreeMap<>();
		String others = conditions(query, params);
		String where = others;
		if (query.rule() != null) {
			where += " AND d.rules @> CAST(:rule AS jsonb)";
			params.put("rule", JSON.writeValueAsString(List.of(Map.of("rule", query.rule(), "outcome", "BLOCKED"))));
		}
		long total = this.jdbc.sql("SELECT count(*) " + FROM + where).params(params).query(Long.class).single();
		Map<String, Object> paging = new TreeMap<>(params);
		paging.put("limit", PAGE_SIZE);
		paging.put("offset", (long) Math.max(page, 0) * PAGE_SIZE);
		List<Attempt> attempts = this.jdbc.sql("""
				SELECT d.id, d.decided_at, d.account_id, c.code, d.channel, d.decided_by, d.policy_code,
				    d.policy_version, d.rules::text AS rules
				""" + FROM + where + " ORDER BY d.decided_at DESC, d.id LIMIT :limit OFFSET :offset")
			.params(paging)
			.query((rs, n) -> new Attempt(rs.getObject("id", UUID.class), rs.getTimestamp("decided_at").toInstant(),
					new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("code"),
					Channel.valueOf(rs.getString("channel")), rs.getString("decided_by"),
					rs.getString("policy_code") + " v" + rs.getInt("policy_version"), refusals(rs.getString("rules"))))
			.list();
		Map<String, Object> counting = new TreeMap<>(params);
		counting.remove("rule");
		Map<String, Long> byRule = new LinkedHashMap<>();
		this.jdbc.sql("SELECT r.value->>'rule' AS rule, count(*) AS n "
				+ FROM.replace("WHERE",
						"CROSS JOIN LATERAL jsonb_array_elements(d.rules) r WHERE r.value->>'outcome' = 'BLOCKED' AND")
				+ others + " GROUP BY 1 ORDER BY 2 DESC, 1")
			.params(counting)
			.query((rs) -> {
				byRule.put(rs.getString("rule"), rs.getLong("n"));
			});
		return new Page(attempts, total, byRule, Math.max(page, 0));
	}

	private static String conditions(Query query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (query.channel() != null) {
			where.append(" AND d.channel = :channel");
			params.put("channel", query.channel().name());
		}
		if (query.creditor() != null) {
			where.append(" AND c.code = :creditor");
			params.put("creditor", query.creditor());
		}
		if (query.agent() != null) {
			where.append(" AND d.decided_by = :agent");
			params.put("agent", query.agent());
		}
		if (query.from() != null) {
			where.append(" AND d.decided_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			where.append(" AND d.decided_at < :until");
			params.put("until", Timestamp.from(query.until()));
		}
		return where.toString();
	}

	/** The findings that blocked, as recorded. */
	private static List<Refusal> refusals(String rules) {
		List<Refusal> refusals = new ArrayList<>();
		for (JsonNode rule : JSON.readTree(rules)) {
			if (!"BLOCKED".equals(rule.path("outcome").asString(""))) {
				continue;
			}
			JsonNode code = rule.has("code") ? rule.get("code") : rule.path("key");
			JsonNode args = rule.has("args") ? rule.get("args") : rule.path("arguments");
			List<String> arguments = new ArrayList<>();
			for (JsonNode arg : args) {
				arguments.add(arg.isValueNode() ? arg.asString("") : arg.toString());
			}
			refusals.add(new Refusal(rule.path("rule").asString(""), rule.path("reason").asString(""),
					(code.isString() && !code.asString("").isBlank()) ? code.asString("") : null, arguments));
		}
		return refusals;
	}

	/**
	 * What to look for; each part left null matches every attempt.
	 *
	 * @param rule a rule that blocked it ({@code contact-hours}, or a volume limit's
	 * name)
	 * @param creditor the creditor's code
	 * @param agent who attempted it
	 * @param from decided at or after
	 * @param until decided before
	 */
	public record Query(@Nullable String rule, @Nullable Channel channel, @Nullable String creditor,
			@Nullable String agent, @Nullable Instant from, @Nullable Instant until) {
	}

	/**
	 * A refused attempt.
	 *
	 * @param decision the gate's recorded decision
	 * @param creditor the creditor's code
	 * @param agent who attempted it
	 * @param policy the policy applied, with its version
	 * @param refusals the rules that blocked it
	 */
	public record Attempt(UUID decision, Instant at, AccountId account, String creditor, Channel channel, String agent,
			String policy, List<Refusal> refusals) {
	}

	/**
	 * A rule's refusal as the gate recorded it.
	 *
	 * @param reason the reason in English, as recorded
	 * @param code a message code for the reason, where the decision recorded one, with
	 * its arguments
	 */
	public record Refusal(String rule, String reason, @Nullable String code, List<String> args) {
	}

	/**
	 * A page of refused attempts.
	 *
	 * @param total how many match the query
	 * @param byRule how many each rule blocked, over the query's other filters, most
	 * first
	 * @param page this page's number, from 0
	 */
	public record Page(List<Attempt> attempts, long total, Map<String, Long> byRule, int page) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return (long) (this.page + 1) * PAGE_SIZE < this.total;
		}

	}

}
