package org.dues.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The related parties of debts besides their borrowers: co-borrowers, guarantors and
 * references, each a customer. A debt is named by its account's id; the module that owns
 * accounts checks that the party is a customer of the account's creditor and not its
 * borrower before linking them.
 */
@Service
public class RelatedParties {

	private final JdbcClient jdbc;

	private final Clock clock;

	RelatedParties(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Links a customer to a debt in a role; linking them again in the same role changes
	 * nothing.
	 * @param relationship how they stand to the borrower ("spouse", "employer"), if known
	 * @param source where the link came from ({@code API}, {@code DEMO}…)
	 * @return whether the link is new
	 * @throws InvalidInputException naming {@code role} for the borrower's role, or when
	 * the customer is on the debt in another role already
	 */
	@Transactional
	public boolean link(UUID accountId, CustomerId party, PartyRole role, @Nullable String relationship, String source,
			String actor) {
		if (role == PartyRole.BORROWER) {
			throw new InvalidInputException("role", "the borrower is the account's own customer, not a related party");
		}
		int added = this.jdbc
			.sql("""
					INSERT INTO customer_debt_parties (account_id, customer_id, role, relationship, source, added_by, added_at)
					VALUES (:account, :customer, :role, :relationship, :source, :actor, :now)
					ON CONFLICT (account_id, customer_id) DO NOTHING""")
			.param("account", accountId)
			.param("customer", party.value())
			.param("role", role.name())
			.param("relationship", (relationship == null || relationship.isBlank()) ? null : relationship.strip())
			.param("source", source)
			.param("actor", actor)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (added == 0) {
			PartyRole known = this.jdbc
				.sql("SELECT role FROM customer_debt_parties WHERE account_id = :account AND customer_id = :customer")
				.param("account", accountId)
				.param("customer", party.value())
				.query((rs, n) -> PartyRole.valueOf(rs.getString(1)))
				.single();
			if (known != role) {
				throw new InvalidInputException("role",
						"the customer is on this account as %s already".formatted(known.name()));
			}
		}
		return added == 1;
	}

	/** The related parties of the debts, in the order they were linked. */
	@Transactional(readOnly = true)
	public List<Party> ofDebts(Collection<UUID> accountIds) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT account_id, customer_id, role, relationship FROM customer_debt_parties
				WHERE account_id = ANY(:accounts) ORDER BY added_at, customer_id""")
			.param("accounts", accountIds.stream().distinct().toArray(UUID[]::new))
			.query((rs, n) -> party(rs))
			.list();
	}

	/** The debts on which the customers are related parties. */
	@Transactional(readOnly = true)
	public List<Party> debtsOf(Collection<CustomerId> customers) {
		if (customers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT account_id, customer_id, role, relationship FROM customer_debt_parties
				WHERE customer_id = ANY(:customers) ORDER BY added_at, account_id""")
			.param("customers", customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> party(rs))
			.list();
	}

	private static Party party(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Party(rs.getObject("account_id", UUID.class),
				new CustomerId(rs.getObject("customer_id", UUID.class)), PartyRole.valueOf(rs.getString("role")),
				rs.getString("relationship"));
	}

	/**
	 * A customer's role on a debt.
	 *
	 * @param accountId the debt's account
	 * @param relationship how they stand to the borrower, if known
	 */
	public record Party(UUID accountId, CustomerId customerId, PartyRole role, @Nullable String relationship) {
	}

}
