package org.dues.telephony;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dues.telephony.pacing.PacingSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dialer loop. Every tick (a second by default) this node takes up each running
 * campaign it can lock ({@code pg_try_advisory_lock} on a connection of its own, so one
 * node dials a campaign at a time and another takes it over when this one goes), and for
 * each: settles its ended calls into the pacing history, retries or abandons customers
 * waiting for an agent, builds a {@link PacingSnapshot} from its members' states and its
 * calls in flight, asks the campaign's pacer how many calls to place and places them
 * ({@link CampaignDials}). A campaign this node takes up has its history replayed from
 * its calls of the last 30 days first.
 */
@Component
class Dialer implements SmartLifecycle {

	/** The first key of the campaigns' advisory locks. */
	static final int LOCK_SPACE = 23;

	private static final Logger log = LoggerFactory.getLogger(Dialer.class);

	private final DataSource dataSource;

	private final Campaigns campaigns;

	private final DialerCalls calls;

	private final DialerReactions reactions;

	private final CampaignDials dials;

	private final AgentStates states;

	private final Clock clock;

	private final Duration tick;

	private final Map<Long, CampaignRun> runs = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService executor;

	private @Nullable Connection locks;

	private volatile boolean running;

	Dialer(DataSource dataSource, Campaigns campaigns, DialerCalls calls, DialerReactions reactions,
			CampaignDials dials, AgentStates states, Clock clock,
			@Value("${dues.telephony.dialer.tick:1s}") Duration tick) {
		this.dataSource = dataSource;
		this.campaigns = campaigns;
		this.calls = calls;
		this.reactions = reactions;
		this.dials = dials;
		this.states = states;
		this.clock = clock;
		this.tick = tick;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.tick.isZero() || this.tick.isNegative()) {
			return;
		}
		ScheduledExecutorService loop = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dues-dialer").daemon(true).factory());
		loop.scheduleWithFixedDelay(this::tickSafely, this.tick.toMillis(), this.tick.toMillis(),
				TimeUnit.MILLISECONDS);
		this.executor = loop;
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledExecutorService loop = this.executor;
		if (loop != null) {
			loop.shutdownNow();
		}
		closeLocks();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	DialerCalls calls() {
		return this.calls;
	}

	/** The run of a campaign this node dials, if it does. */
	@Nullable CampaignRun run(long campaign) {
		return this.runs.get(campaign);
	}

	private void tickSafely() {
		try {
			tick();
		}
		catch (RuntimeException | SQLException ex) {
			log.warn("The dialer's tick failed: {}", ex.getMessage(), ex);
			closeLocks();
		}
	}

	/** One pass over the running campaigns. */
	synchronized void tick() throws SQLException {
		this.states.endWrapUps();
		List<CampaignView> running = this.campaigns.running();
		Set<Long> ids = new HashSet<>();
		for (CampaignView campaign : running) {
			ids.add(campaign.id());
			CampaignRun run = this.runs.get(campaign.id());
			if (run == null) {
				if (!lock(campaign.id())) {
					continue;
				}
				run = replay(new CampaignRun(campaign));
				this.runs.put(campaign.id(), run);
				log.info("Dialling campaign {} ({}) on this node", campaign.id(), campaign.name());
			}
			else if (run.version != campaign.version()) {
				// changed while running (its mode, its ratio): paced anew from its
				// history
				run = replay(new CampaignRun(campaign));
				this.runs.put(campaign.id(), run);
				log.info("Campaign {} changed; dialling it as version {}", campaign.id(), campaign.version());
			}
			pass(campaign, run);
		}
		for (Long id : new ArrayList<>(this.runs.keySet())) {
			if (!ids.contains(id)) {
				this.runs.remove(id);
				unlock(id);
				this.campaigns.margin(id, null);
				log.info("Campaign {} stopped on this node", id);
			}
		}
	}

	private void pass(CampaignView campaign, CampaignRun run) {
		Instant now = this.clock.instant();
		List<DialerCalls.Dialled> open = this.calls.open(campaign.id());
		List<Double> ringing = new ArrayList<>();
		int waiting = 0;
		for (DialerCalls.Dialled call : open) {
			if (call.endedAt() != null) {
				if (this.calls.settle(call.id(), now)) {
					run.settle(call);
				}
			}
			else if (call.waiting()) {
				this.reactions.waiting(call, now);
				waiting++;
			}
			else if (call.ringing()) {
				ringing.add(seconds(call.createdAt(), now));
			}
		}
		run.lastWrapInterval = this.dials.wraps(campaign.id(), run.lastWrapInterval, run.history);
		int ready = 0;
		List<Double> talking = new ArrayList<>();
		List<Double> wrapping = new ArrayList<>();
		Set<String> members = Set.copyOf(campaign.members());
		for (AgentStateView agent : this.states.all()) {
			if (!members.contains(agent.username())) {
				continue;
			}
			switch (agent.state()) {
				case READY -> ready++;
				case ON_CALL -> talking.add(seconds(agent.since(), now));
				case WRAP_UP -> wrapping.add(seconds(agent.since(), now));
				default -> {
				}
			}
		}
		PacingSnapshot snapshot = new PacingSnapshot(now, ready, array(talking), array(wrapping), array(ringing),
				waiting, run.history);
		int wanted = run.pacer.callsToPlace(snapshot);
		CampaignWaiting idle = null;
		if (!within(campaign, now)) {
			idle = new CampaignWaiting(CampaignWaiting.Reason.CAMPAIGN_HOURS, CampaignWaiting.hoursOpen(campaign, now));
		}
		else if (run.mode != DialMode.PREVIEW && wanted > 0) {
			int placed = this.dials.place(campaign, run, wanted, now);
			if (placed == 0 && open.stream().allMatch((call) -> call.endedAt() != null)) {
				// the pacer wanted calls and none could be placed: the lead's page says
				// so when the customers left wait for their calling hours
				Instant opening = this.dials.callingHoursOpen(campaign.id(), now);
				if (opening != null) {
					idle = new CampaignWaiting(CampaignWaiting.Reason.CALLING_HOURS, opening);
				}
			}
		}
		this.campaigns.paced(campaign.id(), run.margin(), idle);
	}

	/** The campaign's settled calls of the last 30 days, into a new history. */
	private CampaignRun replay(CampaignRun run) {
		for (DialerCalls.Dialled call : this.calls.settledSince(run.id,
				this.clock.instant().minus(CampaignRun.REPLAYED))) {
			run.settle(call);
		}
		run.lastWrapInterval = this.dials.wraps(run.id, 0, run.history);
		return run;
	}

	static boolean within(CampaignView campaign, Instant now) {
		LocalTime local = now.atZone(ZoneId.of(campaign.zone())).toLocalTime();
		return !local.isBefore(campaign.hoursFrom()) && local.isBefore(campaign.hoursTo());
	}

	private static double seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}

	private static double[] array(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private boolean lock(long campaign) throws SQLException {
		Connection connection = this.locks;
		if (connection == null || connection.isClosed()) {
			connection = connect();
			this.locks = connection;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			statement.setInt(1, LOCK_SPACE);
			statement.setInt(2, (int) campaign);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private void unlock(long campaign) {
		Connection connection = this.locks;
		if (connection == null) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, LOCK_SPACE);
			statement.setInt(2, (int) campaign);
			statement.execute();
		}
		catch (SQLException ex) {
			log.warn("Could not unlock campaign {}: {}", campaign, ex.getMessage());
		}
	}

	/** The locks are gone with their connection: every campaign is taken up again. */
	private void closeLocks() {
		this.runs.clear();
		Connection connection = this.locks;
		this.locks = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("closing the dialer's lock connection", ex);
			}
		}
	}

	/** A connection of its own: its session holds the campaigns' advisory locks. */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

}
