package org.dues.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.work.ExternalWork;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing accounts with an agency and recalling them. An account is with one agency at a
 * time. While placed it is worked by the agency alone: it leaves the in-house queues and
 * the agency's agents get it from next account ({@link ExternalWork}); on recall (by a
 * manager, at the placement's expiry, or when a dispute or complaint opens) it comes back
 * to the in-house queues and the agency's users lose it at once.
 */
@Service
public class AgencyPlacements {

	/** The most accounts one placement takes. */
	public static final int MOST = 10_000;

	private static final String SELECT = """
			SELECT p.id, g.code, g.name, p.placed_from, p.placed_until, p.commission_rate, p.placed_at, p.placed_by,
			       (SELECT count(*) FROM casework_placement_accounts pa WHERE pa.placement_id = p.id) AS accounts,
			       (SELECT count(*) FROM casework_placement_accounts pa WHERE pa.placement_id = p.id
			        AND pa.recalled_at IS NULL) AS active
			FROM casework_placements p JOIN casework_agencies g ON g.id = p.agency_id""";

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Accounts accounts;

	private final ExternalWork work;

	private final Clock clock;

	AgencyPlacements(JdbcClient jdbc, Agencies agencies, Accounts accounts, ExternalWork work, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.accounts = accounts;
		this.work = work;
		this.clock = clock;
	}

	/**
	 * Places the accounts with the agency; nothing is written when any of them cannot be.
	 * @throws InvalidInputException naming the field: no accounts or too many, an account
	 * that does not exist or is not active, a period that starts after today or ends
	 * before it, a rate outside 0–100
	 * @throws ConflictException when the agency is not active, or any account is already
	 * with an agency (each named with its agency)
	 */
	@Transactional
	public PlacementView place(String agencyCode, NewPlacement placement, String by) {
		AgencyView agency = this.agencies.get(agencyCode);
		if (!agency.active()) {
			throw new ConflictException("agency %s is not active".formatted(agency.code()),
					Phrase.of("agencies.error.inactive", agency.code()));
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate from = (placement.from() != null) ? placement.from() : today;
		LocalDate until = placement.until();
		if (until == null) {
			throw new InvalidInputException("until", "is required", Phrase.of("agencies.error.untilRequired"));
		}
		if (from.isAfter(today)) {
			throw new InvalidInputException("from", "a placement starts today or earlier",
					Phrase.of("agencies.error.fromFuture"));
		}
		if (until.isBefore(today)) {
			throw new InvalidInputException("until", "a placement ends today or later",
					Phrase.of("agencies.error.untilPast"));
		}
		BigDecimal rate = Commission.rate("commissionRate",
				(placement.commissionRate() != null) ? placement.commissionRate() : agency.commissionRate());
		List<AccountId> ids = placement.accountIds().stream().distinct().map(AccountId::new).toList();
		if (ids.isEmpty()) {
			throw new InvalidInputException("accountIds", "choose at least one account",
					Phrase.of("agencies.error.noAccounts"));
		}
		if (ids.size() > MOST) {
			throw new InvalidInputException("accountIds", "a placement takes at most %d accounts".formatted(MOST),
					Phrase.of("agencies.error.tooMany", MOST));
		}
		Map<AccountId, AccountView> found = this.accounts.getAll(ids);
		for (AccountId id : ids) {
			AccountView account = found.get(id);
			if (account == null) {
				throw new InvalidInputException("accountIds", "there is no account %s".formatted(id.value()),
						Phrase.of("agencies.error.noSuchAccount", id.value().toString()));
			}
			if (account.status() != AccountStatus.ACTIVE) {
				throw new InvalidInputException("accountIds",
						"account %s is %s, not active".formatted(account.accountRef(), account.status()),
						Phrase.of("agencies.error.notActive", account.accountRef()));
			}
		}
		UUID[] uuids = ids.stream().map(AccountId::value).toArray(UUID[]::new);
		recallExpired(uuids, today);
		List<String> taken = this.jdbc.sql("""
				SELECT pa.account_id, g.code FROM casework_placement_accounts pa
				JOIN casework_placements p ON p.id = pa.placement_id JOIN casework_agencies g ON g.id = p.agency_id
				WHERE pa.account_id = ANY(:ids) AND pa.recalled_at IS NULL ORDER BY pa.account_id FOR UPDATE OF pa""")
			.param("ids", uuids)
			.query((rs, n) -> found.get(new AccountId(rs.getObject(1, UUID.class))).accountRef() + " ("
					+ rs.getString(2) + ")")
			.list();
		if (!taken.isEmpty()) {
			throw alreadyPlaced(taken);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO casework_placements (id, agency_id, placed_from, placed_until, commission_rate, placed_at,
				    placed_by)
				VALUES (:id, :agency, :from, :until, :rate, :now, :by)""")
			.param("id", id)
			.param("agency", agency.id())
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.param("rate", rate)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		try {
			this.jdbc.sql("""
					INSERT INTO casework_placement_accounts (placement_id, account_id, placed_at)
					SELECT :id, unnest(CAST(:ids AS uuid[])), :now""")
				.param("id", id)
				.param("ids", uuids)
				.param("now", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another placement of one of them committed since the check
			throw alreadyPlaced(List.of());
		}
		this.work.park(ids, agency.code(), by);
		return get(id);
	}

	/**
	 * Recalls every account of the placement still with the agency.
	 * @throws InvalidInputException when no reason is given
	 * @throws ConflictException when none is left to recall
	 * @throws NotFoundException when there is no such placement
	 */
	@Transactional
	public PlacementView recall(UUID placementId, @Nullable String reason, String by) {
		PlacementView placement = get(placementId);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required", Phrase.of("agencies.error.reasonRequired"));
		}
		List<UUID> recalled = recallWhere("pa.placement_id = :placement", Map.of("placement", placement.id()),
				"MANAGER", reason.strip(), by);
		if (recalled.isEmpty()) {
			throw new ConflictException("placement %s has no account left to recall".formatted(placementId),
					Phrase.of("agencies.error.nothingToRecall"));
		}
		return get(placementId);
	}

	/**
	 * Recalls the account from the agency it is placed with, if it is: the call to make
	 * when a dispute or complaint opens on it, so that the creditor handles the case
	 * itself. The agency's users lose the account at once, and it is back in the in-house
	 * queues.
	 * @param reason why, kept with the recall (e.g. "dispute opened")
	 * @param actor who or what recalled it
	 * @return whether the account was with an agency
	 */
	@Transactional
	public boolean recallAccount(UUID accountId, String reason, String actor) {
		return !recallWhere("pa.account_id = :account", Map.of("account", accountId), "CASE", reason, actor).isEmpty();
	}

	/**
	 * Recalls every account whose placement's period ended before today (the daily job).
	 * @return how many accounts were recalled
	 */
	@Transactional
	public int recallExpired() {
		return recallExpired(null, LocalDate.now(this.clock));
	}

	private int recallExpired(UUID @Nullable [] among, LocalDate today) {
		String where = "pa.placement_id IN (SELECT e.id FROM casework_placements e WHERE e.placed_until < :today)"
				+ ((among == null) ? "" : " AND pa.account_id = ANY(:among)");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("today", Date.valueOf(today));
		if (among != null) {
			params.put("among", among);
		}
		return recallWhere(where, params, "EXPIRY", "the placement ended", "system").size();
	}

	/** Recalls the accounts still placed that {@code where} picks, and unparks them. */
	private List<UUID> recallWhere(String where, Map<String, Object> params, String cause, String reason, String by) {
		List<UUID> recalled = this.jdbc.sql("""
				UPDATE casework_placement_accounts pa SET recalled_at = :now, recalled_by = :by, recall_cause = :cause,
				    recall_reason = :reason
				WHERE pa.recalled_at IS NULL AND %s
				RETURNING pa.account_id""".formatted(where))
			.params(params)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.param("cause", cause)
			.param("reason", reason)
			.query(UUID.class)
			.list();
		if (!recalled.isEmpty()) {
			this.work.unpark(recalled.stream().map(AccountId::new).toList(), by);
		}
		return recalled;
	}

	/**
	 * A placement.
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public PlacementView get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id")
			.param("id", id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("placement", id));
	}

	/** The agency's placements, newest first. */
	@Transactional(readOnly = true)
	public List<PlacementView> ofAgency(String agencyCode) {
		AgencyView agency = this.agencies.get(agencyCode);
		return this.jdbc.sql(SELECT + " WHERE p.agency_id = :agency ORDER BY p.placed_at DESC, p.id")
			.param("agency", agency.id())
			.query(this::view)
			.list();
	}

	/** The accounts of a placement, each with its recall if it was recalled. */
	@Transactional(readOnly = true)
	public List<PlacedAccount> accountsOf(UUID placementId) {
		List<PlacedAccount> rows = new ArrayList<>();
		this.jdbc.sql("""
				SELECT account_id, placed_at, recalled_at, recall_cause, recall_reason, recalled_by
				FROM casework_placement_accounts WHERE placement_id = :id ORDER BY placed_at, account_id""")
			.param("id", placementId)
			.query((rs, n) -> new PlacedAccount(rs.getObject("account_id", UUID.class),
					rs.getTimestamp("placed_at").toInstant(), instant(rs, "recalled_at"), rs.getString("recall_cause"),
					rs.getString("recall_reason"), rs.getString("recalled_by")))
			.list()
			.forEach(rows::add);
		return rows;
	}

	private static ConflictException alreadyPlaced(List<String> taken) {
		String named = String.join(", ", taken);
		return new ConflictException(taken.isEmpty() ? "an account is already placed with an agency"
				: "already placed with an agency: " + named, Phrase.of("agencies.error.alreadyPlaced", named));
	}

	private PlacementView view(ResultSet rs, int n) throws SQLException {
		LocalDate until = rs.getDate("placed_until").toLocalDate();
		int active = rs.getInt("active");
		String status = until.isBefore(LocalDate.now(this.clock)) ? PlacementView.EXPIRED
				: (active > 0) ? PlacementView.ACTIVE : PlacementView.RECALLED;
		BigDecimal rate = rs.getBigDecimal("commission_rate");
		return new PlacementView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getDate("placed_from").toLocalDate(), until,
				rate.setScale(Math.max(2, rate.stripTrailingZeros().scale())), status, rs.getInt("accounts"), active,
				rs.getTimestamp("placed_at").toInstant(), rs.getString("placed_by"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at == null) ? null : at.toInstant();
	}

	/**
	 * An account of a placement.
	 *
	 * @param recallCause {@code MANAGER}, {@code EXPIRY} or {@code CASE} (a dispute or
	 * complaint), null while it is with the agency
	 */
	public record PlacedAccount(UUID accountId, Instant placedAt, @Nullable Instant recalledAt,
			@Nullable String recallCause, @Nullable String recallReason, @Nullable String recalledBy) {
	}

}
