package org.dues.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.dues.shared.CopyText;
import org.dues.shared.PhoneNumber;
import org.dues.system.PostgresCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers in bulk, for allocation files of a million rows: typed rows
 * ({@link IncomingCustomer}) are loaded with PostgreSQL {@code COPY} into this module's
 * own temporary tables of the caller's transaction, matched and merged set-based with the
 * same rules as {@link CustomerManagement#record}: matched by the creditor's reference,
 * name and language updated, contact points added without duplicates. What the caller
 * learns comes back as typed rows too: each customer's id (before it is written, so that
 * the caller can refer to it), and which known customers the batch changed. A batch lives
 * in the caller's transaction and is gone with it.
 */
@Service
public class CustomerIntake {

	/**
	 * The tables a batch writes, each with whether it updates rows of it too: for a
	 * caller that switches row triggers off around the batch
	 * ({@link org.dues.system.RowTriggers#suspend}).
	 */
	public static final Map<String, Boolean> WRITES = Map.of("customer_customers", true, "customer_phones", false,
			"customer_emails", false, "customer_addresses", false);

	/** How many rows {@link Batch#resolve} and {@link Batch#write} give at a time. */
	static final int PAGE = 50_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	CustomerIntake(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * Opens a batch in the caller's transaction, which it needs for all it does; one
	 * batch per transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Batch open() {
		this.jdbc.sql("""
				CREATE TEMP TABLE customer_import_staging (
				    line int NOT NULL, customer_ref text NOT NULL, name text NOT NULL, name_key text, language text,
				    date_of_birth date, national_id_enc bytea, national_id_last4 text, phones text[] NOT NULL,
				    phone_types text[] NOT NULL, phone_zones text[] NOT NULL,
				    email text, line1 text, line2 text, city text, state text, postal_code text, country char(2)
				) ON COMMIT DROP""").update();
		return new Batch();
	}

	/**
	 * What {@link Batch#resolve} tells of one customer of the batch.
	 *
	 * @param id the customer's id: its own for a known customer, the one it will get for
	 * a new one
	 * @param changed whether the batch creates the customer or changes its details (name,
	 * language, date of birth, national id); contact points it gains are told by
	 * {@link Batch#write}
	 */
	public record ResolvedCustomer(String customerRef, CustomerId id, boolean changed) {
	}

	/**
	 * Typed rows on their way into a batch, held ready for {@code COPY} so that a loader
	 * can prepare them on any thread while the database works. Not thread-safe: one per
	 * thread, joined with {@link #addAll}.
	 */
	public static final class Rows {

		private final StringBuilder copy;

		public Rows(int expected) {
			this.copy = new StringBuilder(expected * 160);
		}

		/** Adds a row. */
		public Rows add(IncomingCustomer row) {
			new CopyText(this.copy).add(Integer.toString(row.line()))
				.add(row.customerRef())
				.add(row.name())
				.add(NameKey.of(row.name()))
				.add(row.language())
				.add(row.dateOfBirth() == null ? null : row.dateOfBirth().toString())
				.add(row.nationalId() == null ? null : "\\x" + HexFormat.of().formatHex(row.nationalId().encrypted()))
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
			return this;
		}

		/** Adds the rows of another, after this one's. */
		public Rows addAll(Rows other) {
			this.copy.append(other.copy);
			return this;
		}

		public boolean isEmpty() {
			return this.copy.isEmpty();
		}

	}

	/**
	 * A batch of customers in the caller's transaction: rows are added, some perhaps left
	 * out, then resolved, then written, in that order.
	 */
	public final class Batch {

		private enum State {

			OPEN, RESOLVED, WRITTEN

		}

		private State state = State.OPEN;

		private @Nullable CustomerMerge merge;

		private Batch() {
		}

		/** Loads rows into the batch. */
		public void add(Rows rows) {
			expect(State.OPEN);
			PostgresCopy.in(CustomerIntake.this.dataSource,
					"""
							COPY customer_import_staging (line, customer_ref, name, name_key, language, date_of_birth, national_id_enc,
							    national_id_last4, phones, phone_types, phone_zones, email, line1, line2, city, state,
							    postal_code, country)
							FROM STDIN (FORMAT csv)""",
					rows.copy);
		}

		/** Loads rows into the batch. */
		public void add(List<IncomingCustomer> rows) {
			Rows copy = new Rows(rows.size());
			rows.forEach(copy::add);
			add(copy);
		}

		/** Leaves rows out (rows the loader rejected after adding them). */
		public void leaveOut(int[] lines) {
			expect(State.OPEN);
			if (lines.length > 0) {
				CustomerIntake.this.jdbc.sql("DELETE FROM customer_import_staging WHERE line = ANY(:lines)")
					.param("lines", lines)
					.update();
			}
		}

		/**
		 * Matches the batch's customers within the creditor and tells each one's id and
		 * whether its details change, a page of rows at a time, so that the caller can
		 * refer to new customers before they are written. Nothing is written until
		 * {@link #write}.
		 * @param source where the customers' contact points come from (for example
		 * {@code IMPORT})
		 * @param pages given every customer of the batch once, in pages
		 */
		public void resolve(UUID creditorId, String source, OffsetDateTime now,
				Consumer<List<ResolvedCustomer>> pages) {
			expect(State.OPEN);
			CustomerMerge merge = new CustomerMerge(CustomerIntake.this.jdbc, creditorId, source, now,
					CustomerIntake.this.clock);
			merge.resolve();
			this.merge = merge;
			this.state = State.RESOLVED;
			page("customer_intake_resolved", "SELECT customer_ref, customer_id, changed FROM customer_import_resolved",
					(rs, n) -> new ResolvedCustomer(rs.getString(1), new CustomerId(rs.getObject(2, UUID.class)),
							rs.getBoolean(3)),
					pages);
		}

		/**
		 * Writes the batch: new customers, changed details of known ones, and the contact
		 * points each lacks. The first row of a customer gives its name, language and
		 * date of birth; every row adds contact points.
		 * @param gained given, in pages, the known customers whose details did not change
		 * but who gained a contact point
		 */
		public void write(Consumer<List<CustomerId>> gained) {
			expect(State.RESOLVED);
			Objects.requireNonNull(this.merge).apply();
			this.state = State.WRITTEN;
			page("customer_intake_gained", "SELECT customer_id FROM customer_import_resolved WHERE gained",
					(rs, n) -> new CustomerId(rs.getObject(1, UUID.class)), gained);
		}

		private void expect(State expected) {
			if (this.state != expected) {
				throw new IllegalStateException("the batch is " + this.state + ", not " + expected);
			}
		}

		/**
		 * Gives a query's rows in pages, through a cursor, so that neither side holds
		 * them all and the caller may use the connection between pages. Each query has a
		 * cursor of its own name: the driver keeps a statement's result shape by its
		 * text.
		 */
		private <T> void page(String cursor, String query, RowMapper<T> mapper, Consumer<List<T>> pages) {
			JdbcClient jdbc = CustomerIntake.this.jdbc;
			jdbc.sql("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + query).update();
			List<T> page;
			do {
				page = jdbc.sql("FETCH " + PAGE + " FROM " + cursor).query(mapper).list();
				if (!page.isEmpty()) {
					pages.accept(page);
				}
			}
			while (page.size() == PAGE);
			jdbc.sql("CLOSE " + cursor).update();
		}

	}

}
