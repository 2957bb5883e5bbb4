package org.dues.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.RuntimeMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visit rule: an active account at least {@code dues.field-visits.rule.days-overdue}
 * days past due (60 by default), whose customer nobody has spoken to in
 * {@code dues.field-visits.rule.no-contact-days} (14) and who has a postal address in
 * use, gets a field visit today, unless it has one open or had one asked for within those
 * days; at most {@code dues.field-visits.rule.max-per-run} (200) a run, the longest
 * overdue first. Off unless {@code dues.field-visits.rule.enabled} is true, and on by
 * default in demo mode. Run daily by {@link VisitRuleJob}, or at once by a lead.
 */
@Service
public class VisitRule {

	private static final Logger log = LoggerFactory.getLogger(VisitRule.class);

	private final JdbcClient jdbc;

	private final FieldVisits visits;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Settings settings;

	VisitRule(JdbcClient jdbc, FieldVisits visits, TransactionTemplate transactions, Clock clock, RuntimeMode mode,
			@Value("${dues.field-visits.rule.enabled:#{null}}") @Nullable Boolean enabled,
			@Value("${dues.field-visits.rule.days-overdue:60}") int daysOverdue,
			@Value("${dues.field-visits.rule.no-contact-days:14}") int noContactDays,
			@Value("${dues.field-visits.rule.max-per-run:200}") int maxPerRun) {
		this.jdbc = jdbc;
		this.visits = visits;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = new Settings((enabled == null) ? mode.demo() : enabled, daysOverdue, noContactDays, maxPerRun);
	}

	/** How the rule is set. */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Asks for a visit on every account the rule picks, each in its own transaction.
	 * @return the visits asked for
	 */
	public List<VisitView> run(String by) {
		Timestamp since = Timestamp.from(this.clock.instant().minus(Duration.ofDays(this.settings.noContactDays())));
		List<UUID> picked = this.jdbc.sql("""
				SELECT a.id FROM portfolio_account_facts a
				WHERE a.status = 'ACTIVE' AND a.days_past_due >= :dpd AND a.overdue_amount > 0
				  AND EXISTS (SELECT 1 FROM customer_postal_facts p WHERE p.customer_id = a.customer_id)
				  AND NOT EXISTS (SELECT 1 FROM contact_right_party_facts r
				                  WHERE r.account_id = a.id AND r.started_at > :since)
				  AND NOT EXISTS (SELECT 1 FROM casework_visits v WHERE v.account_id = a.id
				                  AND (v.status IN ('OPEN', 'CHECKED_IN') OR v.requested_at > :since))
				ORDER BY a.days_past_due DESC, a.id
				LIMIT :max""")
			.param("dpd", this.settings.daysOverdue())
			.param("since", since)
			.param("max", this.settings.maxPerRun())
			.query(UUID.class)
			.list();
		String reason = "Visit rule: %d or more days past due, no conversation in %d days"
			.formatted(this.settings.daysOverdue(), this.settings.noContactDays());
		List<VisitView> asked = new java.util.ArrayList<>();
		for (UUID account : picked) {
			try {
				VisitView visit = this.transactions.execute((tx) -> this.visits.request(new AccountId(account), reason,
						null, null, FieldVisits.Source.RULE, by));
				if (visit != null) {
					asked.add(visit);
				}
			}
			catch (ConflictException | InvalidInputException ex) {
				log.debug("Visit rule passed over account {}: {}", account, ex.getMessage());
			}
		}
		log.info("Visit rule asked for {} field visits", asked.size());
		return asked;
	}

	/** The rule's settings. */
	public record Settings(boolean enabled, int daysOverdue, int noContactDays, int maxPerRun) {
	}

}
