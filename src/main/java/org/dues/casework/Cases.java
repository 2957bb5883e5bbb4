package org.dues.casework;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.shared.PhraseJson;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases of every type: opened with their deadlines, read with their timeline, noted,
 * moved from status to status with who and why, given to an owner and closed with an
 * outcome. The types' own rules are in {@link Disputes}, {@link Complaints},
 * {@link LegalReferrals} and {@link Referrals}.
 */
@Service
public class Cases {

	/** Writes and reads a phrase kept inside another's arguments. */
	private static final JsonMapper KEPT = JsonMapper.builder().build();

	/** The longest a note or a reason may be. */
	static final int TEXT_LIMIT = 4000;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Scopes scopes;

	private final JsonMapper json;

	private final Clock clock;

	Cases(JdbcClient jdbc, Accounts accounts, Scopes scopes, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.scopes = scopes;
		this.json = json;
		this.clock = clock;
	}

	/** What a new case records. */
	record NewCase(CaseType type, CaseStatus status, UUID accountId, UUID customerId, UUID creditorId,
			String jurisdiction, String category, @Nullable String channel, String description, @Nullable Money amount,
			String currency, LocalDate receivedOn, @Nullable String ownerUser, @Nullable UUID ownerTeam,
			@Nullable UUID holdId, boolean holdsCollection, Map<String, String> facts, @Nullable Phrase why) {
	}

	/** Records a case, its deadlines and the first line of its timeline. */
	@Transactional
	CaseView open(NewCase c, List<CaseDeadline> deadlines, String actor) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					INSERT INTO casework_cases (id, type, status, account_id, customer_id, creditor_id, jurisdiction,
					    category, channel, description, amount, currency, received_on, owner_user, owner_team, hold_id,
					    holds_collection, why_key, why_args, due_on, facts, opened_at, opened_by)
					VALUES (:id, :type, :status, :account, :customer, :creditor, :jurisdiction, :category, :channel,
					    :description, :amount, :currency, :receivedOn, :ownerUser, :ownerTeam, :hold, :holds, :whyKey, :whyArgs, NULL,
					    CAST(:facts AS jsonb), :now, :actor)""")
			.param("id", id)
			.param("type", c.type().name())
			.param("status", c.status().name())
			.param("account", c.accountId())
			.param("customer", c.customerId())
			.param("creditor", c.creditorId())
			.param("jurisdiction", c.jurisdiction())
			.param("category", c.category())
			.param("channel", c.channel())
			.param("description", c.description())
			.param("amount", (c.amount() == null) ? null : c.amount().amount())
			.param("currency", c.currency())
			.param("receivedOn", c.receivedOn())
			.param("ownerUser", c.ownerUser())
			.param("ownerTeam", c.ownerTeam())
			.param("hold", c.holdId())
			.param("holds", c.holdsCollection())
			.param("whyKey", (c.why() == null) ? null : c.why().key())
			.param("whyArgs", (c.why() == null) ? null : arguments(c.why()))
			.param("facts", this.json.writeValueAsString(c.facts()))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
		addDeadlines(id, deadlines);
		entry(id, actor, "OPENED", c.status().name(), c.description(), null);
		return get(id);
	}

	/** Adds deadlines after those the case has (a proceeding's later stages). */
	@Transactional
	void addDeadlines(UUID id, List<CaseDeadline> deadlines) {
		int position = this.jdbc.sql("SELECT count(*) FROM casework_deadlines WHERE case_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		for (CaseDeadline deadline : deadlines) {
			this.jdbc.sql("""
					INSERT INTO casework_deadlines (case_id, code, position, due_on, rule_key, rule_args)
					VALUES (:id, :code, :position, :due, :key, :args)
					ON CONFLICT (case_id, code) DO UPDATE SET due_on = EXCLUDED.due_on, rule_key = EXCLUDED.rule_key,
					    rule_args = EXCLUDED.rule_args, done_at = NULL""")
				.param("id", id)
				.param("code", deadline.code())
				.param("position", position++)
				.param("due", deadline.dueOn())
				.param("key", deadline.rule().key())
				.param("args", arguments(deadline.rule()))
				.update();
		}
		refreshDue(id);
	}

	/**
	 * Marks a deadline met (an acknowledgement sent); the case's next due date follows.
	 */
	@Transactional
	void meet(UUID id, String code) {
		this.jdbc
			.sql("""
					UPDATE casework_deadlines SET done_at = :now WHERE case_id = :id AND code = :code AND done_at IS NULL""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("code", code)
			.update();
		refreshDue(id);
	}

	private void refreshDue(UUID id) {
		this.jdbc.sql("""
				UPDATE casework_cases SET due_on = (SELECT min(due_on) FROM casework_deadlines
				    WHERE case_id = :id AND done_at IS NULL) WHERE id = :id""").param("id", id).update();
	}

	/** The case, whoever asks (callers check scope through the {@code case} locator). */
	@Transactional(readOnly = true)
	public CaseView get(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("case", id.toString()));
	}

	@Transactional(readOnly = true)
	public Optional<CaseView> find(UUID id) {
		List<CaseView> found = read("k.id = :id", Map.of("id", id), 1);
		return found.stream().findFirst();
	}

	/** The account's cases, open first, newest first. */
	@Transactional(readOnly = true)
	public List<CaseView> ofAccount(AccountId account) {
		return read("k.account_id = :account", Map.of("account", account.value()), 200).stream()
			.sorted(Comparator.comparing((CaseView c) -> !c.open())
				.thenComparing(CaseView::openedAt, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * The cases the caller reaches that match the filter: open ones due soonest first
	 * (the overdue at the top), then closed ones newest first.
	 */
	@Transactional(readOnly = true)
	public List<CaseView> search(CaseFilter filter, Authentication caller, int limit) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add(this.scopes.accountCondition(caller, "k.account_id", params));
		if (filter.type() != null) {
			where.add("k.type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.status() != null) {
			where.add("k.status = :status");
			params.put("status", filter.status().name());
		}
		else if (filter.openOnly()) {
			where.add("k.status <> 'CLOSED'");
		}
		if (filter.dueBefore() != null) {
			where.add("k.due_on <= :dueBefore");
			params.put("dueBefore", filter.dueBefore());
		}
		if (filter.owner() != null) {
			where.add("k.owner_user = :owner");
			params.put("owner", filter.owner());
		}
		if (filter.account() != null) {
			where.add("k.account_id = :account");
			params.put("account", filter.account());
		}
		return read(String.join(" AND ", where), params, limit);
	}

	/** What the Cases page and the API filter by; null for any. */
	public record CaseFilter(@Nullable CaseType type, @Nullable CaseStatus status, @Nullable LocalDate dueBefore,
			@Nullable String owner, @Nullable UUID account, boolean openOnly) {
	}

	private List<CaseView> read(String where, Map<String, ?> params, int limit) {
		List<Row> rows = this.jdbc.sql("""
				SELECT k.* FROM casework_cases k WHERE %s
				ORDER BY (k.status = 'CLOSED'), CASE WHEN k.status <> 'CLOSED' THEN k.due_on END NULLS LAST,
				    k.opened_at DESC, k.number DESC
				LIMIT %d""".formatted(where, limit)).params(params).query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		Map<UUID, List<CaseDeadline>> deadlines = new HashMap<>();
		this.jdbc.sql("""
				SELECT d.* FROM casework_deadlines d JOIN unnest(CAST(:ids AS uuid[])) i(id) ON i.id = d.case_id
				ORDER BY d.case_id, d.position""").param("ids", ids).query((rs, n) -> {
			deadlines.computeIfAbsent(rs.getObject("case_id", UUID.class), (k) -> new ArrayList<>()).add(deadline(rs));
			return null;
		}).list();
		Map<AccountId, String> refs = this.accounts
			.refs(rows.stream().map((r) -> new AccountId(r.accountId())).distinct().toList());
		List<CaseView> views = new ArrayList<>();
		for (Row r : rows) {
			views.add(r.view(refs.getOrDefault(new AccountId(r.accountId()), "?"),
					deadlines.getOrDefault(r.id(), List.of()), facts(r.facts())));
		}
		return views;
	}

	private Map<String, String> facts(String text) {
		return this.json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	private static CaseDeadline deadline(ResultSet rs) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new CaseDeadline(rs.getString("code"), rs.getObject("due_on", LocalDate.class),
				phrase(rs.getString("rule_key"), rs.getArray("rule_args")), (done == null) ? null : done.toInstant());
	}

	/** A phrase's arguments as kept. */
	static String[] arguments(Phrase phrase) {
		return phrase.arguments().stream().map(Cases::argument).toArray(String[]::new);
	}

	/** A phrase as kept. */
	static @Nullable Phrase phrase(@Nullable String key, java.sql.@Nullable Array args) throws SQLException {
		if (key == null) {
			return null;
		}
		String[] kept = (args == null) ? new String[0] : (String[]) args.getArray();
		return new Phrase(key, Arrays.stream(kept).map(Cases::parse).toList());
	}

	/**
	 * A rule's argument as kept: a date as {@code d:yyyy-MM-dd}, a number as {@code n:…},
	 * else text.
	 */
	static String argument(Object value) {
		if (value instanceof LocalDate date) {
			return "d:" + date;
		}
		if (value instanceof Integer || value instanceof Long) {
			return "n:" + value;
		}
		if (value instanceof Money money) {
			return "m:" + money.currencyCode() + money.amount().toPlainString();
		}
		if (value instanceof BigDecimal decimal) {
			return "b:" + decimal.toPlainString();
		}
		if (value instanceof Instant instant) {
			return "i:" + instant;
		}
		if (value instanceof java.time.LocalTime time) {
			return "h:" + time;
		}
		if (value instanceof Phrase phrase) {
			List<String> parts = new ArrayList<>();
			parts.add(phrase.key());
			phrase.arguments().forEach((a) -> parts.add(argument(a)));
			return "p:" + KEPT.writeValueAsString(parts);
		}
		return "t:" + value;
	}

	static Object parse(String kept) {
		String value = kept.substring(2);
		return switch (kept.charAt(0)) {
			case 'd' -> LocalDate.parse(value);
			case 'n' -> Long.valueOf(value);
			case 'm' ->
				Money.of(new BigDecimal(value.substring(3)), java.util.Currency.getInstance(value.substring(0, 3)));
			case 'b' -> new BigDecimal(value);
			case 'i' -> Instant.parse(value);
			case 'h' -> java.time.LocalTime.parse(value);
			case 'p' -> {
				List<String> parts = KEPT.readValue(value, new TypeReference<List<String>>() {
				});
				yield new Phrase(parts.get(0), parts.subList(1, parts.size()).stream().map(Cases::parse).toList());
			}
			default -> value;
		};
	}

	private record Row(UUID id, long number, CaseType type, CaseStatus status, UUID accountId, UUID customerId,
			UUID creditorId, String jurisdiction, String category, @Nullable String channel, String description,
			@Nullable BigDecimal amount, String currency, LocalDate receivedOn, @Nullable String ownerUser,
			@Nullable UUID ownerTeam, @Nullable UUID holdId, boolean holdsCollection, @Nullable Phrase why,
			@Nullable LocalDate dueOn, String facts, @Nullable CaseOutcome outcome, @Nullable String outcomeReason,
			Instant openedAt, String openedBy, @Nullable Instant closedAt, @Nullable String closedBy, int version) {

		CaseView view(String accountRef, List<CaseDeadline> deadlines, Map<String, String> facts) {
			return new CaseView(this.id, this.number, this.type, this.status, this.accountId, accountRef,
					this.customerId, this.creditorId, this.jurisdiction, this.category, this.channel, this.description,
					(this.amount == null) ? null : Money.of(this.amount, java.util.Currency.getInstance(this.currency)),
					this.currency, this.receivedOn, this.ownerUser, this.ownerTeam, this.holdId, this.holdsCollection,
					this.why, this.dueOn, facts, this.outcome, this.outcomeReason, this.openedAt, this.openedBy,
					this.closedAt, this.closedBy, this.version, deadlines);
		}

	}

	private static Row row(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		String outcome = rs.getString("outcome");
		return new Row(rs.getObject("id", UUID.class), rs.getLong("number"), CaseType.valueOf(rs.getString("type")),
				CaseStatus.valueOf(rs.getString("status")), rs.getObject("account_id", UUID.class),
				rs.getObject("customer_id", UUID.class), rs.getObject("creditor_id", UUID.class),
				rs.getString("jurisdiction"), rs.getString("category"), rs.getString("channel"),
				rs.getString("description"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("received_on", LocalDate.class), rs.getString("owner_user"),
				rs.getObject("owner_team", UUID.class), rs.getObject("hold_id", UUID.class),
				rs.getBoolean("holds_collection"), phrase(rs.getString("why_key"), rs.getArray("why_args")),
				rs.getObject("due_on", LocalDate.class), rs.getString("facts"),
				(outcome == null) ? null : CaseOutcome.valueOf(outcome), rs.getString("outcome_reason"),
				rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
				(closed == null) ? null : closed.toInstant(), rs.getString("closed_by"), rs.getInt("version"));
	}

	/** The case's timeline, oldest first. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(UUID id) {
		return this.jdbc.sql("""
				SELECT id, at, by_user, kind, status, text, letter_id, file_name, said FROM casework_timeline
				WHERE case_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("by_user"), rs.getString("kind"), rs.getString("status"), rs.getString("text"),
					rs.getObject("letter_id", UUID.class), rs.getString("file_name"),
					said(rs.getString("kind"), rs.getString("text"), rs.getString("said"))))
			.list();
	}

	/** Why a case was acknowledged, as pages say it. */
	static final String WHY_ACKNOWLEDGED = "casework.why.acknowledged";

	/** Why a dispute's status moved on: its verification went out. */
	static final String WHY_VERIFICATION_SENT = "casework.why.verificationSent";

	/** Why a legal referral became active: a manager approved it. */
	static final String WHY_APPROVED = "casework.why.approved";

	/** The attorney hold placed on an active referral to an attorney. */
	static final String WHY_ATTORNEY_HOLD = "casework.why.attorneyHold";

	/**
	 * The English whys casework wrote on status changes before it kept their phrase,
	 * which pages still say in the reader's language.
	 */
	static final Map<String, String> SAID_BEFORE = Map.of("acknowledged", WHY_ACKNOWLEDGED, "verification sent",
			WHY_VERIFICATION_SENT, "approved", WHY_APPROVED, "attorney hold placed", WHY_ATTORNEY_HOLD);

	private static @Nullable Phrase said(String kind, @Nullable String text, @Nullable String json) {
		Phrase said = PhraseJson.read(json);
		if (said == null && "STATUS".equals(kind) && text != null && SAID_BEFORE.containsKey(text)) {
			return Phrase.of(SAID_BEFORE.get(text));
		}
		return said;
	}

	/** A document kept on the case's timeline: its name, type and bytes. */
	@Transactional(readOnly = true)
	public Optional<Document> document(UUID caseId, long entryId) {
		return this.jdbc.sql("""
				SELECT file_name, media_type, document FROM casework_timeline
				WHERE case_id = :case AND id = :id AND document IS NOT NULL""")
			.param("case", caseId)
			.param("id", entryId)
			.query((rs, n) -> new Document(rs.getString("file_name"), rs.getString("media_type"),
					rs.getBytes("document")))
			.optional();
	}

	/** A document on a case. */
	public record Document(String fileName, String mediaType, byte[] bytes) {
	}

	/** A note on the case. */
	@Transactional
	public void note(UUID id, String text, String actor) {
		CaseView c = get(id);
		entry(c.id(), actor, "NOTE", null, required("text", text), null);
	}

	/** A document (evidence, a court paper) added to the case. */
	@Transactional
	public void attach(UUID id, String fileName, String mediaType, byte[] bytes, @Nullable String text, String actor) {
		CaseView c = get(id);
		if (bytes.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		if (bytes.length > 10 * 1024 * 1024) {
			throw new InvalidInputException("file", "is larger than 10 MB");
		}
		this.jdbc.sql("""
				INSERT INTO casework_timeline (case_id, at, by_user, kind, text, document, file_name, media_type)
				VALUES (:case, :at, :by, 'DOCUMENT', :text, :bytes, :name, :type)""")
			.param("case", c.id())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor)
			.param("text", text)
			.param("bytes", bytes)
			.param("name", fileName)
			.param("type", mediaType)
			.update();
	}

	/** Gives the case to a user or a team, on the timeline. */
	@Transactional
	public CaseView assign(UUID id, @Nullable String user, @Nullable UUID team, String actor) {
		CaseView c = get(id);
		if (!c.open()) {
			throw new ConflictException("case %s is closed".formatted(c.reference()));
		}
		if (user == null && team == null) {
			throw new InvalidInputException("owner", "name a user or a team");
		}
		this.jdbc
			.sql("UPDATE casework_cases SET owner_user = :user, owner_team = :team, version = version + 1"
					+ " WHERE id = :id")
			.param("user", user)
			.param("team", team)
			.param("id", id)
			.update();
		entry(id, actor, "OWNER", null, (user != null) ? user : String.valueOf(team), null);
		return get(id);
	}

	/**
	 * Moves the case from one status to another, refusing when it is no longer in the
	 * status the move starts from (another user moved it first).
	 */
	@Transactional
	void move(CaseView c, CaseStatus to, @Nullable String why, String actor) {
		move(c, to, why, null, actor);
	}

	/**
	 * As {@link #move(CaseView, CaseStatus, String, String)}, with the why as pages say
	 * it in the reader's language.
	 */
	@Transactional
	void move(CaseView c, CaseStatus to, @Nullable String why, @Nullable Phrase said, String actor) {
		int changed = this.jdbc.sql("""
				UPDATE casework_cases SET status = :to, version = version + 1
				WHERE id = :id AND status = :from AND version = :version""")
			.param("to", to.name())
			.param("id", c.id())
			.param("from", c.status().name())
			.param("version", c.version())
			.update();
		if (changed == 0) {
			throw new ConflictException("case %s changed meanwhile; read it again".formatted(c.reference()));
		}
		entry(c.id(), actor, "STATUS", to.name(), why, null, said);
	}

	/** Ends the case with its outcome; its open deadlines no longer count. */
	@Transactional
	void close(CaseView c, CaseOutcome outcome, String reason, String actor) {
		if (!CaseOutcome.of(c.type()).contains(outcome)) {
			throw new InvalidInputException("outcome",
					"a %s cannot end %s; it may end %s".formatted(c.type(), outcome, CaseOutcome.of(c.type())));
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				UPDATE casework_cases SET status = 'CLOSED', outcome = :outcome, outcome_reason = :reason,
				    closed_at = :now, closed_by = :actor, holds_collection = false, due_on = NULL,
				    version = version + 1
				WHERE id = :id AND status <> 'CLOSED' AND version = :version""")
			.param("outcome", outcome.name())
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", c.id())
			.param("version", c.version())
			.update();
		if (changed == 0) {
			throw new ConflictException(
					"case %s changed meanwhile or is closed; read it again".formatted(c.reference()));
		}
		entry(c.id(), actor, "OUTCOME", outcome.name(), reason, null);
	}

	/** Records that the case no longer stops collection (verification sent). */
	@Transactional
	void releaseCollection(UUID id) {
		this.jdbc.sql("UPDATE casework_cases SET holds_collection = false WHERE id = :id").param("id", id).update();
	}

	/** Keeps a fact of the case (a hearing's date, a notice's dispatch). */
	@Transactional
	void fact(UUID id, String name, String value) {
		this.jdbc.sql("""
				UPDATE casework_cases SET facts = facts || jsonb_build_object(CAST(:name AS text), CAST(:value AS text))
				WHERE id = :id""").param("name", name).param("value", value).param("id", id).update();
	}

	/** A line on the case's timeline. */
	@Transactional
	void entry(UUID id, String actor, String kind, @Nullable String status, @Nullable String text,
			@Nullable UUID letter) {
		entry(id, actor, kind, status, text, letter, null);
	}

	/** A line on the case's timeline, with its text as pages say it. */
	@Transactional
	void entry(UUID id, String actor, String kind, @Nullable String status, @Nullable String text,
			@Nullable UUID letter, @Nullable Phrase said) {
		this.jdbc.sql("""
				INSERT INTO casework_timeline (case_id, at, by_user, kind, status, text, letter_id, said)
				VALUES (:case, :at, :by, :kind, :status, :text, :letter, CAST(:said AS jsonb))""")
			.param("said", PhraseJson.write(said))
			.param("case", id)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor)
			.param("kind", kind)
			.param("status", status)
			.param("text", text)
			.param("letter", letter)
			.update();
	}

	/** Open cases of these accounts that stop collection, by account. */
	@Transactional(readOnly = true)
	public Map<UUID, List<CaseView>> openOf(Collection<UUID> accounts) {
		Map<UUID, List<CaseView>> out = new HashMap<>();
		if (accounts.isEmpty()) {
			return out;
		}
		read("k.account_id = ANY(:accounts) AND k.status <> 'CLOSED'",
				Map.of("accounts", accounts.toArray(UUID[]::new)), 1000)
			.forEach((c) -> out.computeIfAbsent(c.accountId(), (k) -> new ArrayList<>()).add(c));
		return out;
	}

	static String required(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		if (text.length() > TEXT_LIMIT) {
			throw new InvalidInputException(field, "is longer than %d characters".formatted(TEXT_LIMIT));
		}
		return text.strip();
	}

}
