package org.dues.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved mapping profiles of banks' CSV statements, by name. */
@Service
public class StatementMappings {

	private final JdbcClient jdbc;

	private final Clock clock;

	StatementMappings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Saves a profile, replacing one of the same name. */
	@Transactional
	public StatementMapping save(StatementMapping m) {
		this.jdbc.sql("""
				INSERT INTO payment_statement_mappings (name, date_column, amount_column, credit_column, debit_column,
				    reference_column, remittance_column, name_column, date_format, created_at)
				VALUES (:name, :date, :amount, :credit, :debit, :reference, :remittance, :payer, :format, :now)
				ON CONFLICT (name) DO UPDATE SET date_column = EXCLUDED.date_column,
				    amount_column = EXCLUDED.amount_column, credit_column = EXCLUDED.credit_column,
				    debit_column = EXCLUDED.debit_column, reference_column = EXCLUDED.reference_column,
				    remittance_column = EXCLUDED.remittance_column, name_column = EXCLUDED.name_column,
				    date_format = EXCLUDED.date_format""")
			.param("name", m.name())
			.param("date", m.dateColumn())
			.param("amount", m.amountColumn())
			.param("credit", m.creditColumn())
			.param("debit", m.debitColumn())
			.param("reference", m.referenceColumn())
			.param("remittance", m.remittanceColumn())
			.param("payer", m.nameColumn())
			.param("format", m.dateFormat())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		return get(m.name());
	}

	/** The profile of this name, or {@link NotFoundException}. */
	public StatementMapping get(String name) {
		return find(name).orElseThrow(() -> new NotFoundException("statement mapping", name));
	}

	/** The profile of this name. */
	public Optional<StatementMapping> find(String name) {
		return this.jdbc.sql("SELECT * FROM payment_statement_mappings WHERE name = :name")
			.param("name", name)
			.query((rs, n) -> new StatementMapping(rs.getString("name"), rs.getString("date_column"),
					rs.getString("amount_column"), rs.getString("credit_column"), rs.getString("debit_column"),
					rs.getString("reference_column"), rs.getString("remittance_column"), rs.getString("name_column"),
					rs.getString("date_format")))
			.optional();
	}

	/** Every profile, by name, with its columns. */
	public List<StatementMapping> list() {
		return this.jdbc.sql("SELECT * FROM payment_statement_mappings ORDER BY name")
			.query((rs, n) -> new StatementMapping(rs.getString("name"), rs.getString("date_column"),
					rs.getString("amount_column"), rs.getString("credit_column"), rs.getString("debit_column"),
					rs.getString("reference_column"), rs.getString("remittance_column"), rs.getString("name_column"),
					rs.getString("date_format")))
			.list();
	}

	/**
	 * Removes a profile; statements read with it keep their entries (they name it only as
	 * it was given). An unknown name changes nothing.
	 */
	@Transactional
	public void remove(String name) {
		this.jdbc.sql("DELETE FROM payment_statement_mappings WHERE name = :name").param("name", name).update();
	}

	/** Every profile, by name. */
	public List<String> names() {
		return this.jdbc.sql("SELECT name FROM payment_statement_mappings ORDER BY name").query(String.class).list();
	}

}
