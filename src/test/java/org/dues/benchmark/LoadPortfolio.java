package org.dues.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.portfolio.imports.ImportView;
import org.dues.system.DatabaseServer;
import org.dues.system.Superuser;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load test's portfolio, set up through the application's own paths: an Indian
 * lender's generated allocation file (every row valid) imported as a first placement, the
 * agents created as users, and each agent owning an equal share of the accounts, dealt
 * round-robin in file order so every agent has a mix of arrears and balances. A benchmark
 * imports it as a bean ({@code @Import(LoadPortfolio.class)}) and shapes its floor with
 * the teams, queues and pool below.
 */
final class LoadPortfolio {

	static final String CREDITOR = "LOAD";

	private final Creditors creditors;

	private final AllocationImports imports;

	private final UserManagement users;

	private final NextAccount work;

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Queues queues;

	private final DatabaseServer server;

	LoadPortfolio(Creditors creditors, AllocationImports imports, UserManagement users, NextAccount work,
			JdbcClient jdbc, Teams teams, Queues queues, DatabaseServer server) {
		this.server = server;
		this.teams = teams;
		this.queues = queues;
		this.creditors = creditors;
		this.imports = imports;
		this.users = users;
		this.work = work;
		this.jdbc = jdbc;
	}

	/**
	 * Imports the accounts and deals them to new agents, the first {@code restedEach} of
	 * each agent's list already called an hour ago (resting, as by early afternoon);
	 * returns the agents' names.
	 */
	List<String> seed(int agents, int accountsEach, int restedEach, Instant now, String password) throws Exception {
		return seed(agents, accountsEach, restedEach, now, password, false);
	}

	/**
	 * As {@link #seed(int, int, int, Instant, String)}; when {@code pooled}, no account
	 * is assigned: the agents form one team whose queue holds the accounts 31 to 90 days
	 * past due (SMA-1 and SMA-2, about a third of them), most overdue first, routed by
	 * language (the agents speak Hindi and English, a third of the customers Malayalam),
	 * and the first {@code restedEach} times the agents' count accounts of the queue
	 * rest.
	 */
	List<String> seed(int agents, int accountsEach, int restedEach, Instant now, String password, boolean pooled)
			throws Exception {
		int rows = agents * accountsEach;
		place(rows);
		List<String> names = new ArrayList<>();
		for (int n = 1; n <= agents; n++) {
			String name = "agent%03d".formatted(n);
			this.users.createIfAbsent(new NewUser(name, "Agent " + n, password, Set.of(Role.AGENT), List.of("en", "hi"),
					List.of(), "LOAD-" + n, java.time.LocalDate.of(2030, 12, 31)));
			names.add(name);
		}
		List<UUID> accounts = this.jdbc.sql("SELECT id FROM portfolio_accounts ORDER BY account_ref")
			.query(UUID.class)
			.list();
		if (pooled) {
			queue(team("Load pool", null, names), "SMA-1 and SMA-2", new QueueFilters(List.of(CREDITOR),
					List.of("SMA-1", "SMA-2"), null, null, null, null, List.of(), List.of(), List.of(), List.of()), 1,
					"load-test");
			int rested = this.jdbc.sql("""
					INSERT INTO work_dispositions (id, account_id, result, agent, recorded_at)
					SELECT gen_random_uuid(), id, 'NO_ANSWER', 'agent001', :at
					FROM portfolio_accounts WHERE status = 'ACTIVE' AND bucket IN ('SMA-1', 'SMA-2')
					ORDER BY days_past_due DESC, principal + interest + fees DESC, id LIMIT :count""")
				.param("at", Timestamp.from(now.minus(Duration.ofHours(1))))
				.param("count", restedEach * agents)
				.update();
			System.out.printf("%,d pooled accounts resting after a call an hour ago%n", rested);
			settle();
			// listed again, as the 5-minute pass would before the agents come in
			this.queues.refreshMembers();
			return names;
		}
		for (int n = 0; n < agents; n++) {
			List<AccountId> share = new ArrayList<>(accountsEach);
			for (int i = n; i < accounts.size(); i += agents) {
				share.add(new AccountId(accounts.get(i)));
			}
			this.work.assignAll(share, names.get(n), "load-test");
		}
		int rested = this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, result, agent, recorded_at)
				SELECT gen_random_uuid(), account_id, 'NO_ANSWER', agent, :at
				FROM (SELECT account_id, agent, row_number() OVER (PARTITION BY agent
				          ORDER BY days_past_due DESC, balance DESC, account_id) AS n
				      FROM work_assignments WHERE agent IS NOT NULL) own
				WHERE n <= :each""")
			.param("at", Timestamp.from(now.minus(Duration.ofHours(1))))
			.param("each", restedEach)
			.update();
		System.out.printf("%,d accounts resting after a call an hour ago%n", rested);
		settle();
		return names;
	}

	/**
	 * The database as a night's maintenance leaves it before a shift comes in: every
	 * table vacuumed and analysed after the import and the dealing, and a checkpoint, so
	 * that autovacuum's passes over a million fresh rows and the checkpoint they are due
	 * are not running in the middle of the measured phase (they would on the two cores
	 * the agents' requests share, and count as the database's CPU in the burst).
	 */
	private void settle() throws SQLException {
		long start = System.nanoTime();
		try (Connection connection = Superuser.connection(this.server)) {
			connection.createStatement().execute("VACUUM (ANALYZE)");
			connection.createStatement().execute("CHECKPOINT");
		}
		System.out.printf("vacuumed, analysed and checkpointed in %.1f s%n", (System.nanoTime() - start) / 1e9);
	}

	/**
	 * Creates the lender and imports a generated file of {@code rows} valid rows as its
	 * first placement (one account, and mostly one customer, a row).
	 */
	void place(int rows) throws Exception {
		Path file = Path.of("target/benchmark/allocation-valid-" + rows + ".csv");
		if (!Files.exists(file)) {
			AllocationFileGenerator.write(file, rows, 42, false);
		}
		this.creditors
			.create(new NewCreditor(CREDITOR, "Load Test NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		long started = System.nanoTime();
		ImportView view;
		try (InputStream in = Files.newInputStream(file)) {
			view = this.imports.start(CREDITOR, file.getFileName().toString(), in, null, "load-test");
		}
		while (view.status() == ImportView.ImportStatus.RUNNING) {
			Thread.sleep(500);
			view = this.imports.get(view.id());
		}
		System.out.printf("imported %,d rows in %.0f s: %s, created %,d, rejected %,d%n", rows,
				(System.nanoTime() - started) / 1e9, view.status(), view.rowsCreated(), view.rowsRejected());
		if (view.rowsCreated() != rows) {
			throw new IllegalStateException(
					"the import created %,d accounts of %,d: %s".formatted(view.rowsCreated(), rows, view.message()));
		}
	}

	/** Puts every account of the given agents back in the pool. */
	void toPool(List<String> agents, String by) {
		for (String agent : agents) {
			this.work.reassignFrom(agent, null, by);
		}
	}

	/** A team lead speaking English, created if absent. */
	String lead(String username, String name, String password) {
		this.users.createIfAbsent(new NewUser(username, name, password, Set.of(Role.TEAM_LEAD), List.of("en")));
		return username;
	}

	/** A new team of the given agents, led by {@code lead} or by nobody. */
	Teams.TeamView team(String name, @Nullable String lead, List<String> agents) {
		Teams.TeamView team = this.teams.create(name, lead);
		for (String agent : agents) {
			this.teams.addMember(team.id(), agent);
		}
		return team;
	}

	/** A queue of the team, most days past due first. */
	Queues.QueueView queue(Teams.TeamView team, String name, QueueFilters filters, int priority, String by) {
		return this.queues.define(team.id(), name, filters, QueueSort.DPD_DESC, priority, by);
	}

}
