package org.dues.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.dues.MutableClock;
import org.dues.compliance.Channel;
import org.dues.messaging.BulkSelector;
import org.dues.messaging.BulkSends;
import org.dues.messaging.BulkView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewBulk;
import org.dues.messaging.NewMessage;
import org.dues.portfolio.AccountId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's bulk send over the accounts browser's selection of {@code bulk.accounts}
 * accounts (5,000 by default): the preview (each account's address and the gate's answer,
 * read-only, once) and the queueing from it (each message rendered once, inserted in
 * batches, no second gate), against the way a bulk send went before, one
 * {@link Messages#preview} and one {@link Messages#queue} an account (rendered and gated
 * twice). Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=BulkSendBenchmark -Dbulk.accounts=5000}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/bulk-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-",
		"dues.messaging.dispatch-enabled=false", "dues.messaging.reminders-cron=-", "logging.level.org.dues=warn",
		"logging.level.org.dues.portfolio.imports.ImportRun=info" })
@Import({ MessagingBenchmark.Config.class, LoadPortfolio.class })
class BulkSendBenchmark {

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	BulkSends bulk;

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void previewAndQueue() throws Exception {
		int accounts = Integer.getInteger("bulk.accounts", 5_000);
		this.clock.set(MessagingBenchmark.NOW.minus(Duration.ofDays(1)));
		this.portfolio.place(accounts);
		this.jdbc.sql("VACUUM ANALYZE").update();
		this.clock.set(MessagingBenchmark.NOW);
		Authentication manager = new UsernamePasswordAuthenticationToken("bench-manager", null,
				List.of(new SimpleGrantedAuthority("ROLE_MANAGER")));
		java.util.Map<String, List<String>> everyLoadAccount = java.util.Map.of("creditors",
				List.of(LoadPortfolio.CREDITOR));
		// warm up: one small bulk send
		List<UUID> some = this.jdbc.sql("SELECT id FROM portfolio_accounts ORDER BY id LIMIT 200")
			.query(UUID.class)
			.list();
		this.bulk.queue(this.bulk
			.start(new NewBulk(new BulkSelector.Accounts(some), Channel.SMS, "reminder", null, null, null), manager)
			.id(), manager);

		long started = System.nanoTime();
		BulkView previewed = this.bulk.start(
				new NewBulk(new BulkSelector.Selection(everyLoadAccount), Channel.SMS, "reminder", null, null, null),
				manager);
		double previewS = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		BulkView queued = this.bulk.queue(previewed.id(), manager);
		double queueS = (System.nanoTime() - started) / 1e9;
		assertThat(previewed.selected()).isEqualTo(accounts);
		assertThat(queued.progress().queued()).isEqualTo(accounts - previewed.unaddressable());

		// as before: preview then queue, one account at a time
		List<UUID> ids = this.jdbc.sql("SELECT account_id FROM messaging_bulk_accounts WHERE bulk_id = :b")
			.param("b", previewed.id())
			.query(UUID.class)
			.list();
		this.clock.set(MessagingBenchmark.NOW.plus(Duration.ofDays(1)));
		UUID old = UUID.randomUUID();
		started = System.nanoTime();
		for (UUID id : ids) {
			NewMessage message = new NewMessage(new AccountId(id), Channel.SMS, "reminder", null, null, null, null, old,
					null);
			Messages.Preview preview = this.messages.preview(message, "bench-manager");
			if (preview.address() != null) {
				this.messages.queue(message, "bench-manager");
			}
		}
		double oldS = (System.nanoTime() - started) / 1e9;
		System.out.printf(
				"BULK accounts=%d wouldGoNow=%d heldBack=%d unaddressable=%d preview=%.1fs queue=%.1fs total=%.1fs"
						+ " | one at a time (preview and queue each, rendered and gated twice): %.1fs%n",
				accounts, previewed.wouldGoNow(), previewed.heldBackNow(), previewed.unaddressable(), previewS, queueS,
				previewS + queueS, oldS);
	}

}
