package org.dues.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorId;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Virtual account numbers: a number of its own that a creditor gives an account to pay
 * into (a collection bank's virtual account). A bank statement's entry that names one in
 * its remittance text or end-to-end id is the account's payment
 * ({@link StatementMatcher}, matched by {@code VIRTUAL_ACCOUNT}). A number is one
 * account's within its creditor, written in capitals without spaces.
 */
@Service
public class VirtualAccounts {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	VirtualAccounts(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Gives the account a virtual account number; the same number again for the same
	 * account changes nothing.
	 * @param number 6 to 34 letters and digits (spaces are dropped, letters capitalised)
	 * @throws InvalidInputException if the number is not of that form
	 * @throws ConflictException if the number is another account's of the creditor
	 * @throws org.dues.shared.NotFoundException if there is no such account
	 */
	@Transactional
	public void assign(AccountId account, String number, String who) {
		String normalised = normalise(number);
		if (!couldBeNumber(normalised)) {
			throw new InvalidInputException("virtualAccount", "must be 6 to 34 letters and digits");
		}
		AccountView view = this.accounts.get(account);
		int inserted = this.jdbc
			.sql("""
					INSERT INTO payment_virtual_accounts (creditor_id, virtual_account, account_id, created_at, created_by)
					VALUES (:creditor, :number, :account, :now, :who) ON CONFLICT (creditor_id, virtual_account) DO NOTHING""")
			.param("creditor", view.creditorId().value())
			.param("number", normalised)
			.param("account", account.value())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		if (inserted == 0 && !account.equals(holder(view.creditorId(), normalised))) {
			throw new ConflictException(
					"virtual account %s is already another account's of the creditor".formatted(normalised));
		}
	}

	/** The account's virtual account numbers, oldest first. */
	public List<String> of(AccountId account) {
		return this.jdbc.sql("""
				SELECT virtual_account FROM payment_virtual_accounts WHERE account_id = :account
				ORDER BY created_at, virtual_account""").param("account", account.value()).query(String.class).list();
	}

	/**
	 * Which of these words (in capitals) are the creditor's virtual account numbers, and
	 * whose: one read, none when the creditor has given out no numbers.
	 */
	Map<String, AccountId> find(CreditorId creditor, String[] capitalised) {
		Map<String, AccountId> found = new HashMap<>();
		boolean any = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_virtual_accounts WHERE creditor_id = :c)")
			.param("c", creditor.value())
			.query(Boolean.class)
			.single();
		if (any && capitalised.length > 0) {
			this.jdbc.sql("""
					SELECT virtual_account, account_id FROM payment_virtual_accounts
					WHERE creditor_id = :c AND virtual_account = ANY(:numbers)""")
				.param("c", creditor.value())
				.param("numbers", capitalised)
				.query((rs) -> {
					found.put(rs.getString(1), new AccountId(rs.getObject(2, UUID.class)));
				});
		}
		return found;
	}

	private AccountId holder(CreditorId creditor, String number) {
		return this.jdbc.sql("""
				SELECT account_id FROM payment_virtual_accounts WHERE creditor_id = :c AND virtual_account = :n""")
			.param("c", creditor.value())
			.param("n", number)
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.single();
	}

	/**
	 * Whether a word in capitals has the shape {@link #assign} gives every number, so
	 * that a statement's matching asks only for such words.
	 */
	static boolean couldBeNumber(String capitalised) {
		int n = capitalised.length();
		if (n < 6 || n > 34) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char c = capitalised.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
				return false;
			}
		}
		return true;
	}

	static String normalise(String number) {
		return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

}
