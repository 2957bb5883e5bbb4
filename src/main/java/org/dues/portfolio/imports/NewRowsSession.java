package org.dues.portfolio.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.dues.system.PostgresCopy;
import org.dues.system.RowTriggers;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A second database session that writes an import's new accounts (the accounts, their
 * first bucket moves and their placement entries) while the import's own transaction
 * writes the customers (new and known, with their contact points, through the customer
 * module) and the changes to known accounts, so that on two cores the two halves of the
 * merge run side by side. Used when {@code dues.imports.two-sessions} is {@code auto}
 * (the default) and the server allows it; docs/imports.md, "Two sessions, one commit".
 *
 * <p>
 * All or nothing still holds, by a two-phase commit. When both sessions' work is done,
 * this one sets the import COMPLETED (so that nobody sees it completed before its new
 * rows) and is prepared under a name that holds the id of the import's own transaction
 * ({@code PREPARE TRANSACTION 'dues-import/<import id>/<transaction id>'}); the import's
 * own transaction commits next and is the decision; the prepared one is committed right
 * after. Should the process stop between the two, {@link PreparedImports} settles the
 * prepared transaction by the fate of the import's own (committed or rolled back, as
 * PostgreSQL's {@code pg_xact_status} tells) when Dues starts and before the creditor's
 * next import. For the moment between the two commits, the import still reads RUNNING.
 *
 * <p>
 * The second session's rows refer to the first's (new accounts to new customers) before
 * either commits, so this needs row triggers off in both ({@link RowTriggers}: the import
 * guarantees the references itself), and a server that allows prepared transactions
 * ({@code max_prepared_transactions} above 0, as the embedded one is started with). A
 * prepared transaction may not touch temporary tables, so rows are handed over in
 * unlogged tables of the import's own, filled outside the transaction and dropped after
 * it. They live in the schema {@value #HANDOVER_SCHEMA}, the only one where the
 * application's role may create anything, and which is on no role's search path: the role
 * that runs the migrations never resolves a name there. Without that schema (a configured
 * server not given it), imports write in one session.
 */
final class NewRowsSession implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NewRowsSession.class);

	static final String GID_PREFIX = "dues-import/";

	static final String HANDOVER_PREFIX = "import_handover_";

	/** The schema of the handover tables, made by the migrations. */
	static final String HANDOVER_SCHEMA = "dues_handover";

	/** The tables the session writes, for {@link RowTriggers#suspend}. */
	private static final Map<String, Boolean> WRITES = Map.of("portfolio_accounts", false, "portfolio_ledger_entries",
			false, "portfolio_bucket_moves", false);

	private final Connection connection;

	private final JdbcClient jdbc;

	private final DataSource importTransaction;

	private final String tables;

	private final UUID importId;

	/** The name of the prepared transaction, once it is. */
	private String gid;

	/** The handover tables, each with what writes its rows, in order. */
	private final Map<String, BiConsumer<JdbcClient, String>> work = new LinkedHashMap<>();

	private @Nullable CompletableFuture<Void> running;

	/** Set once the prepared transaction is committed. */
	private boolean committed;

	private NewRowsSession(Connection connection, DataSource importTransaction, UUID importId) {
		this.connection = connection;
		this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		this.importTransaction = importTransaction;
		this.tables = HANDOVER_SCHEMA + "." + handoverTables(importId);
		this.importId = importId;
		this.gid = GID_PREFIX + importId;
	}

	/**
	 * Whether the server may hold prepared transactions and the application's role may
	 * create the handover tables; row triggers are asked for separately.
	 */
	static boolean possible(JdbcClient jdbc) {
		return jdbc
			.sql("""
					SELECT current_setting('max_prepared_transactions')::int > 0
					    AND EXISTS (SELECT FROM pg_namespace WHERE nspname = :schema AND has_schema_privilege(oid, 'CREATE'))""")
			.param("schema", HANDOVER_SCHEMA)
			.query(Boolean.class)
			.single();
	}

	/** The prefix of the import's handover tables' names, without their schema. */
	static String handoverTables(UUID importId) {
		return HANDOVER_PREFIX + importId.toString().replace("-", "");
	}

	/**
	 * Opens the session on a connection of its own.
	 * @param importTransaction the data source whose connection is bound to the import's
	 * transaction
	 */
	static NewRowsSession open(DataSource importTransaction, UUID importId) {
		try {
			Connection connection = importTransaction.getConnection();
			connection.setAutoCommit(true);
			return new NewRowsSession(connection, importTransaction, importId);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("no second database session for the import: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Receives rows from the import's transaction and keeps what writes them for
	 * {@link #start}. Call before it.
	 * @param rows a query run in the import's transaction
	 * @param columns the definitions of its columns, with the same types
	 * @param write writes the rows in this session, given its connection and the table
	 * that holds them
	 * @return the number of rows received
	 */
	long hand(String rows, String columns, BiConsumer<JdbcClient, String> write) {
		if (this.running != null) {
			throw new IllegalStateException("already started");
		}
		String table = this.tables + "_" + (this.work.size() + 1);
		this.jdbc.sql("CREATE UNLOGGED TABLE %s (%s)".formatted(table, columns)).update();
		this.work.put(table, write);
		// Binary: the columns have the same types on both sides, and nothing is turned
		// into text and back.
		return PostgresCopy.between(this.importTransaction, "COPY (" + rows + ") TO STDOUT (FORMAT binary)",
				this.connection, "COPY " + table + " FROM STDIN (FORMAT binary)");
	}

	/** Starts writing what was handed over, in order, on a thread of its own. */
	void start() {
		this.running = CompletableFuture.runAsync(this::write,
				(task) -> Thread.ofPlatform().name("dues-import-new-rows").daemon(true).start(task));
	}

	private void write() {
		long started = System.nanoTime();
		this.work.keySet().forEach((table) -> this.jdbc.sql("ANALYZE " + table).update());
		try {
			this.connection.setAutoCommit(false);
			try {
				this.jdbc.sql("SET LOCAL work_mem = '256MB'").update();
				this.jdbc.sql("SET LOCAL synchronous_commit = off").update();
				// The import's transaction waits for this one where PostgreSQL cannot see
				// it: a lock wait that might close a circle through it ends instead.
				this.jdbc.sql("SET LOCAL lock_timeout = '1min'").update();
				if (!RowTriggers.suspend(this.jdbc, WRITES)) {
					throw new IllegalStateException("row triggers could not be switched off in the second session");
				}
				this.work.forEach((table, write) -> write.accept(this.jdbc, table));
			}
			catch (RuntimeException ex) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		log.info("{}: new rows written in {} ms", this.gid, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Waits until the new rows are written, runs {@code last} in the session's
	 * transaction with row triggers back on, and prepares it for a commit.
	 * @param importTransaction the id of the import's own transaction, which decides
	 * whether a transaction left prepared by a stop is committed
	 * @param last what the session's transaction does last: what must become visible only
	 * with its new rows
	 * @throws RuntimeException what stopped the writing
	 */
	void prepare(long importTransaction, Consumer<JdbcClient> last) {
		if (this.running == null) {
			throw new IllegalStateException("not started");
		}
		try {
			this.running.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the new rows were written", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		try {
			try {
				RowTriggers.resume(this.jdbc);
				last.accept(this.jdbc);
				// Gone when the rows are visible, back if they never are.
				for (String table : this.work.keySet()) {
					this.jdbc.sql("DROP TABLE " + table).update();
				}
				this.gid = GID_PREFIX + this.importId + "/" + importTransaction;
				this.jdbc.sql("PREPARE TRANSACTION '" + this.gid + "'").update();
			}
			catch (RuntimeException ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				// After PREPARE the session is outside any transaction: nothing commits
				// here.
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Commits the prepared transaction: call once the import's own has committed. Should
	 * that fail, {@link #close} leaves it to {@link PreparedImports}, which commits it.
	 */
	void commit() {
		this.jdbc.sql("COMMIT PREPARED '" + this.gid + "'").update();
		this.committed = true;
	}

	private void cancel() {
		try {
			this.connection.unwrap(BaseConnection.class).cancelQuery();
		}
		catch (SQLException ex) {
			log.warn("{}: could not cancel the second session's statement: {}", this.gid, ex.getMessage());
		}
	}

	/**
	 * Ends the session: stops writing that is still going on, rolls back what was never
	 * prepared, settles what was by the fate of the import's own transaction (so a commit
	 * that failed on the way back but happened is honoured), drops the handover tables
	 * and returns the connection.
	 */
	@Override
	public void close() {
		try {
			if (this.running != null && !this.running.isDone()) {
				// The import failed: stop the writing rather than wait for it.
				cancel();
			}
			if (this.running != null) {
				try {
					this.running.join();
				}
				catch (RuntimeException ex) {
					// Reported by prepare; here only its end is waited for.
				}
			}
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
		}
		catch (RuntimeException | SQLException ex) {
			log.warn("{}: could not end the second session's transaction: {}", this.gid, ex.getMessage());
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			log.warn("{}: could not close the second session: {}", this.gid, ex.getMessage());
		}
		if (this.committed) {
			return;
		}
		try {
			// On a connection of its own: this one may be what failed.
			PreparedImports.settle(this.importTransaction, null);
		}
		catch (RuntimeException ex) {
			log.warn("{}: left for the next settling: {}", this.gid, ex.getMessage());
		}
	}

}
