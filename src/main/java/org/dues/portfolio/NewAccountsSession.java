package org.dues.portfolio;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * A second database session that places an import's new accounts (the accounts, their
 * first bucket moves and their placement entries) while the import's own transaction
 * writes the customers and their contact points, so that on two cores the two halves of
 * the merge run side by side.
 *
 * <p>
 * All or nothing still holds, by a two-phase commit: the session's transaction is
 * prepared ({@code PREPARE TRANSACTION 'dues-import/<id>'}) when its work is done; the
 * import's own transaction, which sets the import COMPLETED, commits next and is the
 * decision; the prepared one is committed right after. Should the process stop between
 * the two, {@link PreparedImports} settles the prepared transaction by the import's
 * status (committed when COMPLETED, rolled back otherwise) when Dues starts and before
 * the creditor's next import.
 *
 * <p>
 * The new accounts refer to customers the import's transaction writes and has not
 * committed, so this needs row triggers off in both sessions ({@link RowTriggers}: the
 * import guarantees the references itself), and a server that allows prepared
 * transactions ({@code max_prepared_transactions} above 0, as the embedded one is started
 * with). A prepared transaction may not touch temporary tables, so the rows are handed
 * over in an unlogged table of the import's own, committed outside the transaction and
 * dropped after it.
 */
final class NewAccountsSession implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NewAccountsSession.class);

	static final String GID_PREFIX = "dues-import/";

	static final String HANDOVER_PREFIX = "import_handover_";

	/** The tables the session writes, for {@link RowTriggers#suspend}. */
	private static final Map<String, Boolean> WRITES = Map.of("portfolio_accounts", false, "portfolio_ledger_entries",
			false, "portfolio_bucket_moves", false);

	private final Connection connection;

	private final JdbcClient jdbc;

	private final String table;

	private final String gid;

	private @Nullable CompletableFuture<Void> work;

	private boolean prepared;

	private boolean committed;

	/** Set once the import's own transaction has committed: from then on, never undo. */
	private boolean decided;

	private NewAccountsSession(Connection connection, UUID importId) {
		this.connection = connection;
		this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		this.table = handoverTable(importId);
		this.gid = GID_PREFIX + importId;
	}

	/**
	 * Whether the server may hold prepared transactions; row triggers are asked for
	 * separately.
	 */
	static boolean possible(JdbcClient jdbc) {
		return jdbc.sql("SELECT current_setting('max_prepared_transactions')::int > 0").query(Boolean.class).single();
	}

	static String handoverTable(UUID importId) {
		return HANDOVER_PREFIX + HexFormat.of().formatHex(asBytes(importId));
	}

	private static byte[] asBytes(UUID id) {
		byte[] bytes = new byte[16];
		long high = id.getMostSignificantBits();
		long low = id.getLeastSignificantBits();
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (high >>> (56 - 8 * i));
			bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
		}
		return bytes;
	}

	/** Opens the session on a connection of its own and creates its handover table. */
	static NewAccountsSession open(DataSource dataSource, UUID importId) {
		Connection connection;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("no second database session for the import: " + ex.getMessage(), ex);
		}
		NewAccountsSession session = new NewAccountsSession(connection, importId);
		try {
			session.jdbc
				.sql("""
						CREATE UNLOGGED TABLE %s (
						    line int NOT NULL, account_ref text NOT NULL, customer_id uuid NOT NULL, target_id uuid NOT NULL,
						    principal numeric(19,4) NOT NULL, interest numeric(19,4) NOT NULL, fees numeric(19,4) NOT NULL,
						    overdue numeric(19,4) NOT NULL, oldest_due_date date, product text, original_amount numeric(19,4),
						    installment_amount numeric(19,4), open_date date, charge_off_date date, last_payment_date date,
						    last_payment_amount numeric(19,4))"""
					.formatted(session.table))
				.update();
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
		return session;
	}

	/**
	 * Receives the new accounts from the import's transaction (the output of
	 * {@link ImportMerge#NEW_ACCOUNTS} there) and starts placing them on a thread of its
	 * own, with {@code place} given this session's connection and the handover table.
	 * @return the number of accounts received
	 */
	long start(DataSource importTransaction, ImportPlacer place) {
		// Binary: the columns have the same types on both sides, and nothing is turned
		// into text and back.
		long rows = PostgresCopy.between(importTransaction,
				"COPY (" + ImportMerge.NEW_ACCOUNTS + ") TO STDOUT (FORMAT binary)", this.connection,
				"COPY " + this.table + " FROM STDIN (FORMAT binary)");
		this.work = CompletableFuture.runAsync(() -> placeAndPrepare(place),
				(task) -> Thread.ofPlatform().name("dues-import-accounts").daemon(true).start(task));
		return rows;
	}

	/** Places the accounts of the handover table, in the second session's transaction. */
	@FunctionalInterface
	interface ImportPlacer {

		void place(JdbcClient jdbc, String table);

	}

	private void placeAndPrepare(ImportPlacer place) {
		long started = System.nanoTime();
		this.jdbc.sql("ANALYZE " + this.table).update();
		inTransaction((jdbc) -> {
			jdbc.sql("SET LOCAL work_mem = '256MB'").update();
			jdbc.sql("SET LOCAL synchronous_commit = off").update();
			if (!RowTriggers.suspend(jdbc, WRITES)) {
				throw new IllegalStateException("row triggers could not be switched off in the second session");
			}
			place.place(jdbc, this.table);
			jdbc.sql("PREPARE TRANSACTION '" + this.gid + "'").update();
			this.prepared = true;
		});
		log.info("{}: new accounts placed and prepared in {} ms", this.gid, (System.nanoTime() - started) / 1_000_000);
	}

	private void inTransaction(Consumer<JdbcClient> work) {
		try {
			this.connection.setAutoCommit(false);
			try {
				work.accept(this.jdbc);
			}
			catch (RuntimeException ex) {
				if (!this.prepared) {
					this.connection.rollback();
				}
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
	 * Waits until the accounts are placed and prepared.
	 * @throws RuntimeException what stopped them
	 */
	void awaitPrepared() {
		if (this.work == null) {
			throw new IllegalStateException("not started");
		}
		try {
			this.work.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the new accounts were placed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Commits the prepared transaction: call once the import's own has committed. Should
	 * that fail, the transaction stays prepared for {@link PreparedImports} to commit.
	 */
	void commit() {
		this.decided = true;
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
	 * Rolls back whatever was not committed, drops the handover table and returns the
	 * connection.
	 */
	@Override
	public void close() {
		try {
			if (this.work != null && !this.work.isDone()) {
				// The import failed: stop the placing rather than wait for it.
				cancel();
			}
			if (this.work != null) {
				try {
					this.work.join();
				}
				catch (RuntimeException ex) {
					// Reported by awaitPrepared; here only its end is waited for.
				}
			}
			if (this.prepared && !this.decided) {
				this.jdbc.sql("ROLLBACK PREPARED '" + this.gid + "'").update();
			}
			this.jdbc.sql("DROP TABLE IF EXISTS " + this.table).update();
		}
		catch (RuntimeException ex) {
			// PreparedImports settles what is left when Dues starts again.
			log.warn("{}: could not clean up the second session: {}", this.gid, ex.getMessage());
		}
		finally {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				log.warn("{}: could not close the second session: {}", this.gid, ex.getMessage());
			}
		}
	}

}
