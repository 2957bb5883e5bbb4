package org.dues.work;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads' and managers' accounts browser: the accounts that match a queue's filters
 * (and who owns them, which team's they are, which queue holds them), counted and paged
 * in the database after the reader's scope, with the same SQL condition a queue uses
 * ({@link QueueFilters}, {@link Queues.QueueView#selection}) and the same scope condition
 * as the account search, so what is counted is what may be opened and acted on.
 */
@Service
public class AccountBrowser {

	/** Accounts on a page. */
	public static final int PAGE_SIZE = 25;

	/** A reference to the owner's or the customer's columns in a condition. */
	private static final Pattern OWNER = Pattern.compile("(?<![A-Za-z0-9_])w\\.");

	private static final Pattern CUSTOMER = Pattern.compile("(?<![A-Za-z0-9_])cu\\.");

	private final JdbcClient jdbc;

	private final Queues queues;

	private final Teams teams;

	private final QueueChecks checks;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final WorkAccess access;

	AccountBrowser(JdbcClient jdbc, Queues queues, Teams teams, QueueChecks checks, Accounts accounts,
			CustomerManagement customers, WorkAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.queues = queues;
		this.teams = teams;
		this.checks = checks;
		this.accounts = accounts;
		this.customers = customers;
	}

	/**
	 * How many accounts in the reader's scope match, and one page of them in the order
	 * asked for.
	 * @param page from 0; a page past the last is empty, with the count
	 * @throws InvalidInputException naming a filter that matches nothing (a made-up
	 * bucket, creditor or language), as a queue's filters are checked
	 */
	@Transactional(readOnly = true)
	public Page browse(Criteria criteria, BrowseSort sort, int page, Authentication reader) {
		this.checks.check(criteria.filters());
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(criteria, reader, params);
		long total = this.jdbc.sql("SELECT count(*) " + from(where) + " WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		int current = Math.max(page, 0);
		long first = (long) current * PAGE_SIZE;
		if (total <= first) {
			return new Page(List.of(), total, current);
		}
		params.put("browseLimit", PAGE_SIZE);
		params.put("browseOffset", first);
		// the page's ids alone, so the sort keeps only the page's rows (a top-N sort);
		// the owners and the accounts are read for those 25
		List<UUID> ids = this.jdbc
			.sql("SELECT a.id " + from(where) + " WHERE " + where + " ORDER BY " + sort.sql
					+ " LIMIT :browseLimit OFFSET :browseOffset")
			.params(params)
			.query(UUID.class)
			.list();
		Map<UUID, String> owners = new HashMap<>();
		this.jdbc
			.sql("SELECT account_id, agent FROM work_assignments WHERE account_id = ANY(:ids) AND agent IS NOT NULL")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs) -> {
				owners.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		Map<AccountId, AccountView> views = this.accounts.getAll(ids.stream().map(AccountId::new).toList());
		Map<org.dues.customer.CustomerId, CustomerView> names = this.customers
			.getAll(views.values().stream().map(AccountView::customerId).distinct().toList());
		List<Row> rows = new ArrayList<>();
		for (UUID id : ids) {
			AccountView account = views.get(new AccountId(id));
			if (account != null) {
				CustomerView customer = names.get(account.customerId());
				rows.add(new Row(account, (customer == null) ? "" : customer.name(), owners.get(id)));
			}
		}
		return new Page(rows, total, current);
	}

	/**
	 * The ids of the accounts in the reader's scope that match, in the order given, at
	 * most {@code limit}: the "all matching" of a bulk action, read in its transaction.
	 */
	List<UUID> ids(Criteria criteria, BrowseSort sort, Authentication reader, int limit) {
		this.checks.check(criteria.filters());
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(criteria, reader, params);
		params.put("browseLimit", limit);
		return this.jdbc
			.sql("SELECT a.id " + from(where) + " WHERE " + where + " ORDER BY " + sort.sql + " LIMIT :browseLimit")
			.params(params)
			.query(UUID.class)
			.list();
	}

	/**
	 * The ids of the accounts in the reader's scope that match, most days past due first,
	 * at most {@code limit}: a selection another module acts on (a bulk message). Outside
	 * the reader's scope an account is never among them.
	 * @throws InvalidInputException naming a filter that matches nothing
	 */
	@Transactional(readOnly = true)
	public List<UUID> select(Criteria criteria, Authentication reader, int limit) {
		return ids(criteria, BrowseSort.DPD_DESC, reader, limit);
	}

	/**
	 * The accounts, joined to the customer's routing facts ({@code cu}) and to their
	 * owner ({@code w}) only where the condition reads them: a count of every account
	 * then reads the accounts alone.
	 */
	private static String from(String where) {
		return "FROM portfolio_account_facts a"
				+ (CUSTOMER.matcher(where).find() ? " JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id"
						: "")
				+ (OWNER.matcher(where).find() ? " LEFT JOIN work_assignments w ON w.account_id = a.id" : "");
	}

	/**
	 * The condition of the criteria and the reader's reach (the scope check's rules, read
	 * from the row: {@link WorkAccess#rowCondition}). Its own parameters are named
	 * {@code b…}, clear of the reach's ({@code reach…}, {@code f0_…}, {@code sq0_…}).
	 */
	private String where(Criteria criteria, Authentication reader, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add(criteria.filters().sql("b_", params));
		switch (criteria.owned()) {
			case POOLED -> where.add("w.agent IS NULL");
			case OWNED -> where.add("w.agent IS NOT NULL");
			case BY_AGENT -> {
				where.add("w.agent = :bAgent");
				params.put("bAgent", Objects.requireNonNull(criteria.agent()));
			}
			case ANY -> {
			}
		}
		if (criteria.team() != null) {
			// the team's: owned by one of its members, or pooled in one of its queues
			Teams.TeamView team = this.teams.get(criteria.team());
			params.put("bTeamMembers", team.members().toArray(String[]::new));
			List<String> queued = new ArrayList<>();
			List<Queues.QueueView> theirs = this.queues.all()
				.stream()
				.filter((q) -> q.teamId().equals(team.id()))
				.toList();
			for (int i = 0; i < theirs.size(); i++) {
				queued.add(theirs.get(i).selection("bt" + i + "_", params));
			}
			where.add("(w.agent = ANY(:bTeamMembers)"
					+ (queued.isEmpty() ? "" : " OR (w.agent IS NULL AND (" + String.join(" OR ", queued) + "))")
					+ ")");
		}
		if (criteria.queue() != null) {
			where.add("w.agent IS NULL AND " + this.queues.get(criteria.queue()).selection("bq_", params));
		}
		where.add(this.access.rowCondition(reader, params));
		return String.join(" AND ", where);
	}

	/**
	 * What the browser looks for: a queue's filters, and whose the accounts are.
	 *
	 * @param agent the owner, when {@code owned} is {@link Owned#BY_AGENT}
	 * @param team accounts owned by the team's members or pooled in its queues
	 * @param queue pooled accounts the queue holds
	 */
	public record Criteria(QueueFilters filters, Owned owned, @Nullable String agent, @Nullable UUID team,
			@Nullable UUID queue) {

		public Criteria {
			if (owned == Owned.BY_AGENT && (agent == null || agent.isBlank())) {
				throw new InvalidInputException("agent", "choose the agent whose accounts to show");
			}
			if (owned != Owned.BY_AGENT) {
				agent = null;
			}
		}

		/** Every active account. */
		public static Criteria everything() {
			return new Criteria(QueueFilters.everything(), Owned.ANY, null, null, null);
		}

	}

	/** Whose accounts. */
	public enum Owned {

		/** Anyone's, and pooled ones. */
		ANY,
		/** Pooled: no agent owns them. */
		POOLED,
		/** Owned by some agent. */
		OWNED,
		/** Owned by one agent. */
		BY_AGENT

	}

	/**
	 * An account found: the account, its customer's name and its owner (null when
	 * pooled).
	 */
	public record Row(AccountView account, String customerName, @Nullable String owner) {
	}

	/**
	 * A page of accounts.
	 *
	 * @param rows at most {@link #PAGE_SIZE}
	 * @param total how many accounts match in the reader's scope
	 * @param page from 0
	 */
	public record Page(List<Row> rows, long total, int page) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return (long) (this.page + 1) * PAGE_SIZE < this.total;
		}

		/** The position of the first account on the page, from 1 (0 when none). */
		public long from() {
			return this.rows.isEmpty() ? 0 : (long) this.page * PAGE_SIZE + 1;
		}

		/** The position of the last account on the page. */
		public long to() {
			return (long) this.page * PAGE_SIZE + this.rows.size();
		}

		/** How many pages there are. */
		public long pages() {
			return (this.total + PAGE_SIZE - 1) / PAGE_SIZE;
		}

	}

}
