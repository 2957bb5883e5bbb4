package org.dues.portfolio;

import java.util.List;
import java.util.Optional;

import org.dues.customer.CustomerId;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads accounts, their ledgers and bucket histories ({@link AccountSearch} finds them by
 * reference, name or phone).
 */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account, or {@link NotFoundException}. */
	public AccountView get(AccountId id) {
		return this.jdbc.sql(AccountRows.SELECT_ACCOUNT + " WHERE a.id = :id")
			.param("id", id.value())
			.query(AccountRows::account)
			.optional()
			.orElseThrow(() -> new NotFoundException("account", id));
	}

	/** A creditor's account by the creditor's reference. */
	public Optional<AccountView> findByRef(CreditorId creditor, String accountRef) {
		return this.jdbc.sql(AccountRows.SELECT_ACCOUNT + " WHERE a.creditor_id = :creditor AND a.account_ref = :ref")
			.param("creditor", creditor.value())
			.param("ref", accountRef)
			.query(AccountRows::account)
			.optional();
	}

	/** The customer's accounts. */
	public List<AccountView> ofCustomer(CustomerId customer) {
		return this.jdbc.sql(AccountRows.SELECT_ACCOUNT + " WHERE a.customer_id = :customer ORDER BY a.account_ref")
			.param("customer", customer.value())
			.query(AccountRows::account)
			.list();
	}

	/**
	 * The accounts of any of the customers (as their borrower) and the accounts named,
	 * each once, by creditor and reference.
	 */
	public List<AccountView> ofCustomers(java.util.Collection<CustomerId> customers,
			java.util.Collection<AccountId> also) {
		if (customers.isEmpty() && also.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(AccountRows.SELECT_ACCOUNT
					+ " WHERE a.customer_id = ANY(:customers) OR a.id = ANY(:ids) ORDER BY c.code, a.account_ref")
			.param("customers", customers.stream().map(CustomerId::value).toArray(java.util.UUID[]::new))
			.param("ids", also.stream().map(AccountId::value).toArray(java.util.UUID[]::new))
			.query(AccountRows::account)
			.list();
	}

	/**
	 * Puts the customer's accounts as people know them (creditor / account reference) in
	 * place of their ids in a text, such as a compliance rule's reason.
	 */
	public java.util.function.UnaryOperator<String> namingAccountsOf(CustomerId customer) {
		return naming(ofCustomer(customer));
	}

	/** As {@link #namingAccountsOf}, for accounts already read. */
	public static java.util.function.UnaryOperator<String> naming(List<AccountView> all) {
		return (text) -> {
			String out = text;
			for (AccountView account : all) {
				out = out.replace(account.id().value().toString(),
						account.creditorCode() + " / " + account.accountRef());
			}
			return out;
		};
	}

	/** The ledger, oldest entry first. */
	public List<LedgerEntryView> ledger(AccountId id) {
		get(id);
		return this.jdbc.sql("SELECT * FROM portfolio_ledger_entries WHERE account_id = :id ORDER BY seq")
			.param("id", id.value())
			.query(AccountRows::entry)
			.list();
	}

	/** Bucket moves, oldest first. */
	public List<BucketMove> bucketMoves(AccountId id) {
		return this.jdbc.sql("""
				SELECT from_bucket, to_bucket, days_past_due, moved_on FROM portfolio_bucket_moves
				WHERE account_id = :id ORDER BY id""")
			.param("id", id.value())
			.query((rs, n) -> new BucketMove(rs.getString(1), rs.getString(2), rs.getInt(3),
					rs.getObject(4, java.time.LocalDate.class)))
			.list();
	}

	/**
	 * The creditor's references of the accounts named, in one statement; an id that is no
	 * account is left out.
	 */
	public java.util.Map<AccountId, String> refs(java.util.Collection<AccountId> ids) {
		java.util.Map<AccountId, String> refs = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return refs;
		}
		this.jdbc.sql("SELECT id, account_ref FROM portfolio_accounts WHERE id = ANY(:ids)")
			.param("ids", ids.stream().map(AccountId::value).toArray(java.util.UUID[]::new))
			.query((rs) -> {
				refs.put(new AccountId(rs.getObject(1, java.util.UUID.class)), rs.getString(2));
			});
		return refs;
	}

	/**
	 * The accounts named, read in one statement; an id that is no account is left out.
	 */
	public java.util.Map<AccountId, AccountView> getAll(java.util.Collection<AccountId> ids) {
		java.util.Map<AccountId, AccountView> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql(AccountRows.SELECT_ACCOUNT + " WHERE a.id = ANY(:ids)")
			.param("ids", ids.stream().map(AccountId::value).toArray(java.util.UUID[]::new))
			.query(AccountRows::account)
			.list()
			.forEach((account) -> found.put(account.id(), account));
		return found;
	}

	/** What posting a payment to an account checks. */
	public record PostingFacts(java.util.Currency currency, java.time.Instant placedAt,
			java.time.@org.jspecify.annotations.Nullable LocalDate openDate) {
	}

	/**
	 * The accounts that carry any of these creditor's references, with their creditor's
	 * code, in one statement (a reference may be two creditors'); a reference no account
	 * carries is left out.
	 */
	public List<RefMatch> byRefs(java.util.Collection<String> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT a.account_ref, a.id, c.code FROM portfolio_accounts a
				JOIN portfolio_creditors c ON c.id = a.creditor_id WHERE a.account_ref = ANY(:refs)""")
			.param("refs", org.dues.shared.ArrayKeys.texts(refs))
			.query((rs, n) -> new RefMatch(rs.getString(1), new AccountId(rs.getObject(2, java.util.UUID.class)),
					rs.getString(3)))
			.list();
	}

	/** An account found by its creditor's reference, and the creditor's code. */
	public record RefMatch(String accountRef, AccountId id, String creditorCode) {
	}

}
