package org.dues.telephony;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each account a campaign dialled ({@code telephony_campaign_accounts}): its tries, its
 * last outcome and when it may be tried again under the campaign's retry rules.
 */
@Repository
class CampaignAccounts {

	private final JdbcClient jdbc;

	CampaignAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Accounts not to dial now: in a call, done with, or waiting for their next try. */
	List<UUID> notDue(long campaign, Instant now) {
		return this.jdbc.sql("""
				SELECT account_id FROM telephony_campaign_accounts
				WHERE campaign_id = ? AND (next_try_at IS NULL OR next_try_at > ?)""")
			.params(campaign, Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	/** The first next try after {@code now} of the accounts set aside for the reason. */
	@Nullable Instant firstTry(long campaign, String why, Instant now) {
		return this.jdbc.sql("""
				SELECT next_try_at FROM telephony_campaign_accounts
				WHERE campaign_id = ? AND last_outcome = ? AND next_try_at > ? ORDER BY next_try_at LIMIT 1""")
			.params(campaign, why, Timestamp.from(now))
			.query(Timestamp.class)
			.list()
			.stream()
			.findFirst()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/** A call to the account was placed: one more try, none other until it ends. */
	void dialled(long campaign, UUID account, Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO telephony_campaign_accounts (campaign_id, account_id, tries, last_outcome, last_at, next_try_at)
					VALUES (?, ?, 1, 'DIALLING', ?, NULL)
					ON CONFLICT (campaign_id, account_id) DO UPDATE SET tries = telephony_campaign_accounts.tries + 1,
					    last_outcome = 'DIALLING', last_at = EXCLUDED.last_at, next_try_at = NULL""")
			.params(campaign, account, Timestamp.from(at))
			.update();
	}

	/**
	 * The account is set aside without a call (no number, left for preview, refused by
	 * the gate): tried again at {@code next}, or never when null.
	 */
	void setAside(long campaign, UUID account, String why, Instant at, @Nullable Instant next) {
		this.jdbc
			.sql("""
					INSERT INTO telephony_campaign_accounts (campaign_id, account_id, tries, last_outcome, last_at, next_try_at)
					VALUES (?, ?, 0, ?, ?, ?)
					ON CONFLICT (campaign_id, account_id) DO UPDATE SET last_outcome = EXCLUDED.last_outcome,
					    last_at = EXCLUDED.last_at, next_try_at = EXCLUDED.next_try_at""")
			.params(campaign, account, why, Timestamp.from(at), (next == null) ? null : Timestamp.from(next))
			.update();
	}

	/**
	 * The call ended: the next try under the rule, or none when the rule is null (a
	 * conversation, a failure) or its tries are used.
	 */
	void ended(long campaign, UUID account, String outcome, Instant at, CampaignView.@Nullable Retry rule) {
		Integer tries = this.jdbc
			.sql("SELECT tries FROM telephony_campaign_accounts WHERE campaign_id = ? AND account_id = ? FOR UPDATE")
			.params(campaign, account)
			.query(Integer.class)
			.optional()
			.orElse(1);
		Instant next = (rule == null || tries >= rule.maxTries()) ? null : at.plus(Duration.ofMinutes(rule.minutes()));
		this.jdbc.sql("""
				UPDATE telephony_campaign_accounts SET last_outcome = ?, last_at = ?, next_try_at = ?
				WHERE campaign_id = ? AND account_id = ?""")
			.params(outcome, Timestamp.from(at), (next == null) ? null : Timestamp.from(next), campaign, account)
			.update();
	}

}
