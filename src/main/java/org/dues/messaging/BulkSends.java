package org.dues.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.shared.ConflictException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message to many accounts at once, chosen by a list of ids, a queue, the accounts
 * browser's selection or an uploaded list, always within the starter's scope. Started, it
 * is previewed once: each account's address and the gate's answer at that moment (how
 * many would go now, how many the gate would hold back and why, how many cannot be
 * addressed), kept with the bulk send. Confirmed, its messages are queued from that
 * preview, each rendered once and not asked about again: the gate decides each when it
 * leaves. Its counts come from its messages; cancelled, its still-queued messages are
 * cancelled.
 */
@Service
public class BulkSends {

	/** The most accounts one bulk send takes. */
	public static final int MOST = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BulkAudience audience;

	private final BulkPreviews previews;

	private final BulkOutbox outbox;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	BulkSends(BulkAudience audience, BulkPreviews previews, BulkOutbox outbox, Messages messages, JdbcClient jdbc,
			Clock clock) {
		this.audience = audience;
		this.previews = previews;
		this.outbox = outbox;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Chooses the accounts and previews the bulk send; nothing is queued.
	 * @throws org.dues.shared.InvalidInputException for an unknown template, nothing or
	 * too many chosen
	 * @throws NotFoundException for an account, queue, team or agent outside the
	 * starter's scope
	 * @throws BulkListRefusedException for an uploaded list with bad lines
	 */
	@Transactional
	public BulkView start(NewBulk bulk, Authentication starter) {
		List<UUID> chosen = this.audience.choose(bulk.selector(), starter);
		BulkPreviews.Found found = this.previews.preview(chosen, bulk.channel(), bulk.template(), bulk.language(),
				starter.getName());
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO messaging_bulk_sends (id, status, selector, selection, channel, template, language, not_before,
					    scheduled_at, started_by, team_ids, selected, would_go, held_back, unaddressable, held_reasons,
					    gated, estimated, created_at)
					VALUES (:id, 'PREVIEWED', :selector, CAST(:selection AS jsonb), :channel, :template, :language, :notBefore,
					    :scheduledAt, :by, :teams, :selected, :now, :held, :none, CAST(:reasons AS jsonb), :gated,
					    :estimated, :at)""")
			.param("id", id)
			.param("selector", bulk.selector().kind())
			.param("selection", JSON.writeValueAsString(bulk.selector().describe()))
			.param("channel", bulk.channel().name())
			.param("template", bulk.template().strip())
			.param("language", blank(bulk.language()))
			.param("notBefore", (bulk.notBefore() == null) ? null : Timestamp.from(bulk.notBefore()))
			.param("scheduledAt", bulk.scheduledAt())
			.param("by", starter.getName())
			.param("teams", this.audience.teamsOf(starter))
			.param("selected", chosen.size())
			.param("now", found.wouldGo())
			.param("held", found.heldBack())
			.param("none", found.unaddressable())
			.param("gated", found.gated())
			.param("estimated", found.estimated())
			.param("reasons", JSON.writeValueAsString(found.heldByRule()))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		List<BulkPreviews.Each> each = found.each();
		this.jdbc.sql("""
				INSERT INTO messaging_bulk_accounts (bulk_id, position, account_id, address, outcome)
				SELECT :id, n, account, address, outcome
				FROM unnest(CAST(:accounts AS uuid[]), CAST(:addresses AS text[]), CAST(:outcomes AS text[]))
				    WITH ORDINALITY AS p (account, address, outcome, n)""")
			.param("id", id)
			.param("accounts", each.stream().map(BulkPreviews.Each::account).toArray(UUID[]::new))
			.param("addresses", each.stream().map(BulkPreviews.Each::address).toArray(String[]::new))
			.param("outcomes", each.stream().map((e) -> e.outcome().name()).toArray(String[]::new))
			.update();
		return get(id);
	}

	/**
	 * Queues the previewed bulk send's messages from its preview, for the gate to decide
	 * each when it leaves; a bulk send already queued answers as it stands. Accounts that
	 * have left the starter's scope since the preview are left out.
	 * @throws NotFoundException when there is no such bulk send
	 * @throws ConflictException when it was cancelled, or the caller did not start it
	 */
	@Transactional
	public BulkView queue(UUID id, Authentication caller) {
		Row row = locked(id);
		if (row.status().equals("QUEUED")) {
			return get(id);
		}
		if (row.status().equals("CANCELLED")) {
			throw new ConflictException("the bulk send was cancelled");
		}
		if (!row.startedBy().equals(caller.getName())) {
			throw new ConflictException("only %s, who previewed it, may send it".formatted(row.startedBy()));
		}
		List<BulkPreviews.Each> each = new ArrayList<>();
		this.jdbc.sql("""
				SELECT account_id, address, outcome FROM messaging_bulk_accounts
				WHERE bulk_id = :id AND address IS NOT NULL ORDER BY position""").param("id", id).query((rs) -> {
			each.add(new BulkPreviews.Each(rs.getObject(1, UUID.class), rs.getString(2),
					BulkPreviews.Outcome.valueOf(rs.getString(3))));
		});
		List<UUID> gone = this.audience.outside(each.stream().map(BulkPreviews.Each::account).toList(), caller);
		List<BulkPreviews.Each> still = gone.isEmpty() ? each
				: each.stream().filter((e) -> !gone.contains(e.account())).toList();
		int queued = this.outbox.queue(id, still, row.channel(), row.template(), row.language(), row.notBefore(),
				row.scheduledAt(), caller.getName());
		this.jdbc.sql("UPDATE messaging_bulk_sends SET status = 'QUEUED', queued = :n, queued_at = :at WHERE id = :id")
			.param("n", queued)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		return get(id);
	}

	/**
	 * Cancels the bulk send: its messages still queued are cancelled (those already sent
	 * stay sent); a previewed one is never queued. Cancelling again changes nothing.
	 */
	@Transactional
	public BulkView cancel(UUID id, String by) {
		Row row = locked(id);
		if (!row.status().equals("CANCELLED")) {
			this.messages.cancelBulk(id, "bulk send cancelled by " + by);
			this.jdbc.sql("""
					UPDATE messaging_bulk_sends SET status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by
					WHERE id = :id""")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("by", by)
				.param("id", id)
				.update();
		}
		return get(id);
	}

	/** The bulk send, its preview and where its messages stand now. */
	@Transactional(readOnly = true)
	public BulkView get(UUID id) {
		BulkView.Progress progress = this.jdbc.sql("""
				SELECT count(*),
				       count(*) FILTER (WHERE status = 'QUEUED' AND reasons IS NULL),
				       count(*) FILTER (WHERE status = 'QUEUED' AND reasons IS NOT NULL),
				       count(*) FILTER (WHERE status = 'SENDING'),
				       count(*) FILTER (WHERE status = 'SENT'),
				       count(*) FILTER (WHERE status = 'DELIVERED'),
				       count(*) FILTER (WHERE status IN ('FAILED', 'BOUNCED')),
				       count(*) FILTER (WHERE status = 'BLOCKED'),
				       count(*) FILTER (WHERE status = 'CANCELLED')
				FROM messaging_messages WHERE bulk_id = :id""")
			.param("id", id)
			.query((rs, n) -> new BulkView.Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
			.single();
		List<UUID> unaddressable = this.jdbc.sql("""
				SELECT account_id FROM messaging_bulk_accounts WHERE bulk_id = :id AND outcome = 'NO_ADDRESS'
				ORDER BY position LIMIT 100""").param("id", id).query(UUID.class).list();
		return this.jdbc.sql("SELECT * FROM messaging_bulk_sends WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, progress, unaddressable))
			.optional()
			.orElseThrow(() -> new NotFoundException("bulk send", id));
	}

	/** The bulk sends someone started, newest first. */
	@Transactional(readOnly = true)
	public List<UUID> startedBy(String username, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM messaging_bulk_sends WHERE started_by = :by ORDER BY created_at DESC LIMIT :n""")
			.param("by", username)
			.param("n", limit)
			.query(UUID.class)
			.list();
	}

	private Row locked(UUID id) {
		return this.jdbc.sql("""
				SELECT status, started_by, channel, template, language, not_before, scheduled_at
				FROM messaging_bulk_sends WHERE id = :id FOR UPDATE""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
					rs.getObject(7, LocalDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("bulk send", id));
	}

	private static BulkView view(ResultSet rs, BulkView.Progress progress, List<UUID> unaddressable)
			throws SQLException {
		Map<String, Object> selection = JSON.readValue(rs.getString("selection"),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		Map<String, Integer> held = JSON.readValue(rs.getString("held_reasons"),
				new TypeReference<LinkedHashMap<String, Integer>>() {
				});
		return new BulkView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("selector"), selection,
				Channel.valueOf(rs.getString("channel")), rs.getString("template"), rs.getString("language"),
				instant(rs.getTimestamp("not_before")), rs.getObject("scheduled_at", LocalDateTime.class),
				rs.getString("started_by"), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("cancelled_at")),
				rs.getString("cancelled_by"), rs.getInt("selected"), rs.getInt("would_go"), rs.getInt("held_back"),
				rs.getInt("unaddressable"), held, rs.getInt("gated"), rs.getBoolean("estimated"), progress,
				unaddressable);
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return (at == null) ? null : at.toInstant();
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private record Row(String status, String startedBy, Channel channel, String template, @Nullable String language,
			@Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt) {
	}

}
