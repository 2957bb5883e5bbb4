package org.dues.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.casework.FieldAreas;
import org.dues.casework.FieldVisits;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.payment.ReceiptBooks;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.Actor;
import org.dues.system.RuntimeMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's field agent: {@code field1}, covering Kollam's PIN codes (6910xx),
 * certified, with a current letter of authorisation and identity card and a receipt book
 * of 100 leaves; and, on every start in demo mode, several visits due today on Kollam
 * accounts when field1 has none today, so that the phone page always has a day's work.
 */
@Component
@Order(12)
class DemoFieldVisits implements ApplicationRunner {

	static final String AGENT = "field1";

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final UserManagement users;

	private final FieldAreas areas;

	private final FieldVisits visits;

	private final ReceiptBooks books;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String demoPassword;

	DemoFieldVisits(RuntimeMode mode, Creditors creditors, UserManagement users, FieldAreas areas, FieldVisits visits,
			ReceiptBooks books, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${dues.demo-password:demo}") String demoPassword) {
		this.mode = mode;
		this.creditors = creditors;
		this.users = users;
		this.areas = areas;
		this.visits = visits;
		this.books = books;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.demoPassword = demoPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo()) {
			return;
		}
		CreditorView nbfc = this.creditors.findByCode("MALABAR").orElse(null);
		if (nbfc == null) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(nbfc.timeZone()));
		this.transactions.executeWithoutResult((tx) -> equip(today));
		if (this.visits.countDue(AGENT, today) == 0) {
			plan(nbfc, today);
		}
	}

	/** field1, their area and papers and a receipt book, where missing. */
	private void equip(LocalDate today) {
		LocalDate year = today.plusYears(1);
		this.users.createIfAbsent(new NewUser(AGENT, "Arun Pillai", this.demoPassword, Set.of(Role.FIELD_AGENT),
				List.of("ml", "en"), List.of("KL"), "IBA-DRA-KL-20877", year));
		if (this.areas.agent(AGENT).map((a) -> a.postalCodes().isEmpty()).orElse(false)) {
			this.areas.set(AGENT, List.of("6910*"), "MFL/AUTH/2026/117", year, "MFL-FA-0117", year, "system");
		}
		Actor issuer = Actor.of("lead1", "ROLE_TEAM_LEAD");
		if (this.books.list(AGENT, issuer).isEmpty()) {
			this.books.issue("KLF1", 1, 100, AGENT, issuer);
		}
	}

	/**
	 * Six visits today on Kollam accounts overdue longest, asked for by lead1 and given
	 * to field1 by area.
	 */
	private void plan(CreditorView nbfc, LocalDate today) {
		List<UUID> kollam = this.jdbc.sql("""
				SELECT a.id FROM portfolio_account_facts a
				WHERE a.creditor_id = :creditor AND a.status = 'ACTIVE' AND a.overdue_amount > 0
				  AND EXISTS (SELECT 1 FROM customer_postal_facts p WHERE p.customer_id = a.customer_id
				              AND p.postal_code LIKE '6910%')
				ORDER BY a.days_past_due DESC, a.id
				LIMIT 12""").param("creditor", nbfc.id().value()).query(UUID.class).list();
		int planned = 0;
		for (UUID account : kollam) {
			if (planned == 6) {
				break;
			}
			try {
				this.transactions.executeWithoutResult((tx) -> this.visits.request(new AccountId(account),
						"Not reachable by phone: visit at home", today, null, FieldVisits.Source.DESK, "lead1"));
				planned++;
			}
			catch (ConflictException | InvalidInputException ex) {
				// an account with a visit open already, or no address in use
			}
		}
	}

}
