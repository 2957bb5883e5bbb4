package org.dues.work;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.AuditTrail;
import org.dues.identity.Teams;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's or manager's bulk actions on accounts chosen in the browser (the rows checked,
 * or every account matching the filters): give them to an agent or to the pool, or add
 * them to a queue. Each action is all or nothing: every account must exist and lie within
 * the reader's scope (the scope check's own condition, for every account at once), every
 * account an agent owns must be owned within the teams a lead leads, and the agent given
 * them must be in those teams; otherwise nothing is written. Each is done once per form
 * (its token): the same form sent again answers what the first did. Each is recorded in
 * {@code work_bulk_actions}, each account that changes hands in the assignment history,
 * and the action in the compliance audit trail.
 */
@Service
public class BulkActions {

	/** The most accounts one action may move. */
	public static final int MOST_AT_ONCE = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AccountBrowser browser;

	private final NextAccount next;

	private final Queues queues;

	private final AuditTrail audit;

	private final Clock clock;

	private final WorkAccess access;

	private final QueueCounts counts;

	BulkActions(JdbcClient jdbc, AccountBrowser browser, NextAccount next, Queues queues, AuditTrail audit,
			WorkAccess access, Clock clock, QueueCounts counts) {
		this.access = access;
		this.counts = counts;
		this.jdbc = jdbc;
		this.browser = browser;
		this.next = next;
		this.queues = queues;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Gives the accounts chosen to an agent of the reader's teams, or (agent null) to the
	 * pool; accounts already theirs stay as they are.
	 * @param token the form's token: the same token again answers the first result
	 * @throws BulkRefusedException when any account or the agent lies outside the
	 * reader's reach, or the selection is empty, too large or no longer what was counted
	 */
	@Transactional
	public Result assign(UUID token, Reader reader, Selection selection, @Nullable String agent) {
		Optional<Result> done = replay(token, reader, "ASSIGN");
		if (done.isPresent()) {
			return done.get();
		}
		if (agent != null) {
			try {
				this.next.requireAgent("agent", agent);
			}
			catch (InvalidInputException ex) {
				throw new BulkRefusedException(ex.getMessage(), "browse.refused.agent", agent);
			}
			if (!reader.led().covers(agent)) {
				throw new BulkRefusedException("%s is not in a team you lead".formatted(agent), "browse.refused.agent",
						agent);
			}
		}
		UUID[] ids = chosen(reader, selection);
		int changed = this.next.move(ids, agent, reader.username(), token, null);
		Result result = new Result(ids.length, changed, 0, false);
		record(token, reader, "ASSIGN", agent, selection, result);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("to", (agent == null) ? "pool" : agent);
		this.audit.record(reader.username(), "ACCOUNTS_ASSIGNED", "bulk:" + token, details(payload, ids, result));
		return result;
	}

	/**
	 * Adds the accounts chosen to a queue of the reader's teams (its list of accounts
	 * added by hand, which the queue holds beside those its filters match) and gives back
	 * to the pool those an agent owns, since a queue hands out only pooled accounts; the
	 * queue's listing is made again at once.
	 * @throws NotFoundException when the queue does not exist or is another team's
	 * @throws BulkRefusedException as {@link #assign}
	 */
	@Transactional
	public Result addToQueue(UUID token, Reader reader, Selection selection, UUID queueId) {
		Optional<Result> done = replay(token, reader, "ADD_TO_QUEUE");
		if (done.isPresent()) {
			return done.get();
		}
		Queues.QueueView queue = this.queues.get(queueId);
		if (!reader.led().coversTeam(queue.teamId())) {
			throw new NotFoundException("queue", queueId);
		}
		UUID[] ids = chosen(reader, selection);
		int added = this.counts.adjusting(ids, List.of(queue),
				() -> this.jdbc.sql("""
						INSERT INTO work_queue_includes (queue_id, account_id, added_by, added_at, batch_id)
						SELECT :queue, id, :by, :now, :batch FROM unnest(CAST(:ids AS uuid[])) AS chosen (id)
						ON CONFLICT (queue_id, account_id) DO NOTHING""")
					.param("queue", queueId)
					.param("by", reader.username())
					.param("now", Timestamp.from(this.clock.instant()))
					.param("batch", token)
					.param("ids", ids)
					.update());
		int released = this.next.move(ids, null, reader.username(), token, queueId);
		this.queues.refreshMembers(queue);
		Result result = new Result(ids.length, added, released, false);
		record(token, reader, "ADD_TO_QUEUE", queueId.toString(), selection, result);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("queue", queueId.toString());
		payload.put("queueName", queue.name());
		this.audit.record(reader.username(), "ACCOUNTS_ADDED_TO_QUEUE", "bulk:" + token, details(payload, ids, result));
		return result;
	}

	/**
	 * The accounts chosen, checked whole against the reader's reach.
	 */
	private UUID[] chosen(Reader reader, Selection selection) {
		List<UUID> ids = (selection.all() != null)
				? this.browser.ids(selection.all(), BrowseSort.DPD_DESC, reader.user(), MOST_AT_ONCE + 1)
				: selection.ids().stream().distinct().toList();
		if (ids.isEmpty()) {
			throw new BulkRefusedException("no accounts were chosen", "browse.refused.none");
		}
		if (ids.size() > MOST_AT_ONCE) {
			throw new BulkRefusedException("at most %d accounts at once".formatted(MOST_AT_ONCE),
					"browse.refused.tooMany", MOST_AT_ONCE);
		}
		if (selection.all() != null && selection.expected() != null && ids.size() != selection.expected()) {
			throw new BulkRefusedException(
					"the filters now match %d accounts, not %d".formatted(ids.size(), selection.expected()),
					"browse.refused.changed", ids.size(), selection.expected());
		}
		UUID[] array = ids.toArray(UUID[]::new);
		// every account exists and lies in the reader's scope, by the browser's condition
		Map<String, Object> params = new LinkedHashMap<>();
		String inScope = this.access.accountCondition(reader.user(), "acct.id", params);
		params.put("bulkIds", array);
		long outside = this.jdbc.sql("""
				SELECT count(*) FROM unnest(CAST(:bulkIds AS uuid[])) AS acct (id)
				LEFT JOIN portfolio_account_facts x ON x.id = acct.id
				WHERE x.id IS NULL OR NOT (%s)""".formatted(inScope)).params(params).query(Long.class).single();
		if (outside > 0) {
			throw new BulkRefusedException("%d of the %d accounts chosen do not exist or are not yours to act on"
				.formatted(outside, array.length), "browse.refused.outside", outside, array.length);
		}
		if (!reader.led().all()) {
			// a lead moves only what the agents of their teams own, or the pool
			List<String> owners = this.jdbc.sql("""
					SELECT DISTINCT agent FROM work_assignments
					WHERE account_id = ANY(:ids) AND agent IS NOT NULL AND agent <> ALL(:members) ORDER BY agent""")
				.param("ids", array)
				.param("members", reader.led().members().toArray(String[]::new))
				.query(String.class)
				.list();
			if (!owners.isEmpty()) {
				throw new BulkRefusedException(
						"an account chosen is %s's, who is not in a team you lead".formatted(owners.get(0)),
						"browse.refused.owner", owners.get(0));
			}
		}
		return array;
	}

	/**
	 * The first result of the form with this token, if it was sent before; a retry waits
	 * for a first still under way.
	 * @throws ConflictException when the token was used by someone else or for another
	 * action
	 */
	private Optional<Result> replay(UUID token, Reader reader, String action) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
			.param("key", token.getMostSignificantBits() ^ token.getLeastSignificantBits())
			.query((rs) -> {
			});
		return this.jdbc.sql("SELECT action, actor, chosen, changed, released FROM work_bulk_actions WHERE id = :id")
			.param("id", token)
			.query((rs, n) -> {
				if (!rs.getString("actor").equals(reader.username()) || !rs.getString("action").equals(action)) {
					throw new ConflictException("this form was already used: open the page again");
				}
				return new Result(rs.getInt("chosen"), rs.getInt("changed"), rs.getInt("released"), true);
			})
			.optional();
	}

	private void record(UUID token, Reader reader, String action, @Nullable String target, Selection selection,
			Result result) {
		Map<String, Object> chosen = new LinkedHashMap<>();
		if (selection.all() != null) {
			chosen.put("all", selection.all());
			chosen.put("expected", selection.expected());
		}
		else {
			chosen.put("ids", selection.ids().stream().distinct().map(UUID::toString).toList());
		}
		this.jdbc.sql("""
				INSERT INTO work_bulk_actions (id, action, actor, at, target, selection, chosen, changed, released)
				VALUES (:id, :action, :actor, :at, :target, CAST(:selection AS jsonb), :chosen, :changed, :released)""")
			.param("id", token)
			.param("action", action)
			.param("actor", reader.username())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("target", target)
			.param("selection", JSON.writeValueAsString(chosen))
			.param("chosen", result.chosen())
			.param("changed", result.changed())
			.param("released", result.released())
			.update();
	}

	/** The audit record's details: the counts and a digest of the accounts chosen. */
	private static Map<String, Object> details(Map<String, Object> payload, UUID[] ids, Result result) {
		payload.put("chosen", result.chosen());
		payload.put("changed", result.changed());
		payload.put("released", result.released());
		String[] sorted = Arrays.stream(ids).map(UUID::toString).sorted().toArray(String[]::new);
		try {
			payload.put("accountsSha256",
					HexFormat.of()
						.formatHex(MessageDigest.getInstance("SHA-256")
							.digest(String.join(",", sorted).getBytes(StandardCharsets.UTF_8))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		return payload;
	}

	/**
	 * Who acts, and whom they answer for (the teams they lead, or all).
	 */
	public record Reader(Authentication user, Teams.Scope led) {

		public String username() {
			return this.user.getName();
		}

	}

	/**
	 * The accounts an action is on: the ids checked, or ({@code all} given) every account
	 * matching the browser's criteria, which must still be {@code expected} many when
	 * that is given.
	 */
	public record Selection(List<UUID> ids, AccountBrowser.@Nullable Criteria all, @Nullable Long expected) {

		public Selection {
			ids = (ids == null) ? List.of() : List.copyOf(ids);
		}

		public static Selection of(List<UUID> ids) {
			return new Selection(ids, null, null);
		}

		public static Selection allMatching(AccountBrowser.Criteria criteria, @Nullable Long expected) {
			return new Selection(List.of(), criteria, expected);
		}

	}

	/**
	 * What an action did.
	 *
	 * @param chosen the accounts it was on
	 * @param changed those that changed: given to the agent (or pool), or added to the
	 * queue
	 * @param released those an agent owned that adding to a queue gave back to the pool
	 * @param replayed whether the form had been sent before, and this is the first answer
	 */
	public record Result(int chosen, int changed, int released, boolean replayed) {
	}

}
