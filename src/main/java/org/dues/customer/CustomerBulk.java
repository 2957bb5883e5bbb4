package org.dues.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.dues.shared.CopyText;
import org.dues.shared.PhoneNumber;
import org.dues.system.PostgresCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers in bulk, for allocation files of a million rows: rows are staged with
 * PostgreSQL {@code COPY} into a temporary table of the caller's transaction, then merged
 * set-based with the same rules as {@link CustomerManagement#record}: matched by the
 * creditor's reference, name and language updated, contact points added without
 * duplicates. After {@link #resolve} the temporary table {@code customer_import_resolved}
 * ({@code customer_ref}, {@code customer_id}, {@code changed}) holds one row per customer
 * of the batch, for the loading module to join on; it is this module's published output
 * and disappears with the transaction. All calls need the caller's transaction.
 */
@Service
public class CustomerBulk {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	CustomerBulk(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * Appends one row as input for {@link #stageRows}; safe to call on any thread, so
	 * that a loader can prepare rows while the database works.
	 */
	public static void appendStagingRow(StagedCustomer row, StringBuilder out) {
		new CopyText(out).add(Integer.toString(row.line()))
			.add(row.customerRef())
			.add(row.name())
			.add(row.language())
			.add(row.dateOfBirth() == null ? null : row.dateOfBirth().toString())
			.add(row.nationalId() == null ? null
					: "\\x" + java.util.HexFormat.of().formatHex(row.nationalId().encrypted()))
			.add(row.nationalId() == null ? null : row.nationalId().last4())
			.addArray(row.phones().stream().map(PhoneNumber::e164).toList())
			.addArray(row.phones().stream().map((p) -> p.type().name()).toList())
			.addArray(row.phones().stream().map((p) -> String.join(",", p.timeZones())).toList())
			.add(row.email() == null ? null : row.email().value())
			.add(row.address() == null ? null : row.address().line1())
			.add(row.address() == null ? null : row.address().line2())
			.add(row.address() == null ? null : row.address().city())
			.add(row.address() == null ? null : row.address().state())
			.add(row.address() == null ? null : row.address().postalCode())
			.add(row.address() == null ? null : row.address().country())
			.end();
	}

	/** Stages rows of the transaction's batch. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stage(List<StagedCustomer> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 160);
		for (StagedCustomer row : rows) {
			appendStagingRow(row, csv);
		}
		stageRows(csv);
	}

	/** Stages rows written by {@link #appendStagingRow}, in the transaction's batch. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stageRows(CharSequence rows) {
		ensureStaging();
		PostgresCopy.in(this.dataSource, """
				COPY customer_import_staging (line, customer_ref, name, language, date_of_birth, national_id_enc,
				    national_id_last4, phones, phone_types,
				    phone_zones, email, line1, line2, city, state, postal_code, country)
				FROM STDIN (FORMAT csv)""", rows);
	}

	/** Leaves rows out of the merge (rows the loading module rejected after staging). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void exclude(int[] lines) {
		ensureStaging();
		if (lines.length > 0) {
			this.jdbc.sql("DELETE FROM customer_import_staging WHERE line = ANY(:lines)")
				.param("lines", lines)
				.update();
		}
	}

	/**
	 * Matches the staged rows' customers within the creditor: afterwards
	 * {@code customer_import_resolved} holds every customer of the batch with the id it
	 * has or will get, so that the caller may refer to new customers before they are
	 * written. Nothing is written until {@link Batch#merge}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Batch resolve(UUID creditorId, String source, OffsetDateTime now) {
		ensureStaging();
		CustomerMerge merge = new CustomerMerge(this.jdbc, creditorId, source, now, this.clock);
		merge.resolve();
		return new Batch(merge);
	}

	/** Another database session of the caller's, that rows can be handed to. */
	@FunctionalInterface
	public interface Handover {

		/**
		 * Hands over the rows of a query run in the caller's transaction.
		 * @param rows the query
		 * @param columns definitions of its columns, with the same types
		 * @param write writes the rows in the other session, given that session and the
		 * table holding them
		 * @return the number of rows handed over
		 */
		long hand(String rows, String columns, BiConsumer<JdbcClient, String> write);

	}

	/** A batch whose customers are resolved, waiting to be written. */
	public static final class Batch {

		private final CustomerMerge merge;

		private Batch(CustomerMerge merge) {
			this.merge = merge;
		}

		/**
		 * Lets another session of the same import write the batch's new customers (their
		 * rows, not their contact points), which {@link #merge} then leaves out. That
		 * session must commit together with the caller's transaction, and both must have
		 * row triggers off: each refers to rows of the other.
		 */
		public void handOverNewCustomers(Handover handover) {
			this.merge.handOverNewCustomers(handover);
		}

		/**
		 * Writes the batch in the caller's transaction: the first row of a customer gives
		 * its name, language and date of birth; every row adds contact points. Afterwards
		 * {@code changed} in {@code customer_import_resolved} is final.
		 */
		public void merge() {
			this.merge.apply();
		}

	}

	private void ensureStaging() {
		this.jdbc
			.sql("""
					CREATE TEMP TABLE IF NOT EXISTS customer_import_staging (
					    line int NOT NULL, customer_ref text NOT NULL, name text NOT NULL, language text,
					    date_of_birth date, national_id_enc bytea, national_id_last4 text, phones text[] NOT NULL, phone_types text[] NOT NULL, phone_zones text[] NOT NULL,
					    email text, line1 text, line2 text, city text, state text, postal_code text, country char(2)
					) ON COMMIT DROP""")
			.update();
	}

}
