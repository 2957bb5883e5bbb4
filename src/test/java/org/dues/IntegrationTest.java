package org.dues;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;

import org.dues.customer.CustomerManagement;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Placements;
import org.dues.work.Queues;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A test against the whole application on a fresh embedded PostgreSQL, with a clock the
 * test moves. Every test with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dues.data-dir=target/test-data/${random.uuid}", "dues.database.durable=false",
				"dues.demo=false", "dues.admin-password=admin-secret", "dues.aging.cron=-", "dues.arrangements.cron=-",
				"dues.work.order-cron=-", "dues.reporting.snapshot-cron=-", "dues.reporting.counters-cron=-",
				"dues.letters.print-cron=-", "dues.reporting.delivery-cron=-", "dues.telephony.recordings.purge-cron=-",
				"dues.telephony.inbound.pass-seconds=0", "dues.metrics.password=scrape-secret-of-tests",
				"dues.messaging.dispatch-enabled=false", "dues.messaging.reminders-cron=-",
				"dues.messaging.simulated.failure-share=0", "dues.messaging.simulated.delay=200ms",
				"dues.payments.simulated.failure-share=0", "dues.payments.simulated.delay=200ms",
				"dues.work.prepare-ahead=false", "logging.level.org.flywaydb=warn" })
@AutoConfigureMockMvc
@Import({ IntegrationTest.TestClockConfiguration.class, MockMvcSessions.class })
public @interface IntegrationTest {

	/** The clock starts at 2026-11-26 10:00 UTC (15:30 in India, 05:00 in New York). */
	Instant START = Instant.parse("2026-11-26T10:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	class TestClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

		@Bean
		Portfolios portfolios(Creditors creditors, Placements placements, Clock clock, CustomerManagement customers) {
			return new Portfolios(creditors, placements, clock, customers);
		}

		@Bean
		TestAgents testAgents(UserManagement users, Teams teams, Queues queues) {
			return new TestAgents(users, teams, queues);
		}

	}

}
