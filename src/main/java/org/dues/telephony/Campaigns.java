package org.dues.telephony;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dial campaigns: made from a work queue by a lead or manager, started and stopped. Every
 * setting is checked before anything is stored; each error names its field, and a bad
 * campaign changes nothing.
 */
@Service
public class Campaigns {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Campaigns.class);

	private static final String SELECT = """
			SELECT id, name, queue_id, mode, hours_from, hours_to, zone, max_dial_ratio, wrap_seconds,
			    busy_retry_minutes, busy_max_tries, no_answer_retry_minutes, no_answer_max_tries,
			    machine_retry_minutes, machine_max_tries, running, margin, created_by, created_at, version
			FROM telephony_campaigns""";

	private final JdbcClient jdbc;

	private final Queues queues;

	private final UserManagement users;

	private final Creditors creditors;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, Queues queues, UserManagement users, Creditors creditors, Clock clock) {
		this.jdbc = jdbc;
		this.queues = queues;
		this.users = users;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * Makes a campaign, stopped.
	 * @throws InvalidInputException naming each bad field (nothing stored)
	 * @throws ConflictException when the name is taken
	 */
	@Transactional
	public CampaignView create(NewCampaign input, String by) {
		Valid valid = validate(input);
		if (this.jdbc.sql("SELECT count(*) FROM telephony_campaigns WHERE name = ?")
			.param(valid.name())
			.query(Integer.class)
			.single() > 0) {
			throw new ConflictException("A campaign is already named " + valid.name());
		}
		CampaignView.Retries retries = valid.retries();
		long id = this.jdbc.sql("""
				INSERT INTO telephony_campaigns (name, queue_id, mode, hours_from, hours_to, zone, max_dial_ratio,
				    wrap_seconds, busy_retry_minutes, busy_max_tries, no_answer_retry_minutes, no_answer_max_tries,
				    machine_retry_minutes, machine_max_tries, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(valid.name(), input.queueId(), valid.mode().name(), valid.from(), valid.to(), valid.zone(),
					valid.ratio(), valid.wrap(), retries.busy().minutes(), retries.busy().maxTries(),
					retries.noAnswer().minutes(), retries.noAnswer().maxTries(), retries.machine().minutes(),
					retries.machine().maxTries(), by, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		writeRules(id, valid);
		return get(id);
	}

	/**
	 * Changes a campaign, running or not, as a whole: every field as {@link #create}
	 * takes it (a field left out takes its default); a running campaign's dialer uses the
	 * change from its next turn. Stale edits are refused.
	 * @param expectedVersion the version the editor saw, or null to change whatever is
	 * there
	 * @throws InvalidInputException naming each bad field (nothing changed)
	 * @throws ConflictException when the name is another campaign's, or the campaign
	 * changed since {@code expectedVersion}
	 * @throws NotFoundException when there is no such campaign
	 */
	@Transactional
	public CampaignView update(long id, NewCampaign input, @Nullable Integer expectedVersion, String by) {
		int version = this.jdbc.sql("SELECT version FROM telephony_campaigns WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("campaign", id));
		if (expectedVersion != null && expectedVersion != version) {
			throw new ConflictException("The campaign was changed since version %d (it is at %d): reload it"
				.formatted(expectedVersion, version));
		}
		Valid valid = validate(input);
		if (this.jdbc.sql("SELECT count(*) FROM telephony_campaigns WHERE name = ? AND id <> ?")
			.params(valid.name(), id)
			.query(Integer.class)
			.single() > 0) {
			throw new ConflictException("A campaign is already named " + valid.name());
		}
		CampaignView.Retries retries = valid.retries();
		this.jdbc.sql("""
				UPDATE telephony_campaigns SET name = ?, queue_id = ?, mode = ?, hours_from = ?, hours_to = ?, zone = ?,
				    max_dial_ratio = ?, wrap_seconds = ?, busy_retry_minutes = ?, busy_max_tries = ?,
				    no_answer_retry_minutes = ?, no_answer_max_tries = ?, machine_retry_minutes = ?,
				    machine_max_tries = ?, margin = CASE WHEN ? = 'PREDICTIVE' THEN margin END, waiting = NULL,
				    waiting_until = NULL, version = version + 1
				WHERE id = ?""")
			.params(valid.name(), input.queueId(), valid.mode().name(), valid.from(), valid.to(), valid.zone(),
					valid.ratio(), valid.wrap(), retries.busy().minutes(), retries.busy().maxTries(),
					retries.noAnswer().minutes(), retries.noAnswer().maxTries(), retries.machine().minutes(),
					retries.machine().maxTries(), valid.mode().name(), id)
			.update();
		this.jdbc.sql("DELETE FROM telephony_campaign_caller_ids WHERE campaign_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM telephony_campaign_members WHERE campaign_id = ?").param(id).update();
		writeRules(id, valid);
		log.info("Campaign {} changed by {} to version {}", id, by, version + 1);
		return get(id);
	}

	private void writeRules(long id, Valid valid) {
		for (CampaignView.CallerIdRule rule : valid.callerIds()) {
			this.jdbc
				.sql("INSERT INTO telephony_campaign_caller_ids (campaign_id, creditor, prefix, caller_id)"
						+ " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(id, Objects.requireNonNullElse(rule.creditor(), ""),
						Objects.requireNonNullElse(rule.prefix(), ""), rule.callerId())
				.update();
		}
		for (String member : valid.members()) {
			this.jdbc.sql("INSERT INTO telephony_campaign_members (campaign_id, username) VALUES (?, ?)")
				.params(id, member)
				.update();
		}
	}

	/** A campaign's fields, checked, with the defaults filled in. */
	private record Valid(String name, DialMode mode, LocalTime from, LocalTime to, String zone, BigDecimal ratio,
			int wrap, CampaignView.Retries retries, List<CampaignView.CallerIdRule> callerIds, Set<String> members) {
	}

	/**
	 * @throws InvalidInputException naming each bad field
	 */
	private Valid validate(NewCampaign input) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String name = (input.name() == null) ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new InvalidInputException.FieldError("name", "is required, at most 100 characters"));
		}
		if (input.queueId() == null) {
			errors.add(new InvalidInputException.FieldError("queueId", "is required"));
		}
		else {
			try {
				this.queues.get(input.queueId());
			}
			catch (NotFoundException ex) {
				errors.add(new InvalidInputException.FieldError("queueId", "no queue " + input.queueId()));
			}
		}
		DialMode mode = DialMode.PROGRESSIVE;
		if (input.mode() != null) {
			try {
				mode = DialMode.valueOf(input.mode().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new InvalidInputException.FieldError("mode", "PREVIEW, PROGRESSIVE or PREDICTIVE"));
			}
		}
		LocalTime from = time("hoursFrom", input.hoursFrom(), LocalTime.of(9, 0), errors);
		LocalTime to = time("hoursTo", input.hoursTo(), LocalTime.of(20, 0), errors);
		if (from != null && to != null && !from.isBefore(to)) {
			errors.add(new InvalidInputException.FieldError("hoursTo", "must be after hoursFrom"));
		}
		String zone = (input.zone() == null) ? "UTC" : input.zone().strip();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			errors.add(new InvalidInputException.FieldError("zone", "no time zone '%s'".formatted(zone)));
		}
		BigDecimal ratio = Objects.requireNonNullElse(input.maxDialRatio(), BigDecimal.valueOf(2));
		if (ratio.compareTo(BigDecimal.ONE) < 0 || ratio.compareTo(BigDecimal.valueOf(5)) > 0 || ratio.scale() > 2) {
			errors.add(new InvalidInputException.FieldError("maxDialRatio", "from 1 to 5, at most two decimals"));
		}
		int wrap = Objects.requireNonNullElse(input.wrapSeconds(), 30);
		if (wrap < 0 || wrap > 3600) {
			errors.add(new InvalidInputException.FieldError("wrapSeconds", "from 0 to 3600"));
		}
		CampaignView.Retries retries = Objects.requireNonNullElse(input.retries(), CampaignView.Retries.DEFAULTS);
		retry("retries.busy", retries.busy(), errors);
		retry("retries.noAnswer", retries.noAnswer(), errors);
		retry("retries.machine", retries.machine(), errors);
		List<CampaignView.CallerIdRule> callerIds = Objects.requireNonNullElse(input.callerIds(), List.of());
		for (int i = 0; i < callerIds.size(); i++) {
			CampaignView.CallerIdRule rule = callerIds.get(i);
			String field = "callerIds[" + i + "]";
			if (rule == null || rule.callerId() == null || !rule.callerId().matches("\\+[1-9][0-9]{6,14}")) {
				errors.add(new InvalidInputException.FieldError(field + ".callerId", "an E.164 number"));
				continue;
			}
			if (rule.prefix() != null && !rule.prefix().isEmpty() && !rule.prefix().matches("\\+[0-9]{1,6}")) {
				errors.add(new InvalidInputException.FieldError(field + ".prefix", "'+' and up to six digits"));
			}
			if (rule.creditor() != null && !rule.creditor().isEmpty()
					&& this.creditors.findByCode(rule.creditor()).isEmpty()) {
				errors.add(new InvalidInputException.FieldError(field + ".creditor", "no creditor " + rule.creditor()));
			}
		}
		Set<String> members = new LinkedHashSet<>(Objects.requireNonNullElse(input.members(), List.of()));
		for (String member : members) {
			if (member == null || this.users.find(member).isEmpty()) {
				errors.add(new InvalidInputException.FieldError("members", "no user '%s'".formatted(member)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Valid(name, mode, from, to, zone, ratio, wrap, retries, callerIds, members);
	}

	/**
	 * @throws NotFoundException when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public CampaignView get(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?")
			.param(id)
			.query(this::read)
			.optional()
			.orElseThrow(() -> new NotFoundException("campaign", id));
	}

	/**
	 * @return every campaign, by name
	 */
	@Transactional(readOnly = true)
	public List<CampaignView> all() {
		return this.jdbc.sql(SELECT + " ORDER BY name").query(this::read).list();
	}

	/**
	 * @return the running campaigns
	 */
	@Transactional(readOnly = true)
	public List<CampaignView> running() {
		return this.jdbc.sql(SELECT + " WHERE running ORDER BY id").query(this::read).list();
	}

	/**
	 * Starts or stops the campaign; the dialer of some node takes it up within a second.
	 */
	@Transactional
	public CampaignView run(long id, boolean running) {
		get(id);
		this.jdbc.sql("UPDATE telephony_campaigns SET running = ?, version = version + 1 WHERE id = ?")
			.params(running, id)
			.update();
		return get(id);
	}

	void margin(long id, @Nullable Double margin) {
		paced(id, margin, null);
	}

	/**
	 * What the dialler's turn left: the pacer's margin and why the campaign waits (null
	 * while it dials).
	 */
	void paced(long id, @Nullable Double margin, @Nullable CampaignWaiting waiting) {
		this.jdbc.sql("UPDATE telephony_campaigns SET margin = ?, waiting = ?, waiting_until = ? WHERE id = ?")
			.params(margin, (waiting == null) ? null : waiting.reason().name(),
					(waiting == null) ? null : java.sql.Timestamp.from(waiting.until()), id)
			.update();
	}

	/**
	 * Why the running campaign places no call now, as its dialler last saw it, or null.
	 */
	@Nullable CampaignWaiting waiting(long id) {
		return this.jdbc.sql("""
				SELECT waiting, waiting_until FROM telephony_campaigns
				WHERE id = ? AND running AND waiting IS NOT NULL""")
			.param(id)
			.query((rs, n) -> new CampaignWaiting(CampaignWaiting.Reason.valueOf(rs.getString(1)),
					rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static @Nullable LocalTime time(String field, @Nullable String value, LocalTime otherwise,
			List<InvalidInputException.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidInputException.FieldError(field, "a time as HH:mm"));
			return null;
		}
	}

	private static void retry(String field, CampaignView.@Nullable Retry retry,
			List<InvalidInputException.FieldError> errors) {
		if (retry == null || retry.minutes() < 1 || retry.minutes() > 10080 || retry.maxTries() < 1
				|| retry.maxTries() > 20) {
			errors.add(new InvalidInputException.FieldError(field, "minutes from 1 to 10080, maxTries from 1 to 20"));
		}
	}

	private CampaignView read(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<CampaignView.CallerIdRule> callerIds = this.jdbc
			.sql("SELECT creditor, prefix, caller_id FROM telephony_campaign_caller_ids WHERE campaign_id = ?"
					+ " ORDER BY creditor, prefix")
			.param(id)
			.query((r, i) -> new CampaignView.CallerIdRule(r.getString(1), r.getString(2), r.getString(3)))
			.list();
		List<String> members = this.jdbc
			.sql("SELECT username FROM telephony_campaign_members WHERE campaign_id = ? ORDER BY username")
			.param(id)
			.query(String.class)
			.list();
		double margin = rs.getDouble("margin");
		Double shown = rs.wasNull() ? null : margin;
		return new CampaignView(id, rs.getString("name"), rs.getObject("queue_id", java.util.UUID.class),
				DialMode.valueOf(rs.getString("mode")), rs.getObject("hours_from", LocalTime.class),
				rs.getObject("hours_to", LocalTime.class), rs.getString("zone"), rs.getBigDecimal("max_dial_ratio"),
				rs.getInt("wrap_seconds"),
				new CampaignView.Retries(
						new CampaignView.Retry(rs.getInt("busy_retry_minutes"), rs.getInt("busy_max_tries")),
						new CampaignView.Retry(rs.getInt("no_answer_retry_minutes"), rs.getInt("no_answer_max_tries")),
						new CampaignView.Retry(rs.getInt("machine_retry_minutes"), rs.getInt("machine_max_tries"))),
				callerIds, members, rs.getBoolean("running"), shown, rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

}
