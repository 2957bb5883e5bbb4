package org.dues.telephony;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.portfolio.AccountId;
import org.dues.shared.ConflictException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inbound calls, whichever provider brings them: the caller is found by the calling
 * number ({@link CallerLookup}), the call waits in {@code telephony_inbound_queue} (one
 * queue for the cluster, a position per language skill) until a ready agent who speaks
 * the caller's language and may see the account takes it ({@link InboundRouter}); then
 * the call goes on the account's timeline as an inbound call (not an attempt: the
 * frequency rules count outbound calls only) and the account pops on the agent's desk. A
 * number that several accounts share offers the agent a choice, an unknown number a
 * search ({@code /desk/inbound/{call}}). When an agent becomes ready, the longest-waiting
 * caller they can take is connected ({@link #serveQueue}).
 */
@Service
public class InboundCalls implements CallEvents.CallEnds {

	private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);

	private static final SecureRandom TOKENS = new SecureRandom();

	private final JdbcClient jdbc;

	private final CallerLookup callers;

	private final InboundRouter router;

	private final InboundDesk desk;

	private final RecordingDisclosures disclosures;

	private final Clock clock;

	private final String agentSipDomain;

	InboundCalls(JdbcClient jdbc, CallerLookup callers, InboundRouter router, InboundDesk desk,
			RecordingDisclosures disclosures, Clock clock,
			@Value("${dues.telephony.agent-sip-domain:agents.dues.invalid}") String agentSipDomain) {
		this.jdbc = jdbc;
		this.callers = callers;
		this.router = router;
		this.desk = desk;
		this.disclosures = disclosures;
		this.clock = clock;
		this.agentSipDomain = agentSipDomain;
	}

	/**
	 * A call comes in: found by the provider's id when it came before (a provider's
	 * retry), else kept, queued and offered to the agents at once.
	 * @param provider the provider's name
	 * @param providerCallId its id of the call (Twilio's CallSid, Exotel's)
	 * @param from the calling number as the provider gave it
	 * @param to the number called (Dues's), or null
	 * @return the call and where it stands
	 */
	@Transactional
	public Arrival arrive(String provider, String providerCallId, String from, @Nullable String to) {
		UUID known = this.jdbc.sql("SELECT id FROM telephony_calls WHERE provider = ? AND provider_call_id = ?")
			.params(provider, providerCallId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (known != null) {
			return arrival(known);
		}
		CallerLookup.Caller caller = this.callers.find(from, to);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		UUID account = (caller.accounts().size() == 1) ? caller.accounts().get(0) : null;
		RecordingDisclosures.Disclosure disclosure = (account != null)
				? this.disclosures.forAccount(new AccountId(account))
				: this.disclosures.forCaller(caller.country(), caller.language());
		byte[] token = new byte[16];
		TOKENS.nextBytes(token);
		this.jdbc.sql("""
				INSERT INTO telephony_calls (id, provider, provider_call_id, account_id, customer_number, caller_id,
				    direction, status, recorded, disclosure, callback_token, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'INBOUND', 'QUEUED', ?, ?, ?, ?)""")
			.params(id, provider, providerCallId, account, caller.number(), to == null ? "" : to, disclosure != null,
					disclosure == null ? null : disclosure.text(), HexFormat.of().formatHex(token), Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				INSERT INTO telephony_inbound_queue (call_id, language, accounts, queued_at, status)
				VALUES (?, ?, ?, ?, 'WAITING')""")
			.params(id, caller.language(), caller.accounts().toArray(UUID[]::new), Timestamp.from(now))
			.update();
		log.info("Inbound call {} from {}: {} account(s), language {}", id, caller.number(), caller.accounts().size(),
				caller.language());
		route(id);
		return arrival(id);
	}

	/**
	 * Gives the call, if it still waits and no other node is giving it now, to the ready
	 * agent who may take it and has been ready longest.
	 * @return the agent, or empty when it keeps waiting
	 */
	@Transactional
	public Optional<String> route(UUID callId) {
		Waiting waiting = this.jdbc.sql("""
				SELECT language, accounts FROM telephony_inbound_queue WHERE call_id = ? AND status = 'WAITING'
				FOR UPDATE SKIP LOCKED""")
			.param(callId)
			.query((rs, n) -> new Waiting(rs.getString(1), uuids(rs.getArray(2))))
			.optional()
			.orElse(null);
		if (waiting == null) {
			return Optional.empty();
		}
		Optional<String> agent = this.router.take(waiting.language(), waiting.accounts());
		agent.ifPresent((name) -> connect(callId, name, waiting.accounts()));
		return agent;
	}

	/**
	 * Offers every waiting call, longest waiting first, to the agents ready now.
	 * @return how many were given to an agent
	 */
	@Transactional
	public int serveQueue() {
		List<UUID> waiting = this.jdbc.sql("""
				SELECT call_id FROM telephony_inbound_queue WHERE status = 'WAITING'
				ORDER BY queued_at, call_id LIMIT 200""").query(UUID.class).list();
		int given = 0;
		for (UUID call : waiting) {
			if (route(call).isPresent()) {
				given++;
			}
		}
		return given;
	}

	/**
	 * The agent picked the caller's account (of several the number matched, or one they
	 * found by searching): it goes on the call, the call on its timeline, and it pops.
	 * @throws NotFoundException when the call is not this agent's
	 * @throws ConflictException when the call already has its account
	 */
	@Transactional
	public void choose(UUID callId, AccountId account, String agent) {
		CallView call = this.jdbc
			.sql("SELECT id FROM telephony_calls WHERE id = ? AND direction = 'INBOUND' FOR UPDATE")
			.param(callId)
			.query(UUID.class)
			.optional()
			.map((id) -> this.desk.call(id))
			.orElse(null);
		if (call == null || !agent.equals(call.agent())) {
			throw new NotFoundException("inbound call", callId);
		}
		if (call.accountId() != null) {
			throw new ConflictException("the call is already about account " + call.accountId());
		}
		this.desk.attach(call, account.value(), agent);
	}

	/**
	 * The agents who could take a call from the number were they ready (the demo's
	 * suggestions).
	 */
	@Transactional(readOnly = true)
	public List<String> agentsFor(String from) {
		CallerLookup.Caller caller = this.callers.find(from, null);
		return caller.known() ? this.router.agentsFor(caller.language(), caller.accounts()) : List.of();
	}

	/**
	 * Whether a call from the number is about one account, which then opens on the desk
	 * of the agent who takes it (a number several accounts share offers the agent a
	 * choice; the simulated carrier's suggestions).
	 */
	@Transactional(readOnly = true)
	public boolean opensOneAccount(String from) {
		CallerLookup.Caller caller = this.callers.find(from, null);
		return caller.known() && caller.accounts().size() == 1;
	}

	/** The latest inbound calls, newest first, as {@link #arrival} gives each. */
	@Transactional(readOnly = true)
	public List<Arrival> recent(int limit) {
		return this.jdbc.sql("SELECT call_id FROM telephony_inbound_queue ORDER BY queued_at DESC, call_id LIMIT ?")
			.param(limit)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::arrival)
			.toList();
	}

	/** Where the call stands. */
	@Transactional(readOnly = true)
	public Arrival arrival(UUID callId) {
		return this.jdbc.sql("""
				SELECT q.status, q.agent, q.language, q.queued_at, q.accounts, c.disclosure, c.customer_number,
				    (SELECT count(*) FROM telephony_inbound_queue a
				     WHERE a.status = 'WAITING' AND (a.queued_at, a.call_id) <= (q.queued_at, q.call_id)
				       AND (q.language IS NULL OR a.language IS NULL OR a.language = q.language)) AS position
				FROM telephony_inbound_queue q JOIN telephony_calls c ON c.id = q.call_id WHERE q.call_id = ?""")
			.param(callId)
			.query((rs, n) -> {
				String status = rs.getString("status");
				Instant queued = rs.getTimestamp("queued_at").toInstant();
				return new Arrival(callId, status, rs.getString("agent"), agentNumber(rs.getString("agent")),
						rs.getString("language"), uuids(rs.getArray("accounts")),
						"WAITING".equals(status) ? rs.getInt("position") : 0,
						Duration.between(queued, this.clock.instant()), rs.getString("disclosure"),
						rs.getString("customer_number"));
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("inbound call", callId));
	}

	/** The inbound call ended: a caller still waiting hung up; the agent wraps up. */
	@Override
	public void ended(CallView call, String direction, Instant at) {
		if (!"INBOUND".equals(direction)) {
			return;
		}
		this.jdbc.sql("""
				UPDATE telephony_inbound_queue SET ended_at = ?,
				    status = CASE WHEN status = 'WAITING' THEN 'ABANDONED' ELSE status END
				WHERE call_id = ? AND ended_at IS NULL""").params(Timestamp.from(at), call.id()).update();
		this.desk.ended(call);
	}

	private void connect(UUID callId, String agent, List<UUID> accounts) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					UPDATE telephony_inbound_queue SET status = 'CONNECTED', agent = ?, connected_at = ? WHERE call_id = ?""")
			.params(agent, Timestamp.from(now), callId)
			.update();
		this.jdbc.sql("UPDATE telephony_calls SET agent = ?, agent_number = ? WHERE id = ?")
			.params(agent, agentNumber(agent), callId)
			.update();
		CallView call = this.desk.call(callId);
		if (accounts.size() == 1 && this.router.reaches(agent, accounts.get(0))) {
			this.desk.attach(call, accounts.get(0), agent);
		}
		else {
			this.desk.offer(call, agent);
		}
		CallView connected = this.desk.call(callId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					InboundCalls.this.desk.legs(connected);
				}
			});
		}
		else {
			this.desk.legs(connected);
		}
	}

	/**
	 * The agent's phone: their SIP address at {@code dues.telephony.agent-sip-domain}.
	 */
	@Nullable String agentNumber(@Nullable String agent) {
		return agent == null ? null : "sip:" + agent + "@" + this.agentSipDomain;
	}

	private static List<UUID> uuids(@Nullable Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}

	private record Waiting(@Nullable String language, List<UUID> accounts) {
	}

	/**
	 * An inbound call and where it stands.
	 *
	 * @param status WAITING, CONNECTED (to {@code agent}) or ABANDONED
	 * @param agentNumber the agent's phone, to connect the caller to
	 * @param accounts the accounts the number matched
	 * @param position the caller's place among those waiting for the same language (1:
	 * next), 0 once connected
	 * @param waited how long the caller has waited
	 * @param disclosure the recording disclosure to play first, or null
	 */
	public record Arrival(UUID callId, String status, @Nullable String agent, @Nullable String agentNumber,
			@Nullable String language, List<UUID> accounts, int position, Duration waited, @Nullable String disclosure,
			String from) {

		public boolean connected() {
			return "CONNECTED".equals(this.status);
		}

	}

}
