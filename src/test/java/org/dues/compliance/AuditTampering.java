package org.dues.compliance;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.dues.system.DatabaseServer;
import org.dues.system.Superuser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the audit trail straight in the database, as someone with the power to
 * bypass its append-only trigger would: the one place tests do so (switching triggers off
 * for the transaction), so that a change of database role touches only this class. Every
 * change can be undone with {@link #restore}.
 */
final class AuditTampering {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	AuditTampering(DatabaseServer server) {
		DataSource superuser = Superuser.of(server);
		this.jdbc = JdbcClient.create(superuser);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(superuser));
	}

	/** The records from a sequence number on, oldest first, to restore later. */
	List<AuditTrail.Entry> from(long seq) {
		return this.jdbc.sql("""
				SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash, scheme FROM compliance_audit
				WHERE seq >= :seq ORDER BY seq""").param("seq", seq).query(AuditTrail::entry).list();
	}

	/** The last record's sequence number. */
	long last() {
		return this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM compliance_audit").query(Long.class).single();
	}

	/** Deletes the records from a sequence number on: the tail is cut. */
	void cutFrom(long seq) {
		bypassingTriggers(
				() -> this.jdbc.sql("DELETE FROM compliance_audit WHERE seq >= :seq").param("seq", seq).update());
	}

	/** Deletes one record. */
	void delete(long seq) {
		bypassingTriggers(
				() -> this.jdbc.sql("DELETE FROM compliance_audit WHERE seq = :seq").param("seq", seq).update());
	}

	/**
	 * Deletes one record and covers it up: every later record moves down one place and
	 * every hash from there on is recomputed with plain SHA-256.
	 */
	void deleteAndRenumber(long seq) {
		List<AuditTrail.Entry> later = from(seq + 1);
		String previous = (seq == 1) ? AuditChain.GENESIS
				: this.jdbc.sql("SELECT hash FROM compliance_audit WHERE seq = :seq")
					.param("seq", seq - 1)
					.query(String.class)
					.single();
		List<AuditTrail.Entry> moved = new ArrayList<>();
		for (AuditTrail.Entry row : later) {
			String hash = AuditChain.sha256(previous, row.seq() - 1, row.at(), row.actor(), row.action(), row.subject(),
					row.payload());
			moved.add(new AuditTrail.Entry(row.seq() - 1, row.at(), row.actor(), row.action(), row.subject(),
					row.payload(), previous, hash, row.scheme()));
			previous = hash;
		}
		cutFrom(seq);
		restore(moved);
	}

	/** Changes a record's payload and leaves its hash as it was. */
	void edit(long seq, UnaryOperator<String> payload) {
		List<AuditTrail.Entry> rows = from(seq);
		AuditTrail.Entry row = rows.get(0);
		bypassingTriggers(() -> this.jdbc.sql("UPDATE compliance_audit SET payload = :payload WHERE seq = :seq")
			.param("payload", payload.apply(row.payload()))
			.param("seq", seq)
			.update());
	}

	/**
	 * Changes a record's payload and recomputes its hash and every later one with plain
	 * SHA-256, as the chain without a key was computed, so that each record carries its
	 * predecessor's hash again.
	 * @param downgrade whether the rewritten records also claim to be of the unkeyed
	 * scheme
	 */
	void rewriteFrom(long seq, UnaryOperator<String> payload, boolean downgrade) {
		List<AuditTrail.Entry> rows = from(seq);
		String previous = (seq == 1) ? AuditChain.GENESIS
				: this.jdbc.sql("SELECT hash FROM compliance_audit WHERE seq = :seq")
					.param("seq", seq - 1)
					.query(String.class)
					.single();
		List<AuditTrail.Entry> rewritten = new ArrayList<>();
		for (AuditTrail.Entry row : rows) {
			String text = (row.seq() == seq) ? payload.apply(row.payload()) : row.payload();
			String hash = AuditChain.sha256(previous, row.seq(), row.at(), row.actor(), row.action(), row.subject(),
					text);
			rewritten.add(new AuditTrail.Entry(row.seq(), row.at(), row.actor(), row.action(), row.subject(), text,
					previous, hash, downgrade ? AuditChain.SHA256 : row.scheme()));
			previous = hash;
		}
		restore(rewritten);
	}

	/**
	 * Puts records back as they were: every record from the first one's sequence number
	 * on is replaced by these.
	 */
	void restore(List<AuditTrail.Entry> rows) {
		if (rows.isEmpty()) {
			return;
		}
		bypassingTriggers(() -> {
			this.jdbc.sql("DELETE FROM compliance_audit WHERE seq >= :seq").param("seq", rows.get(0).seq()).update();
			for (AuditTrail.Entry row : rows) {
				this.jdbc
					.sql("""
							INSERT INTO compliance_audit (seq, recorded_at, actor, action, subject, payload, prev_hash, hash,
							    scheme)
							VALUES (:seq, :at, :actor, :action, :subject, :payload, :prev, :hash, :scheme)""")
					.param("seq", row.seq())
					.param("at", Timestamp.from(row.at()))
					.param("actor", row.actor())
					.param("action", row.action())
					.param("subject", row.subject())
					.param("payload", row.payload())
					.param("prev", row.prevHash())
					.param("hash", row.hash())
					.param("scheme", row.scheme())
					.update();
			}
		});
	}

	/**
	 * The application cannot (its triggers fire ALWAYS, and it owns no table); a database
	 * superuser switches them off for one transaction and on again.
	 */
	private void bypassingTriggers(Runnable change) {
		this.transactions.executeWithoutResult((tx) -> {
			List<String> triggers = this.jdbc
				.sql("SELECT tgname FROM pg_trigger WHERE tgrelid = 'compliance_audit'::regclass AND NOT tgisinternal")
				.query(String.class)
				.list();
			triggers.forEach((t) -> this.jdbc.sql("ALTER TABLE compliance_audit DISABLE TRIGGER " + t).update());
			change.run();
			triggers.forEach((t) -> this.jdbc.sql("ALTER TABLE compliance_audit ENABLE ALWAYS TRIGGER " + t).update());
		});
	}

}
