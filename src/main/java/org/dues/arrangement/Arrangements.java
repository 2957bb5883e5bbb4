package org.dues.arrangement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.shared.PhraseJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The arrangement tables.
 */
@Component
class Arrangements {

	private final JdbcClient jdbc;

	Arrangements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ArrangementView a, CreditorId creditor, Instant now) {
		this.jdbc.sql("""
				INSERT INTO arrangement_arrangements (id, account_id, creditor_id, kind, status, currency, amount,
				    balance_at_start, frequency, channel, component, deferment_days, offer_expires_on, reason,
				    created_at, created_by, activated_at)
				VALUES (:id, :account, :creditor, :kind, :status, :currency, :amount, :balance, :frequency, :channel,
				    :component, :days, :expires, :reason, :now, :by, :activated)""")
			.param("id", a.id().value())
			.param("account", a.accountId().value())
			.param("creditor", creditor.value())
			.param("kind", a.kind().name())
			.param("status", a.status().name())
			.param("currency", a.amount().currencyCode())
			.param("amount", a.amount().amount())
			.param("balance", a.balanceAtStart().amount())
			.param("frequency", (a.frequency() == null) ? null : a.frequency().name())
			.param("channel", a.channel())
			.param("component", a.component())
			.param("days", a.defermentDays())
			.param("expires", a.offerExpiresOn())
			.param("reason", a.reason())
			.param("now", Timestamp.from(now))
			.param("by", a.createdBy())
			.param("activated", (a.status() == ArrangementStatus.ACTIVE) ? Timestamp.from(now) : null)
			.update();
		for (ArrangementView.InstalmentView i : a.instalments()) {
			this.jdbc.sql("""
					INSERT INTO arrangement_instalments (arrangement_id, seq, due_on, amount, paid, status)
					VALUES (:id, :seq, :due, :amount, 0, :status)""")
				.param("id", a.id().value())
				.param("seq", i.seq())
				.param("due", i.dueOn())
				.param("amount", i.amount().amount())
				.param("status", i.status().name())
				.update();
		}
	}

	ArrangementView get(ArrangementId id) {
		return find(id).orElseThrow(() -> new NotFoundException("arrangement", id));
	}

	Optional<ArrangementView> find(ArrangementId id) {
		List<ArrangementView> found = select("a.id = :id", Map.of("id", id.value()));
		return found.stream().findFirst();
	}

	/** Locks the arrangement row until the transaction ends and reads it. */
	ArrangementView lock(ArrangementId id) {
		this.jdbc.sql("SELECT id FROM arrangement_arrangements WHERE id = :id FOR UPDATE")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("arrangement", id));
		return get(id);
	}

	List<ArrangementView> ofAccount(AccountId account) {
		return select("a.account_id = :account", Map.of("account", account.value()));
	}

	/** Which of these accounts have an active arrangement, in one read. */
	java.util.Set<AccountId> withActive(java.util.Collection<AccountId> accounts) {
		java.util.Set<AccountId> found = new java.util.HashSet<>();
		this.jdbc.sql(
				"SELECT DISTINCT account_id FROM arrangement_arrangements WHERE status = 'ACTIVE' AND account_id = ANY(:ids)")
			.param("ids", accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new))
			.query((rs) -> {
				found.add(new AccountId(rs.getObject(1, UUID.class)));
			});
		return found;
	}

	/** Active arrangements (payments and dates can move them). */
	List<ArrangementId> active() {
		return this.jdbc.sql("SELECT id FROM arrangement_arrangements WHERE status = 'ACTIVE' ORDER BY created_at")
			.query((rs, n) -> new ArrangementId(rs.getObject("id", UUID.class)))
			.list();
	}

	CreditorId creditorOf(ArrangementId id) {
		return this.jdbc.sql("SELECT creditor_id FROM arrangement_arrangements WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> new CreditorId(rs.getObject(1, UUID.class)))
			.single();
	}

	void progress(ArrangementView updated) {
		this.jdbc.sql("""
				UPDATE arrangement_arrangements SET status = :status, paid = :paid, partial = :partial,
				    closed_at = :closedAt, closed_by = :closedBy, close_reason = :closeReason,
				    close_phrase = CAST(:closeSaid AS jsonb)
				WHERE id = :id""")
			.param("closeSaid", PhraseJson.write(updated.closeSaid()))
			.param("id", updated.id().value())
			.param("status", updated.status().name())
			.param("paid", updated.paid().amount())
			.param("partial", updated.partial())
			.param("closedAt", (updated.closedAt() == null) ? null : Timestamp.from(updated.closedAt()))
			.param("closedBy", updated.closedBy())
			.param("closeReason", updated.closeReason())
			.update();
		for (ArrangementView.InstalmentView i : updated.instalments()) {
			this.jdbc.sql("""
					UPDATE arrangement_instalments SET paid = :paid, status = :status
					WHERE arrangement_id = :id AND seq = :seq""")
				.param("id", updated.id().value())
				.param("seq", i.seq())
				.param("paid", i.paid().amount())
				.param("status", i.status().name())
				.update();
		}
	}

	void activate(ArrangementId id, Instant now) {
		this.jdbc.sql("""
				UPDATE arrangement_arrangements SET status = 'ACTIVE', activated_at = :now WHERE id = :id""")
			.param("id", id.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	void history(ArrangementId id, Instant at, String actor, String step, String detail) {
		this.jdbc.sql("""
				INSERT INTO arrangement_history (arrangement_id, at, actor, step, detail)
				VALUES (:id, :at, :actor, :step, :detail)""")
			.param("id", id.value())
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("step", step)
			.param("detail", detail)
			.update();
	}

	/** The recorded steps of an arrangement, oldest first. */
	List<Step> steps(ArrangementId id) {
		return this.jdbc
			.sql("SELECT at, actor, step, detail FROM arrangement_history WHERE arrangement_id = :id ORDER BY seq")
			.param("id", id.value())
			.query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("step"),
					rs.getString("detail")))
			.list();
	}

	// approvals

	void requestApproval(UUID id, ArrangementId arrangement, CreditorId creditor, String by, Instant at, String beyond,
			Phrase beyondSaid) {
		this.jdbc.sql("""
				INSERT INTO arrangement_approvals (id, arrangement_id, creditor_id, requested_by, requested_at, beyond,
				    beyond_phrase, status)
				VALUES (:id, :arrangement, :creditor, :by, :at, :beyond, CAST(:said AS jsonb), 'PENDING')""")
			.param("said", PhraseJson.write(beyondSaid))
			.param("id", id)
			.param("arrangement", arrangement.value())
			.param("creditor", creditor.value())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("beyond", beyond)
			.update();
	}

	boolean decide(UUID approval, String status, String by, Instant at, String reason) {
		return this.jdbc.sql("""
				UPDATE arrangement_approvals SET status = :status, decided_by = :by, decided_at = :at,
				    decision_reason = :reason
				WHERE id = :id AND status = 'PENDING'""")
			.param("id", approval)
			.param("status", status)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update() == 1;
	}

	Optional<ApprovalView> approval(UUID id) {
		return approvals("p.id = :id", Map.of("id", id)).stream().findFirst();
	}

	List<ApprovalView> pendingApprovals() {
		return approvals("p.status = 'PENDING'", Map.of());
	}

	private List<ApprovalView> approvals(String where, Map<String, Object> params) {
		return this.jdbc.sql("""
				SELECT p.*, a.account_id, a.kind FROM arrangement_approvals p
				JOIN arrangement_arrangements a ON a.id = p.arrangement_id
				WHERE """ + " " + where + " ORDER BY p.requested_at")
			.params(params)
			.query(Arrangements::approvalView)
			.list();
	}

	private static ApprovalView approvalView(ResultSet rs, int n) throws SQLException {
		return new ApprovalView(rs.getObject("id", UUID.class),
				new ArrangementId(rs.getObject("arrangement_id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), ArrangementKind.valueOf(rs.getString("kind")),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("beyond"),
				rs.getString("status"), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
				rs.getString("decision_reason"), PhraseJson.read(rs.getString("beyond_phrase")));
	}

	private List<ArrangementView> select(String where, Map<String, Object> params) {
		List<Row> rows = this.jdbc
			.sql("SELECT a.* FROM arrangement_arrangements a WHERE " + where + " ORDER BY a.created_at DESC")
			.params(params)
			.query(Arrangements::row)
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map((r) -> r.id().value()).toList();
		Map<UUID, List<ArrangementView.InstalmentView>> instalments = this.jdbc.sql("""
				SELECT i.*, a.currency FROM arrangement_instalments i
				JOIN arrangement_arrangements a ON a.id = i.arrangement_id
				WHERE i.arrangement_id IN (:ids) ORDER BY i.arrangement_id, i.seq""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject("arrangement_id", UUID.class),
					new ArrangementView.InstalmentView(rs.getInt("seq"), rs.getObject("due_on", LocalDate.class),
							money(rs, "amount", rs.getString("currency")), money(rs, "paid", rs.getString("currency")),
							InstalmentStatus.valueOf(rs.getString("status")))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, ApprovalView> approvals = this.jdbc.sql("""
				SELECT p.*, a.account_id, a.kind FROM arrangement_approvals p
				JOIN arrangement_arrangements a ON a.id = p.arrangement_id WHERE p.arrangement_id IN (:ids)""")
			.param("ids", ids)
			.query(Arrangements::approvalView)
			.list()
			.stream()
			.collect(Collectors.toMap((p) -> p.arrangementId().value(), (p) -> p));
		List<ArrangementView> out = new ArrayList<>();
		for (Row r : rows) {
			out.add(r.view(instalments.getOrDefault(r.id().value(), List.of()), approvals.get(r.id().value())));
		}
		return out;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String currency = rs.getString("currency");
		return new Row(new ArrangementId(rs.getObject("id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), ArrangementKind.valueOf(rs.getString("kind")),
				ArrangementStatus.valueOf(rs.getString("status")), money(rs, "amount", currency),
				money(rs, "balance_at_start", currency), money(rs, "paid", currency),
				(rs.getString("frequency") == null) ? null : Frequency.valueOf(rs.getString("frequency")),
				rs.getString("channel"), rs.getString("component"), (Integer) rs.getObject("deferment_days"),
				rs.getObject("offer_expires_on", LocalDate.class), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), rs.getString("close_reason"),
				rs.getBoolean("partial"), PhraseJson.read(rs.getString("close_phrase")));
	}

	static Money money(ResultSet rs, String column, String currency) throws SQLException {
		Currency c = Currency.getInstance(currency);
		return new Money(rs.getBigDecimal(column)
			.setScale(Math.max(c.getDefaultFractionDigits(), 0), java.math.RoundingMode.UNNECESSARY), c);
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

	private record Row(ArrangementId id, AccountId accountId, ArrangementKind kind, ArrangementStatus status,
			Money amount, Money balanceAtStart, Money paid, @Nullable Frequency frequency, @Nullable String channel,
			@Nullable String component, @Nullable Integer defermentDays, @Nullable LocalDate offerExpiresOn,
			@Nullable String reason, Instant createdAt, String createdBy, @Nullable Instant closedAt,
			@Nullable String closedBy, @Nullable String closeReason, boolean partial, @Nullable Phrase closeSaid) {

		ArrangementView view(List<ArrangementView.InstalmentView> instalments, @Nullable ApprovalView approval) {
			return new ArrangementView(this.id, this.accountId, this.kind, this.status, this.amount,
					this.balanceAtStart, this.paid, this.frequency, this.channel, this.component, this.defermentDays,
					this.offerExpiresOn, this.reason, this.createdAt, this.createdBy, this.closedAt, this.closedBy,
					this.closeReason, this.partial, instalments, approval, this.closeSaid);
		}

	}

	/** A recorded step of an arrangement. */
	record Step(Instant at, String actor, String step, String detail) {
	}

}
