package org.dues.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' telephony states, shared by every node through PostgreSQL: the state each agent
 * is in now ({@code telephony_agent_states}, the row locked while it changes) and every
 * interval spent in a state ({@code telephony_agent_intervals}, append-only), from which
 * the time in each state per day is reported. A wrap-up ends by itself when its timer
 * runs out, back to ready: on any read and on the dialer's pass. Every change is
 * announced on {@code dues_phone} so each node updates the agent's desk.
 *
 * <p>
 * An agent with a live chat open ({@code telephony_agent_chats}, learnt from messaging's
 * events) is {@link AgentState#ON_CHAT} unless on a call or wrapping up one: a call takes
 * precedence, and its wrap-up ends on the chat. Ready, Break and Offline chosen while a
 * chat is open are where the agent goes when their last chat closes ({@code after_chat});
 * until then the dialer and the inbound router, which take only ready agents, offer them
 * no call.
 */
@Service
public class AgentStates {

	static final String CHANNEL = "dues_phone";

	private static final String COLUMNS = "username, state, since, reason, campaign_id, call_id, account_id, direction, wrap_until, after_chat";

	/** The states an agent chooses, which wait while they have a chat open. */
	private static final Set<AgentState> CHOSEN = EnumSet.of(AgentState.READY, AgentState.BREAK, AgentState.OFFLINE);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration defaultWrap;

	AgentStates(JdbcClient jdbc, Clock clock, @Value("${dues.telephony.wrap-up-seconds:30}") int defaultWrapSeconds) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaultWrap = Duration.ofSeconds(defaultWrapSeconds);
	}

	/**
	 * The agent's state now; {@link AgentState#OFFLINE} since now for an agent never
	 * seen. A wrap-up whose timer ran out has ended (back to ready).
	 * @param username the agent
	 * @return the state
	 */
	@Transactional
	public AgentStateView current(String username) {
		endWrapUps();
		return row(username).map(Row::view)
			.orElseGet(() -> new AgentStateView(username, AgentState.OFFLINE, this.clock.instant(), null));
	}

	/**
	 * The agent's state with the call they are on or wrapping up, for their desk.
	 * @param username the agent
	 * @return the state and the call, if any
	 */
	@Transactional
	public Seat seat(String username) {
		AgentStateView view = current(username);
		Row row = row(username).orElse(null);
		return new Seat(view, (row == null) ? null : row.callId, (row == null) ? null : row.accountId,
				(row == null) ? null : row.direction, (row == null) ? null : row.wrapUntil,
				(row == null || row.state != AgentState.ON_CHAT) ? null
						: (row.afterChat == null) ? AgentState.READY : row.afterChat);
	}

	/**
	 * Moves the agent to a state, recording the interval spent in the one they leave. A
	 * move to the state they are in changes nothing. A wrap-up gets the default timer
	 * ({@code dues.telephony.wrap-up-seconds}); see {@link #wrapUp} for a campaign's.
	 * @param username the agent
	 * @param to the new state
	 * @param reason why (a break's reason…), or null
	 */
	@Transactional
	public void change(String username, AgentState to, @Nullable String reason) {
		Instant now = this.clock.instant();
		Row row = lock(username, now);
		if (CHOSEN.contains(to) && openChats(username) > 0) {
			// on a chat still: what they chose waits for the last chat to close
			if (row.state == AgentState.ON_CHAT) {
				afterChat(row, to);
			}
			else {
				move(row, AgentState.ON_CHAT, null, now, null, row.campaignId, to);
			}
			return;
		}
		move(row, to, reason, now, (to == AgentState.WRAP_UP) ? now.plus(this.defaultWrap) : null, row.campaignId);
	}

	/**
	 * A chat was given to the agent: from ready, a break or offline they are on a chat
	 * now (and go back there when their last chat closes); on a call or in wrap-up they
	 * stay. The same chat taken again changes nothing.
	 */
	@Transactional
	void chatTaken(String username, UUID chat) {
		Instant now = this.clock.instant();
		Row row = lock(username, now);
		this.jdbc.sql("""
				INSERT INTO telephony_agent_chats (chat_id, username, opened_at) VALUES (?, ?, ?)
				ON CONFLICT (chat_id) DO NOTHING""").params(chat, username, Timestamp.from(now)).update();
		if (CHOSEN.contains(row.state) && openChats(username) > 0) {
			move(row, AgentState.ON_CHAT, null, now, null, row.campaignId, row.state);
		}
	}

	/**
	 * The agent closed a chat: with none left open, an agent on a chat goes to the state
	 * they go to after chats (ready unless they chose otherwise). A chat closed before
	 * its taking arrived stays closed.
	 */
	@Transactional
	void chatClosed(String username, UUID chat) {
		Instant now = this.clock.instant();
		Row row = lock(username, now);
		this.jdbc.sql("""
				INSERT INTO telephony_agent_chats (chat_id, username, opened_at, closed_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (chat_id) DO UPDATE
				SET closed_at = coalesce(telephony_agent_chats.closed_at, EXCLUDED.closed_at)""")
			.params(chat, username, Timestamp.from(now), Timestamp.from(now))
			.update();
		if (row.state == AgentState.ON_CHAT && openChats(username) == 0) {
			move(row, (row.afterChat == null) ? AgentState.READY : row.afterChat, null, now, null, row.campaignId);
		}
	}

	/** How many chats the agent has open. */
	int openChats(String username) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_agent_chats WHERE username = ? AND closed_at IS NULL")
			.param(username)
			.query(Integer.class)
			.single();
	}

	/**
	 * Moves the agent to wrap-up for the campaign's wrap timer, after which they are
	 * ready again by themselves.
	 * @param username the agent
	 * @param wrap how long the wrap-up lasts
	 */
	@Transactional
	public void wrapUp(String username, Duration wrap) {
		Instant now = this.clock.instant();
		Row row = lock(username, now);
		move(row, AgentState.WRAP_UP, null, now, now.plus(wrap), row.campaignId);
	}

	/**
	 * Takes, among the candidates, the agent who has been ready longest and moves them to
	 * {@code to}, atomically across nodes: ready rows are read
	 * {@code FOR UPDATE SKIP LOCKED}, so two callers never take the same agent and
	 * neither waits for the other.
	 * @param candidates the agents who may take it
	 * @param to the state the agent taken moves to (ON_CALL, ON_CHAT)
	 * @return the agent taken, or empty when none of them is ready
	 */
	@Transactional
	public Optional<String> claimLongestReady(Collection<String> candidates, AgentState to) {
		return claimLongestReady(candidates, to, null);
	}

	/**
	 * As {@link #claimLongestReady(Collection, AgentState)}, for a campaign's call.
	 * @param campaignId the campaign the agent takes a call of, or null
	 * @return the agent taken, or empty
	 */
	@Transactional
	public Optional<String> claimLongestReady(Collection<String> candidates, AgentState to, @Nullable Long campaignId) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		endWrapUps();
		Optional<Row> ready = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM telephony_agent_states WHERE state = 'READY' AND username = ANY(?)
				ORDER BY since, username LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(candidates.toArray(String[]::new))
			.query(AgentStates::read)
			.optional();
		ready.ifPresent((row) -> move(row, to, null, now, null, (campaignId != null) ? campaignId : row.campaignId));
		return ready.map(Row::username);
	}

	/**
	 * Every agent seen, for the lead, by name.
	 * @return their states now
	 */
	@Transactional
	public List<AgentStateView> all() {
		endWrapUps();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_agent_states ORDER BY username")
			.query(AgentStates::read)
			.list()
			.stream()
			.map(Row::view)
			.toList();
	}

	/**
	 * Time each agent spent in each state on a day, in a zone: the recorded intervals and
	 * the one running now, clipped to the day.
	 * @param day the day
	 * @param zone where the day is counted
	 * @return per agent, per state, the time
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<AgentState, Duration>> timeIn(LocalDate day, ZoneId zone) {
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		Map<String, Map<AgentState, Duration>> time = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT username, state, sum(extract(epoch FROM least(ended_at, :to) - greatest(started_at, :from))) AS s
				FROM (SELECT username, state, started_at, ended_at FROM telephony_agent_intervals
				      WHERE ended_at > :from AND started_at < :to
				      UNION ALL
				      SELECT username, state, since, greatest(since, :now) FROM telephony_agent_states
				      WHERE since < :to AND :now > :from) i
				GROUP BY username, state ORDER BY username""")
			.param("from", f)
			.param("to", t)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> {
				double seconds = Math.max(0, rs.getDouble("s"));
				time.computeIfAbsent(rs.getString("username"), (u) -> new EnumMap<>(AgentState.class))
					.merge(AgentState.valueOf(rs.getString("state")), Duration.ofMillis(Math.round(seconds * 1000)),
							Duration::plus);
				return seconds;
			})
			.list();
		return time;
	}

	/**
	 * Ends every wrap-up whose timer ran out: the agent is ready again from the moment it
	 * ran out. Rows another transaction holds are left for the next pass.
	 * @return how many ended
	 */
	@Transactional
	public int endWrapUps() {
		Instant now = this.clock.instant();
		List<Row> due = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM telephony_agent_states WHERE state = 'WRAP_UP' AND wrap_until <= ?
				FOR UPDATE SKIP LOCKED""").param(Timestamp.from(now)).query(AgentStates::read).list();
		for (Row row : due) {
			Instant at = (row.wrapUntil == null) ? now : row.wrapUntil;
			afterWrap(row, at.isBefore(row.since) ? row.since : at);
		}
		return due.size();
	}

	/**
	 * Notes the call the agent is on (a screen pop), for their desk.
	 */
	void attach(String username, UUID callId, UUID accountId, String direction) {
		Instant now = this.clock.instant();
		lock(username, now);
		this.jdbc.sql("UPDATE telephony_agent_states SET call_id = ?, account_id = ?, direction = ? WHERE username = ?")
			.params(callId, accountId, direction, username)
			.update();
	}

	/** A wrap-up that ran out ends on the agent's chats, else ready. */
	private void afterWrap(Row row, Instant at) {
		boolean chatting = openChats(row.username) > 0;
		move(row, chatting ? AgentState.ON_CHAT : AgentState.READY, null, at, null, row.campaignId,
				chatting ? AgentState.READY : null);
	}

	/** Where an agent on a chat goes when their last chat closes. */
	private void afterChat(Row row, AgentState then) {
		this.jdbc.sql("UPDATE telephony_agent_states SET after_chat = ? WHERE username = ?")
			.params(then.name(), row.username)
			.update();
		notify("state", row.username);
	}

	private void move(Row row, AgentState to, @Nullable String reason, Instant at, @Nullable Instant wrapUntil,
			@Nullable Long campaignId) {
		move(row, to, reason, at, wrapUntil, campaignId, null);
	}

	/**
	 * @param afterChat for a move to ON_CHAT, the state after the last chat
	 */
	private void move(Row row, AgentState to, @Nullable String reason, Instant at, @Nullable Instant wrapUntil,
			@Nullable Long campaignId, @Nullable AgentState afterChat) {
		if (row.state == to && wrapUntil == null) {
			return;
		}
		Instant start = row.since.isAfter(at) ? at : row.since;
		this.jdbc.sql("""
				INSERT INTO telephony_agent_intervals (username, state, started_at, ended_at, reason, campaign_id)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(row.username, row.state.name(), Timestamp.from(start), Timestamp.from(at), row.reason,
					row.campaignId)
			.update();
		boolean keepsCall = to == AgentState.ON_CALL || to == AgentState.WRAP_UP;
		this.jdbc.sql("""
				UPDATE telephony_agent_states SET state = ?, since = ?, reason = ?, campaign_id = ?, wrap_until = ?,
				    call_id = CASE WHEN ? THEN call_id END, account_id = CASE WHEN ? THEN account_id END,
				    direction = CASE WHEN ? THEN direction END, after_chat = ?
				WHERE username = ?""")
			.params(to.name(), Timestamp.from(at), reason, campaignId,
					(wrapUntil == null) ? null : Timestamp.from(wrapUntil), keepsCall, keepsCall, keepsCall,
					(to == AgentState.ON_CHAT && afterChat != null && afterChat != AgentState.ON_CHAT)
							? afterChat.name() : null,
					row.username)
			.update();
		notify("state", row.username);
	}

	void notify(String kind, String username, String... rest) {
		this.jdbc.sql("SELECT pg_notify('" + CHANNEL + "', ?)")
			.param(kind + "\t" + username + (rest.length == 0 ? "" : "\t" + String.join("\t", rest)))
			.query()
			.singleRow();
	}

	/**
	 * The agent's row, made (offline since now) when new, locked for this transaction.
	 */
	private Row lock(String username, Instant now) {
		if (username.isBlank() || username.length() > 100 || username.contains("\t")) {
			throw new IllegalArgumentException("no such agent name: " + username);
		}
		this.jdbc.sql("""
				INSERT INTO telephony_agent_states (username, state, since) VALUES (?, 'OFFLINE', ?)
				ON CONFLICT (username) DO NOTHING""").params(username, Timestamp.from(now)).update();
		Row row = this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_agent_states WHERE username = ? FOR UPDATE")
			.param(username)
			.query(AgentStates::read)
			.single();
		if (row.state == AgentState.WRAP_UP && row.wrapUntil != null && !row.wrapUntil.isAfter(now)) {
			afterWrap(row, row.wrapUntil.isBefore(row.since) ? row.since : row.wrapUntil);
			return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_agent_states WHERE username = ?")
				.param(username)
				.query(AgentStates::read)
				.single();
		}
		return row;
	}

	private Optional<Row> row(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_agent_states WHERE username = ?")
			.param(username)
			.query(AgentStates::read)
			.optional();
	}

	private static Row read(ResultSet rs, int n) throws SQLException {
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		Timestamp wrap = rs.getTimestamp("wrap_until");
		String afterChat = rs.getString("after_chat");
		return new Row(rs.getString("username"), AgentState.valueOf(rs.getString("state")),
				rs.getTimestamp("since").toInstant(), rs.getString("reason"), campaignId,
				rs.getObject("call_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("direction"),
				(wrap == null) ? null : wrap.toInstant(), (afterChat == null) ? null : AgentState.valueOf(afterChat));
	}

	private record Row(String username, AgentState state, Instant since, @Nullable String reason,
			@Nullable Long campaignId, @Nullable UUID callId, @Nullable UUID accountId, @Nullable String direction,
			@Nullable Instant wrapUntil, @Nullable AgentState afterChat) {

		AgentStateView view() {
			return new AgentStateView(this.username, this.state, this.since, this.campaignId);
		}

	}

	/**
	 * An agent's state with their call.
	 *
	 * @param callId the call they are on or wrapping up
	 * @param accountId its account
	 * @param direction OUTBOUND or INBOUND
	 * @param wrapUntil when a wrap-up ends by itself
	 * @param afterChat on a chat, the state they go to when their last chat closes
	 */
	public record Seat(AgentStateView state, @Nullable UUID callId, @Nullable UUID accountId,
			@Nullable String direction, @Nullable Instant wrapUntil, @Nullable AgentState afterChat) {
	}

}
