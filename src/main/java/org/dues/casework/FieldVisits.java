package org.dues.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.customer.ContactPointStatus;
import org.dues.identity.Role;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.PostalAddress;
import org.dues.system.RecordScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field visits asked for and given out: a visit to the customer's address is asked for
 * from the desk, the API or the visit rule, with a reason and the day it is wanted; it
 * goes to the field agent whose area holds the address's postal code (the least loaded
 * that day where several do), or stays unassigned for a lead to give; a lead reassigns
 * it. One visit at a time per account. Checking in and the outcome are
 * {@link VisitCheckIns}'.
 */
@Service
public class FieldVisits {

	/** Where a visit request comes from. */
	public enum Source {

		DESK, API, RULE

	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final FieldAreas areas;

	private final VisitRows rows;

	private final Clock clock;

	FieldVisits(JdbcClient jdbc, Accounts accounts, Creditors creditors, CustomerManagement customers, FieldAreas areas,
			VisitRows rows, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.areas = areas;
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Asks for a visit to the account's customer on the day wanted (today, in the
	 * creditor's zone, when none is given), given to the agent named or, when none is, to
	 * the field agent whose area holds the address's postal code.
	 * @throws InvalidInputException if the reason is missing, the day has passed, or the
	 * agent named is no field agent
	 * @throws ConflictException if the account has a visit open already, or its customer
	 * no postal address to visit
	 */
	@Transactional
	public VisitView request(AccountId accountId, String reason, @Nullable LocalDate wantedOn, @Nullable String agent,
			Source source, String by) {
		AccountView account = this.accounts.get(accountId);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required");
		}
		if (reason.length() > 1000) {
			throw new InvalidInputException("reason", "must be at most 1000 characters");
		}
		LocalDate today = today(account);
		LocalDate dueOn = (wantedOn == null) ? today : wantedOn;
		if (dueOn.isBefore(today)) {
			throw new InvalidInputException("wantedOn", "%s has passed (today is %s)".formatted(dueOn, today));
		}
		if (dueOn.isAfter(today.plusDays(90))) {
			throw new InvalidInputException("wantedOn", "must be within 90 days");
		}
		if (agent != null && !agent.isBlank() && this.areas.agent(agent.strip()).isEmpty()) {
			throw new InvalidInputException("agent", "'%s' is no field agent".formatted(agent));
		}
		PostalAddress address = addressOf(account);
		if (address == null) {
			throw new ConflictException("the customer has no postal address in use to visit");
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('casework_visits/' || :account, 0))")
			.param("account", accountId.value().toString())
			.query(Object.class)
			.single();
		if (this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM casework_visits WHERE account_id = :account"
					+ " AND status IN ('OPEN', 'CHECKED_IN'))")
			.param("account", accountId.value())
			.query(Boolean.class)
			.single()) {
			throw new ConflictException("account %s has a visit open already".formatted(account.accountRef()));
		}
		String postal = FieldAreas.normalise(address.postalCode());
		String given = (agent != null && !agent.isBlank()) ? agent.strip() : byArea(postal, dueOn);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO casework_visits (id, account_id, customer_id, reason, source, due_on, address, postal_code,
					    agent, status, requested_at, requested_by)
					VALUES (:id, :account, :customer, :reason, :source, :dueOn, :address, :postal, :agent, 'OPEN', :now, :by)""")
			.param("id", id)
			.param("account", accountId.value())
			.param("customer", account.customerId().value())
			.param("reason", reason.strip())
			.param("source", source.name())
			.param("dueOn", dueOn)
			.param("address", address.oneLine())
			.param("postal", postal)
			.param("agent", given)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
		String why = (agent != null && !agent.isBlank()) ? "named when asked for"
				: (given == null) ? "no field agent covers " + postal : "area covers " + postal;
		history(new VisitId(id), given, by, why);
		return get(new VisitId(id));
	}

	/**
	 * Gives an open visit to a field agent, or takes it back to the unassigned ones
	 * ({@code agent} null), with the reason.
	 * @throws ConflictException if the visit is checked in, done or cancelled
	 * @throws InvalidInputException if the agent is no field agent
	 */
	@Transactional
	public VisitView assign(VisitId id, @Nullable String agent, @Nullable String why, String by) {
		VisitView visit = this.rows.lock(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
		if (visit.status() != VisitStatus.OPEN) {
			throw new ConflictException("visit %s is %s: only an open visit is reassigned".formatted(id,
					visit.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
		}
		String to = (agent == null || agent.isBlank()) ? null : agent.strip();
		if (to != null && this.areas.agent(to).isEmpty()) {
			throw new InvalidInputException("agent", "'%s' is no field agent".formatted(agent));
		}
		this.jdbc.sql("UPDATE casework_visits SET agent = :agent WHERE id = :id")
			.param("agent", to)
			.param("id", id.value())
			.update();
		history(id, to, by, (why == null || why.isBlank()) ? "reassigned" : why.strip());
		return get(id);
	}

	/** Cancels an open visit (no longer needed), with the reason. */
	@Transactional
	public VisitView cancel(VisitId id, String why, String by) {
		VisitView visit = this.rows.lock(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
		if (visit.status() != VisitStatus.OPEN) {
			throw new ConflictException("visit %s is not open".formatted(id));
		}
		this.jdbc.sql("UPDATE casework_visits SET status = 'CANCELLED' WHERE id = :id")
			.param("id", id.value())
			.update();
		history(id, visit.agent(), by,
				"cancelled: " + ((why == null || why.isBlank()) ? "no reason given" : why.strip()));
		return get(id);
	}

	/** A visit. */
	public VisitView get(VisitId id) {
		return this.rows.find(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
	}

	/** The account's visits, newest first. */
	public List<VisitView> ofAccount(AccountId account) {
		return this.rows.where("v.account_id = :account", Map.of("account", account.value()))
			.stream()
			.sorted(java.util.Comparator.comparing(VisitView::requestedAt).reversed())
			.toList();
	}

	/**
	 * The visits due on the day (and those still open from before it) that the caller
	 * reaches, of the agent named or of everyone; a field agent sees their own only. In
	 * route order: by agent, then postal code, then address.
	 */
	public List<VisitView> due(LocalDate day, @Nullable String agent, Authentication caller, RecordScope scope) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("day", day);
		StringBuilder where = new StringBuilder(
				"(v.due_on = :day OR (v.due_on < :day AND v.status IN ('OPEN', 'CHECKED_IN')))");
		where.append(" AND v.status <> 'CANCELLED'");
		String whose = fieldAgentOnly(caller) ? caller.getName() : agent;
		if (whose != null && !whose.isBlank()) {
			params.put("agent", whose.strip());
			where.append(" AND v.agent = :agent");
		}
		where.append(" AND ").append(scope.accountCondition(caller, "v.account_id", params));
		return this.rows.where(where.toString(), params);
	}

	/** How many visits the agent has due on the day, whatever became of them. */
	public int countDue(String agent, LocalDate day) {
		return this.jdbc.sql(
				"SELECT count(*) FROM casework_visits WHERE agent = :agent AND due_on = :day AND status <> 'CANCELLED'")
			.param("agent", agent)
			.param("day", day)
			.query(Integer.class)
			.single();
	}

	/** Who a visit was given to, when, by whom and why; oldest first. */
	public List<Assignment> assignments(VisitId id) {
		return this.jdbc.sql("""
				SELECT agent, assigned_at, assigned_by, why FROM casework_visit_assignments
				WHERE visit_id = :id ORDER BY assigned_at""")
			.param("id", id.value())
			.query((rs, n) -> new Assignment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** Today in the zone. */
	public LocalDate today(java.time.ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	/** The day as the creditor of the account counts it. */
	LocalDate today(AccountView account) {
		return LocalDate.now(this.clock.withZone(this.creditors.get(account.creditorId()).timeZone()));
	}

	/** The first postal address in use of the account's customer. */
	@Nullable PostalAddress addressOf(AccountView account) {
		CustomerView customer = this.customers.get(account.customerId());
		return customer.addresses()
			.stream()
			.filter((a) -> a.status() == ContactPointStatus.VALID)
			.map(CustomerView.Address::address)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The field agent whose area covers the postal code and who has the fewest visits
	 * that day (by name among equals); null when nobody covers it.
	 */
	@Nullable String byArea(@Nullable String postalCode, LocalDate day) {
		if (postalCode == null) {
			return null;
		}
		List<String> covering = this.areas.agents()
			.stream()
			.filter((a) -> a.covers(postalCode))
			.map(FieldAgentView::username)
			.toList();
		if (covering.isEmpty()) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT a.name FROM unnest(CAST(:agents AS text[])) AS a(name)
				ORDER BY (SELECT count(*) FROM casework_visits v WHERE v.agent = a.name AND v.due_on = :day
				          AND v.status <> 'CANCELLED'), a.name
				LIMIT 1""")
			.param("agents", covering.toArray(String[]::new))
			.param("day", day)
			.query(String.class)
			.single();
	}

	private void history(VisitId id, @Nullable String agent, String by, String why) {
		this.jdbc.sql("""
				INSERT INTO casework_visit_assignments (visit_id, agent, assigned_at, assigned_by, why)
				VALUES (:id, :agent, :now, :by, :why)""")
			.param("id", id.value())
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.param("why", why.length() > 500 ? why.substring(0, 500) : why)
			.update();
	}

	/** Whether the caller is a field agent and nothing more. */
	static boolean fieldAgentOnly(Authentication caller) {
		List<String> roles = caller.getAuthorities()
			.stream()
			.map(org.springframework.security.core.GrantedAuthority::getAuthority)
			.filter((a) -> a != null && a.startsWith("ROLE_"))
			.toList();
		return roles.equals(List.of(Role.FIELD_AGENT.authority()));
	}

	/** One giving of a visit. */
	public record Assignment(@Nullable String agent, java.time.Instant at, String by, String why) {
	}

}
