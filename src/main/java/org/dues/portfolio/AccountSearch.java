package org.dues.portfolio;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.NameKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds accounts by any part of their reference, by their customer's name in any script
 * (through the name's Latin key, {@link NameKey}), or by a phone number of the customer
 * in any form; counted and paged after the caller's scope is applied, in one statement
 * each, so an agent counts and pages only what they may open.
 */
@Service
public class AccountSearch {

	/** Accounts on a page of results. */
	public static final int PAGE_SIZE = 25;

	/** Shortest text looked for inside references and name keys (a trigram). */
	private static final int INSIDE = 3;

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	AccountSearch(JdbcClient jdbc, CustomerManagement customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	/**
	 * One page of the accounts that match the text and lie in the scope: the reference
	 * equal to the text first, then references starting with it, then by reference.
	 * @param page the page, from 0; a page past the last is empty, with the count
	 * @param scope the caller's scope as an SQL condition (see
	 * {@link org.dues.system.Scopes#accountCondition})
	 */
	public Page find(String text, int page, Scope scope) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return new Page(List.of(), 0, 0);
		}
		Map<String, Object> params = new HashMap<>();
		String where = matching(trimmed, params) + " AND " + scope.condition("acct.id", params);
		int total = this.jdbc.sql("SELECT count(*) FROM portfolio_accounts acct WHERE " + where)
			.params(params)
			.query(Integer.class)
			.single();
		int first = Math.max(page, 0) * PAGE_SIZE;
		if (total <= first) {
			return new Page(List.of(), total, Math.max(page, 0));
		}
		params.put("searchExact", trimmed);
		params.put("searchPrefix", like(trimmed) + "%");
		params.put("searchLimit", PAGE_SIZE);
		params.put("searchOffset", first);
		List<UUID> ids = this.jdbc.sql("SELECT acct.id FROM portfolio_accounts acct WHERE " + where + """
				 ORDER BY (acct.account_ref = :searchExact) DESC, (acct.account_ref ILIKE :searchPrefix) DESC,
				    acct.account_ref, acct.id
				LIMIT :searchLimit OFFSET :searchOffset""").params(params).query(UUID.class).list();
		Map<UUID, AccountView> byId = new LinkedHashMap<>();
		ids.forEach((id) -> byId.put(id, null));
		this.jdbc.sql(AccountRows.SELECT_ACCOUNT + " WHERE a.id = ANY(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(AccountRows::account)
			.list()
			.forEach((account) -> byId.put(account.id().value(), account));
		return new Page(byId.values().stream().filter(java.util.Objects::nonNull).toList(), total, Math.max(page, 0));
	}

	/**
	 * The condition on {@code acct} of matching the text: a reference containing it (or
	 * starting with it, when shorter than a trigram), a customer whose name contains it
	 * as typed or whose name's key contains its key, or a customer with that phone number
	 * read as a number of a creditor's country.
	 */
	private String matching(String text, Map<String, Object> params) {
		String like = like(text);
		params.put("searchRef", (text.length() >= INSIDE) ? "%" + like + "%" : like + "%");
		params.put("searchName", "%" + like.toLowerCase(Locale.ROOT) + "%");
		String key = NameKey.of(text);
		String byKey = "";
		if (key.length() >= INSIDE) {
			params.put("searchKey", "%" + key + "%");
			byKey = " OR s.name_key LIKE :searchKey";
		}
		List<String> regions = this.jdbc.sql("SELECT DISTINCT country FROM portfolio_creditors")
			.query(String.class)
			.list();
		params.put("searchPhones",
				this.customers.withPhone(text, regions).stream().map(CustomerId::value).toArray(UUID[]::new));
		// each way on its own index, joined to the accounts once
		return """
				acct.id IN (
				    SELECT x.id FROM portfolio_accounts x WHERE x.account_ref ILIKE :searchRef
				    UNION
				    SELECT x.id FROM portfolio_accounts x JOIN customer_search_facts s ON s.customer_id = x.customer_id
				    WHERE s.name_lower LIKE :searchName%s
				    UNION
				    SELECT x.id FROM portfolio_accounts x WHERE x.customer_id = ANY(:searchPhones))""".formatted(byKey);
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** How the caller's scope reads in SQL. */
	@FunctionalInterface
	public interface Scope {

		/**
		 * An SQL condition true of the accounts in scope, over the column of an account's
		 * id, adding its parameters.
		 */
		String condition(String accountColumn, Map<String, Object> params);

		/** Every account (a caller who sees all). */
		static Scope everything() {
			return (column, params) -> "true";
		}

	}

	/**
	 * A page of results.
	 *
	 * @param accounts the accounts on the page, at most {@link #PAGE_SIZE}
	 * @param total how many accounts match in the caller's scope
	 * @param page the page, from 0
	 */
	public record Page(List<AccountView> accounts, int total, int page) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return (long) (this.page + 1) * PAGE_SIZE < this.total;
		}

		/** The position of the first account on the page, from 1 (0 when none). */
		public int from() {
			return this.accounts.isEmpty() ? 0 : this.page * PAGE_SIZE + 1;
		}

		/** The position of the last account on the page. */
		public int to() {
			return this.page * PAGE_SIZE + this.accounts.size();
		}

	}

}
