package org.dues.messaging.provider;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.Sending;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounces read from a real IMAP mailbox (GreenMail): a hard bounce (failed, 5.1.1) found
 * by its VERP address marks the email BOUNCED, bans email to the address for both people
 * who have it and cancels their queued emails, once however often it is read; a delay
 * (4.4.7) found by the returned Message-ID goes on the history only; a bounce naming no
 * message of ours is recorded and left in the mailbox.
 */
@IntegrationTest
class BounceMailboxTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

	@Autowired
	Portfolios portfolios;

	@Autowired
	Sending sending;

	@Autowired
	Messages messages;

	@Autowired
	ProviderReports reports;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHardBounceBouncesTheEmailAndBansTheAddressForEveryoneWithItOnce() throws Exception {
		GreenMailUser box = mail.setUser("bounces@dues.example.com", "bounces", "bounce-secret");
		String address = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.in";
		AccountView first = withEmail(this.portfolios.indianNbfc(), address);
		AccountView second = withEmail(this.portfolios.indianNbfc(), address);
		assertThat(first.customerId()).isNotEqualTo(second.customerId());
		String agent = agent("bounce-agent");
		MessageView sent = this.sending.send(NewMessage.now(first.id(), Channel.EMAIL, "reminder", "en", null), agent);
		assertThat(sent.status()).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(sent.address()).isEqualTo(address);
		MessageView queuedFirst = later(first, agent);
		MessageView queuedSecond = later(second, agent);

		box.deliver(dsn("dsn-hard.eml", sent.id(), address));
		BounceMailbox mailbox = mailbox();
		assertThat(mailbox.poll()).isEqualTo(1);

		MessageView bounced = this.messages.get(sent.id());
		assertThat(bounced.status()).isEqualTo(MessageStatus.BOUNCED);
		assertThat(bounced.history()).last().satisfies((e) -> {
			assertThat(e.status()).isEqualTo(MessageStatus.BOUNCED);
			assertThat(e.detail()).contains("5.1.1").contains("User unknown");
		});
		assertThat(bans(address)).isEqualTo(2);
		assertThat(this.messages.get(queuedFirst.id()).status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(this.messages.get(queuedSecond.id()).status()).isEqualTo(MessageStatus.CANCELLED);
		// taken: deleted from the mailbox
		assertThat(mail.getReceivedMessages()).isEmpty();

		// the same notification again (a server that sent it twice): no second effect
		box.deliver(dsn("dsn-hard.eml", sent.id(), address));
		int events = this.messages.get(sent.id()).history().size();
		assertThat(mailbox.poll()).isEqualTo(1);
		assertThat(this.messages.get(sent.id()).history()).hasSize(events);
		assertThat(bans(address)).isEqualTo(2);
		assertThat(mail.getReceivedMessages()).isEmpty();
		assertThat(mailbox.poll()).isZero();
		assertThat(this.jdbc.sql("SELECT outcome FROM messaging_bounces WHERE message_id = :id")
			.param("id", sent.id())
			.query(String.class)
			.list()).containsExactly("BOUNCED");
	}

	@Test
	void aDelayGoesOnTheHistoryOnlyAndABounceOfNoMessageOfOursIsLeftInTheMailbox() throws Exception {
		GreenMailUser box = mail.setUser("bounces@dues.example.com", "bounces", "bounce-secret");
		String address = "slow-" + UUID.randomUUID().toString().substring(0, 8) + "@example.in";
		AccountView account = withEmail(this.portfolios.indianNbfc(), address);
		String agent = agent("bounce-agent");
		MessageView sent = this.sending.send(NewMessage.now(account.id(), Channel.EMAIL, "reminder", "en", null),
				agent);
		MessageView queued = later(account, agent);
		// the simulated provider reports it delivered shortly
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.messages.get(sent.id()).status() == MessageStatus.DELIVERED);
		MessageStatus before = MessageStatus.DELIVERED;

		box.deliver(dsn("dsn-delayed.eml", sent.id(), address));
		UUID stranger = UUID.randomUUID();
		box.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(text("dsn-hard.eml", stranger, "someone@example.org")
					.replace("20261126100500.4F1A2B3C", "stranger-" + stranger)
					.getBytes(StandardCharsets.UTF_8))));
		assertThat(mailbox().poll()).isEqualTo(1);

		MessageView after = this.messages.get(sent.id());
		assertThat(after.status()).isEqualTo(before);
		assertThat(after.history()).last().satisfies((e) -> {
			assertThat(e.status()).isEqualTo(before);
			assertThat(e.detail()).startsWith("delivery delayed: 4.4.7 delayed").contains("connection timed out");
		});
		assertThat(bans(address)).isZero();
		assertThat(this.messages.get(queued.id()).status()).isEqualTo(MessageStatus.QUEUED);
		assertThat(bans("someone@example.org")).isZero();
		// the stranger's bounce stays in the mailbox, seen, for a person to read
		assertThat(mail.getReceivedMessages()).singleElement().satisfies((left) -> {
			assertThat(left.getMessageID()).contains("stranger-" + stranger);
			assertThat(left.getFlags().contains(Flags.Flag.SEEN)).isTrue();
		});
		assertThat(this.jdbc.sql("SELECT outcome FROM messaging_bounces WHERE bounce_id LIKE :id")
			.param("id", "%stranger-" + stranger + "%")
			.query(String.class)
			.single()).isEqualTo("UNMATCHED");
		assertThat(mailbox().poll()).isZero();
		assertThat(mail.getReceivedMessages()).hasSize(1);
	}

	private BounceMailbox mailbox() {
		return new BounceMailbox(new BounceProperties("localhost", mail.getImap().getPort(), "bounces", "bounce-secret",
				false, "INBOX", Duration.ofMinutes(1), 100, Duration.ofSeconds(5)), this.reports);
	}

	private MessageView later(AccountView account, String agent) {
		return this.messages.queue(new NewMessage(account.id(), Channel.EMAIL, "reminder", "en", null,
				IntegrationTest.START.plus(Duration.ofDays(1)), null, null, null), agent);
	}

	private AccountView withEmail(CreditorView creditor, String address) {
		Map<String, String> row = Portfolios.row(creditor, "25000.00");
		row.put("email", address);
		row.put("overdue_amount", "25000.00");
		row.put("oldest_due_date", LocalDate.of(2026, 10, 1).toString());
		return this.portfolios.place(creditor, row);
	}

	private long bans(String address) {
		return this.jdbc.sql("SELECT count(*) FROM compliance_channel_bans WHERE address = :a AND channel = 'EMAIL'")
			.param("a", address)
			.query(Long.class)
			.single();
	}

	private static MimeMessage dsn(String file, UUID id, String address) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(text(file, id, address).getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(String file, UUID id, String address) throws Exception {
		return new ClassPathResource("messaging/" + file).getContentAsString(StandardCharsets.UTF_8)
			.replace("{{id}}", id.toString())
			.replace("{{address}}", address)
			.replace("\n", "\r\n");
	}

	private String agent(String name) {
		this.users.createIfAbsent(new NewUser(name, name, "secret-secret-secret", Set.of(Role.AGENT, Role.MANAGER),
				List.of("en", "ml"), List.of(), "RA-" + name, LocalDate.of(2027, 12, 31)));
		return name;
	}

}
