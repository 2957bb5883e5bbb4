package org.dues.customer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.shared.CopyText;
import org.dues.shared.PhoneNumber;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers in bulk, for allocation files of a million rows: rows are staged with
 * PostgreSQL {@code COPY}, then merged set-based with the same rules as
 * {@link CustomerManagement#record}: matched by the creditor's reference, name and
 * language updated, contact points added without duplicates. After {@link #merge} every
 * staged row carries its customer's id in {@code customer_import_staging.customer_id}
 * (with {@code changed} set when anything about the customer changed); the loading module
 * reads those two columns for its batch, and nothing else of this module's tables. All
 * calls join the caller's transaction.
 */
@Service
public class CustomerBulk {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	CustomerBulk(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Stages rows of a batch. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stage(UUID batch, List<StagedCustomer> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 160);
		for (StagedCustomer row : rows) {
			CopyText line = new CopyText(csv);
			line.add(batch.toString())
				.add(Integer.toString(row.line()))
				.add(row.customerRef())
				.add(row.name())
				.add(row.language())
				.add(row.dateOfBirth() == null ? null : row.dateOfBirth().toString())
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
		copy("""
				COPY customer_import_staging (batch_id, line, customer_ref, name, language, date_of_birth, phones,
				    phone_types, phone_zones, email, line1, line2, city, state, postal_code, country)
				FROM STDIN (FORMAT csv)""", csv.toString());
	}

	/** Leaves rows out of the merge (rows the loading module rejected after staging). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void exclude(UUID batch, int[] lines) {
		if (lines.length > 0) {
			this.jdbc.sql("DELETE FROM customer_import_staging WHERE batch_id = :batch AND line = ANY(:lines)")
				.param("batch", batch)
				.param("lines", lines)
				.update();
		}
	}

	/**
	 * Merges a staged batch into the creditor's customers. The first row of a customer
	 * gives its name, language and date of birth; every row adds contact points.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void merge(UUID batch, UUID creditorId, String source, OffsetDateTime now) {
		new CustomerMerge(this.jdbc, batch, creditorId, source, now).run();
	}

	/** Empties a batch's staging rows. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void clear(UUID batch) {
		this.jdbc.sql("DELETE FROM customer_import_staging WHERE batch_id = :batch").param("batch", batch).update();
	}

	private void copy(String sql, String data) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into customer staging failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
