package org.dues.system;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.Placements;
import org.dues.portfolio.Source;
import org.dues.shared.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code DUES_DATABASE_URL} set, Dues starts no embedded database: it migrates the
 * configured PostgreSQL server and works there. Runs against the server on 127.0.0.1:5432
 * (database {@code test}) in a schema of its own, and is skipped when no server listens
 * there.
 */
@SpringBootTest(properties = { "dues.admin-password=admin-secret", "dues.aging.cron=-" })
class ExternalPostgresTests {

	static final String HOST = "127.0.0.1";

	static final int PORT = 5432;

	static final String SCHEMA = "dues_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	static final String URL = "jdbc:postgresql://%s:%d/test".formatted(HOST, PORT);

	@BeforeAll
	static void requireServer() {
		boolean reachable;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			reachable = true;
		}
		catch (Exception ex) {
			reachable = false;
		}
		Assumptions.assumeTrue(reachable,
				"No PostgreSQL server listens on %s:%d; skipping the external database test".formatted(HOST, PORT));
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("dues.database.url", () -> URL + "?currentSchema=" + SCHEMA);
		registry.add("dues.database.username", () -> "postgres");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
		catch (Exception ex) {
			// The server was not there; nothing to drop.
		}
	}

	@Autowired
	RuntimeMode mode;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Creditors creditors;

	@Autowired
	Placements placements;

	@Autowired
	Accounts accounts;

	@Autowired
	PaymentManagement payments;

	@Test
	void migratesTheServerAndWorksThere() {
		assertThat(this.mode.embeddedDatabase()).isFalse();
		assertThat(this.mode.demo()).as("no demo data on a configured server by default").isFalse();
		assertThat(this.jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
			.isGreaterThanOrEqualTo(5);

		CreditorView creditor = this.creditors
			.create(new NewCreditor("EXT", "External", "GB", "GBP", "GB", "Europe/London", null, null));
		var row = new java.util.HashMap<String, String>();
		row.put("account_ref", "GB-1");
		row.put("customer_ref", "GBC-1");
		row.put("customer_name", "Siobhan O'Neill");
		row.put("currency", "GBP");
		row.put("principal_outstanding", "£1,250.00");
		row.put("overdue_amount", "300");
		row.put("oldest_due_date", LocalDate.of(2026, 10, 1).toString());
		row.put("phone_1", "07700 900123");
		AccountView account = this.placements
			.place(creditor, new PlacementParser(creditor, null).parse(row).placement(),
					new Source("TEST", null, "tester", null))
			.account();
		this.payments.post(account.id(),
				new NewPayment(Money.of("300", "GBP"), PaymentChannel.BANK_TRANSFER, "FPS-1", null), "tester");
		AccountView after = this.accounts.get(account.id());
		assertThat(after.balances().principal()).isEqualTo(Money.of("950", "GBP"));
		assertThat(after.bucket()).isEqualTo("CURRENT");
		assertThat(this.accounts.ledger(account.id())).hasSize(2);
		assertThat(this.jdbc.sql("SELECT to_regclass('scheduled_tasks') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
		assertThat(List.of(this.creditors.getByCode("EXT").timeZone().getId())).containsExactly("Europe/London");
	}

}
