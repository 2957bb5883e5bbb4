package org.dues.portfolio.imports;

import java.util.List;

import javax.sql.DataSource;

import org.dues.customer.CustomerId;
import org.dues.customer.CustomerIntake;
import org.dues.shared.CopyText;
import org.dues.system.PostgresCopy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customers of an import as the customer module answers for them
 * ({@link CustomerIntake.Batch}), kept in a temporary table of the import's own,
 * {@code portfolio_import_customers} ({@code customer_ref}, {@code customer_id},
 * {@code changed}), and those that gained a contact point in
 * {@code portfolio_import_gained}, for the import's set-based statements to join on. The
 * answers come as typed rows, a page at a time, and go in with {@code COPY}.
 */
final class ImportCustomers {

	static final String TABLE = """
			CREATE TEMP TABLE portfolio_import_customers (
			    customer_ref text NOT NULL, customer_id uuid NOT NULL, changed boolean NOT NULL
			) ON COMMIT DROP""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private boolean gained;

	ImportCustomers(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		jdbc.sql(TABLE).update();
	}

	/** Keeps a page of resolved customers. */
	void resolved(List<CustomerIntake.ResolvedCustomer> page) {
		StringBuilder copy = new StringBuilder(page.size() * 64);
		for (CustomerIntake.ResolvedCustomer customer : page) {
			new CopyText(copy).add(customer.customerRef())
				.add(customer.id().value().toString())
				.add(customer.changed() ? "t" : "f")
				.end();
		}
		PostgresCopy.in(this.dataSource,
				"COPY portfolio_import_customers (customer_ref, customer_id, changed) FROM STDIN (FORMAT csv)", copy);
	}

	/** The table is complete: lets the planner know its size before it is joined. */
	void analyze() {
		this.jdbc.sql("ANALYZE portfolio_import_customers").update();
	}

	/**
	 * Keeps a page of known customers whose details did not change but who gained a
	 * contact point when the customers were written, in {@code portfolio_import_gained}
	 * ({@code customer_id}).
	 */
	void gained(List<CustomerId> page) {
		if (!this.gained) {
			this.jdbc.sql("CREATE TEMP TABLE portfolio_import_gained (customer_id uuid NOT NULL) ON COMMIT DROP")
				.update();
			this.gained = true;
		}
		StringBuilder copy = new StringBuilder(page.size() * 40);
		for (CustomerId customer : page) {
			new CopyText(copy).add(customer.value().toString()).end();
		}
		PostgresCopy.in(this.dataSource, "COPY portfolio_import_gained (customer_id) FROM STDIN (FORMAT csv)", copy);
	}

	/**
	 * Whether any customer gained a contact point, and {@code portfolio_import_gained}
	 * exists.
	 */
	boolean anyGained() {
		return this.gained;
	}

}
