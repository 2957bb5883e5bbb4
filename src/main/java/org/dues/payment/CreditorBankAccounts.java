package org.dues.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.CreditorId;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank accounts into which each creditor's customers pay (IBAN or account number): a
 * statement of one of them is that creditor's.
 */
@Service
public class CreditorBankAccounts {

	private final JdbcClient jdbc;

	private final Creditors creditors;

	private final Clock clock;

	CreditorBankAccounts(JdbcClient jdbc, Creditors creditors, Clock clock) {
		this.jdbc = jdbc;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * Records a bank account of the creditor; recording the same one again for the same
	 * creditor changes nothing.
	 * @throws ConflictException if the account is another creditor's
	 * @throws InvalidInputException if it is no IBAN or account number
	 */
	@Transactional
	public BankAccount add(CreditorId creditor, String identifier, @Nullable String label, String who) {
		this.creditors.get(creditor);
		String id = ParsedStatement.account(identifier);
		if (!id.matches("[A-Z0-9]{4,34}")) {
			throw new InvalidInputException("identifier",
					"must be an IBAN or account number of 4 to 34 letters and digits");
		}
		Optional<BankAccount> known = find(id);
		if (known.isPresent()) {
			if (!known.get().creditor().equals(creditor)) {
				throw new ConflictException("bank account %s is already another creditor's".formatted(id));
			}
			return known.get();
		}
		this.jdbc.sql("""
				INSERT INTO payment_bank_accounts (id, creditor_id, identifier, label, created_at, created_by)
				VALUES (:id, :creditor, :identifier, :label, :now, :who)""")
			.param("id", UUID.randomUUID())
			.param("creditor", creditor.value())
			.param("identifier", id)
			.param("label", label == null || label.isBlank() ? null : label.strip())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		return find(id).orElseThrow();
	}

	/** Removes a bank account of the creditor; an unknown one changes nothing. */
	@Transactional
	public void remove(CreditorId creditor, String identifier) {
		this.jdbc.sql("DELETE FROM payment_bank_accounts WHERE creditor_id = :creditor AND identifier = :id")
			.param("creditor", creditor.value())
			.param("id", ParsedStatement.account(identifier))
			.update();
	}

	/** The creditor's bank accounts. */
	public List<BankAccount> of(CreditorId creditor) {
		return this.jdbc.sql(SELECT + " WHERE creditor_id = :creditor ORDER BY identifier")
			.param("creditor", creditor.value())
			.query(CreditorBankAccounts::row)
			.list();
	}

	/** Every creditor's bank accounts, by identifier. */
	public List<BankAccount> all() {
		return this.jdbc.sql(SELECT + " ORDER BY identifier").query(CreditorBankAccounts::row).list();
	}

	/** The bank account with this IBAN or number, whatever its spacing or case. */
	public Optional<BankAccount> find(String identifier) {
		return this.jdbc.sql(SELECT + " WHERE identifier = :id")
			.param("id", ParsedStatement.account(identifier))
			.query(CreditorBankAccounts::row)
			.optional();
	}

	private static final String SELECT = "SELECT identifier, creditor_id, label FROM payment_bank_accounts";

	private static BankAccount row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new BankAccount(rs.getString(1), new CreditorId(rs.getObject(2, UUID.class)), rs.getString(3));
	}

	/** A creditor's bank account. */
	public record BankAccount(String identifier, CreditorId creditor, @Nullable String label) {
	}

}
