package org.dues.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionStatus;
import org.dues.contact.InteractionView;
import org.dues.customer.CustomerManagement;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.messaging.provider.ProviderReports;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19's core: templates checked as a provider would check them and versioned; a
 * message rendered in the customer's language, decided by the gate as it leaves, handed
 * to the (simulated) provider and delivered; held back out of hours, blocked by a hold; a
 * STOP that bans the number on every creditor's debts and cancels what was queued, once;
 * a payment that clears the overdue cancels collection messages; a message interrupted by
 * a crash is never sent twice.
 */
@IntegrationTest
class MessagingTests {

	/** Thursday 26 November 2026, 15:30 in India, 05:00 in New York. */
	static final Instant NOW = IntegrationTest.START;

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	Templates templates;

	@Autowired
	Messages messages;

	@Autowired
	Sending sending;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ProviderReports reports;

	@Autowired
	ContactLog contacts;

	@Autowired
	ContactHolds holds;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PaymentManagement payments;

	@Autowired
	MutableClock clock;

	@Autowired
	org.dues.messaging.letter.Letters letters;

	@Autowired
	org.dues.work.NextAccount work;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Other tests sharing the database leave due messages (a receipt for every payment
	 * they post); they leave first, so that each test's dispatch takes its own.
	 */
	@org.junit.jupiter.api.BeforeEach
	void drainOthers() {
		this.dispatcher.dispatchDue(Integer.MAX_VALUE);
	}

	@AfterEach
	void reset() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void theShippedTemplatesCoverEveryPurposeAndChannelInThreeLanguages() {
		// a case's acknowledgements and answers go by letter, the formal record of them
		java.util.Set<MessagePurpose> caseLetters = java.util.Set.of(MessagePurpose.DISPUTE_RESOLUTION,
				MessagePurpose.COMPLAINT_ACKNOWLEDGEMENT, MessagePurpose.COMPLAINT_RESPONSE);
		List<TemplateView> all = this.templates.list(null, null, null, null);
		for (MessagePurpose purpose : MessagePurpose.values()) {
			// the US notices are in English; a case's letters are letters
			if (purpose == MessagePurpose.VALIDATION_NOTICE || purpose == MessagePurpose.DISPUTE_VERIFICATION
					|| purpose == MessagePurpose.REPLY) {
				continue;
			}
			List<Channel> channels = caseLetters.contains(purpose) ? List.of(Channel.LETTER)
					: List.of(Channel.SMS, Channel.EMAIL, Channel.WHATSAPP, Channel.LETTER);
			for (Channel channel : channels) {
				for (String language : List.of("en", "hi", "ml")) {
					assertThat(all).as("%s %s %s", purpose, channel, language)
						.anyMatch((t) -> t.purpose() == purpose && t.channel() == channel
								&& t.language().equals(language) && t.creditorId() == null);
				}
			}
		}
		assertThat(all).filteredOn((t) -> t.channel() == Channel.SMS)
			.allSatisfy((t) -> assertThat(t.dltTemplateId()).matches("[0-9]{19}"));
		assertThat(all).filteredOn((t) -> t.channel() == Channel.WHATSAPP)
			.allSatisfy((t) -> assertThat(t.whatsAppName()).matches("[a-z0-9_]+"));
	}

	@Test
	void aTemplateIsRefusedForWhatAProviderWouldRefuseAndAChangeIsANewVersion() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc.perform(post("/api/v1/templates").with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
				{"code": "%s", "channel": "SMS", "language": "en", "purpose": "REMINDER", "creditor": "%s",
				 "body": "Dear {{customerName}}, pay {{amountDue}} by {{dueDat}}"}""".formatted(code, nbfc.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'body')].message")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("{{dueDat}}"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'dltTemplateId')]").isNotEmpty());
		String tooLong = "{{customerName}} ".repeat(40) + "देय राशि";
		this.mvc.perform(post("/api/v1/templates").with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
				{"code": "%s", "channel": "SMS", "language": "hi", "purpose": "REMINDER", "creditor": "%s",
				 "body": "%s", "dltTemplateId": "1107161000000099999"}""".formatted(code, nbfc.code(), tooLong)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("UCS-2")));
		this.mvc.perform(post("/api/v1/templates").with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
				{"code": "%s", "channel": "WHATSAPP", "language": "ml", "purpose": "REMINDER",
				 "body": "{{customerName}}, {{amountDue}}"}""".formatted(code)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'whatsAppName')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'whatsAppLanguage')]").isNotEmpty());
		assertThat(this.templates.list(null, null, code, null)).isEmpty();

		String made = this.mvc
			.perform(post("/api/v1/templates").with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
					{"code": "%s", "channel": "SMS", "language": "en", "purpose": "REMINDER", "creditor": "%s",
					 "body": "{{creditor}}: {{amountDue}} due on {{dueDate}}. Pay: {{paymentLink}}",
					 "dltTemplateId": "1107161000000099998"}""".formatted(code, nbfc.code())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.segments.encoding").value("UCS-2"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(made, "$.id");
		AccountView account = this.portfolios.overdue(nbfc, 40, "123456.50");
		String agent = agent("msg-v");
		String first = send(account, agent, "SMS", code, null);
		this.mvc.perform(
				put("/api/v1/templates/{id}", id).with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
						{"version": 1, "body": "{{creditor}}: please pay {{amountDue}} by {{dueDate}}: {{paymentLink}}",
						 "dltTemplateId": "1107161000000099998", "reason": "kinder"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		this.mvc.perform(
				put("/api/v1/templates/{id}", id).with(manager()).contentType(MediaType.APPLICATION_JSON).content("""
						{"version": 1, "body": "stale", "dltTemplateId": "1107161000000099998"}"""))
			.andExpect(status().isConflict());
		String second = send(account, agent, "SMS", code, null);
		assertThat(this.messages.get(UUID.fromString(first)).templateVersion()).isEqualTo(1);
		assertThat(this.messages.get(UUID.fromString(second)).templateVersion()).isEqualTo(2);
		assertThat(this.messages.get(UUID.fromString(second)).body()).contains("please pay ₹1,23,456.50");
	}

	@Test
	void aMalayalamPaymentLinkGoesThroughTheGateIsDeliveredAndAStopBansTheNumberOnEveryDebtOnce() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "123456.50");
		String agent = agent("msg-ml");
		this.work.assign(account.id(), agent, "lead");
		String phone = this.customers.get(account.customerId()).phones().get(0).e164();
		this.mvc
			.perform(post("/api/v1/accounts/{id}/messages", account.id().value()).with(user(agent).roles("AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"channel": "SMS", "template": "payment-link", "language": "ml"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SENT"))
			.andExpect(jsonPath("$.language").value("ml"))
			.andExpect(jsonPath("$.to").value(phone))
			.andExpect(jsonPath("$.body").value(org.hamcrest.Matchers.containsString("₹1,23,456.50")))
			.andExpect(jsonPath("$.body").value(org.hamcrest.Matchers.containsString("ലിങ്ക്")));
		MessageView sent = this.messages.ofAccount(account.id(), 1).get(0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.messages.get(sent.id()).status() == MessageStatus.DELIVERED);
		InteractionView logged = this.contacts.timeline(account.id(), 10)
			.stream()
			.filter((i) -> i.channel() == Channel.SMS)
			.findFirst()
			.orElseThrow();
		assertThat(logged.status()).isEqualTo(InteractionStatus.LOGGED);
		assertThat(logged.result()).isEqualTo(org.dues.compliance.ContactResult.DELIVERED);

		// a reminder queued for tomorrow, and another of the same person's debts with
		// another creditor
		CreditorView other = this.portfolios.indianNbfc();
		var row = Portfolios.row(other, "5000.00");
		row.put("phone_1", phone);
		row.put("overdue_amount", "5000.00");
		row.put("oldest_due_date", LocalDate.of(2026, 10, 1).toString());
		AccountView elsewhere = this.portfolios.place(other, row);
		MessageView later = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "reminder", "ml", null,
				NOW.plus(Duration.ofDays(1)), null, null, null), agent);
		assertThat(later.status()).isEqualTo(MessageStatus.QUEUED);

		assertThat(this.reports.inbound("simulated", "in-1", Channel.SMS, phone, null, " stop ")).isTrue();
		assertThat(this.reports.inbound("simulated", "in-1", Channel.SMS, phone, null, " stop ")).isFalse();
		assertThat(this.messages.get(later.id()).status()).isEqualTo(MessageStatus.CANCELLED);
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_channel_bans WHERE address = :a")
			.param("a", phone)
			.query(Long.class)
			.single()).isEqualTo(2);
		for (AccountView debt : List.of(account, elsewhere)) {
			this.mvc
				.perform(get("/api/v1/accounts/{id}/contact-check", debt.id().value()).param("channel", "SMS")
					.param("address", phone)
					.with(user(agent).roles("AGENT", "MANAGER")))
				.andExpect(jsonPath("$.decision").value("BLOCKED"));
		}
		// the reply is on the timeline
		assertThat(this.contacts.timeline(account.id(), 10)).anyMatch((i) -> "stop".equals(i.note()));
		// and the next message is blocked, not sent
		this.mvc
			.perform(post("/api/v1/accounts/{id}/messages", account.id().value()).with(user(agent).roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"channel": "SMS", "template": "payment-link"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("BLOCKED"))
			.andExpect(jsonPath("$.reasons").isNotEmpty());
	}

	@Test
	void outsideContactHoursAMessageWaitsWithItsReasonsAndAHoldBlocksIt() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		AccountView account = this.portfolios.overdue(card, 40, "1234.50");
		String agent = agent("msg-us");
		// 05:00 in New York: too early
		MessageView waiting = this.sending.send(NewMessage.now(account.id(), Channel.SMS, "payment-link", null, null),
				agent);
		assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
		assertThat(waiting.reasons()).isNotBlank();
		assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
		assertThat(waiting.body()).contains("$1,234.50").endsWith("Reply STOP to opt out.");
		// at 08:00 it goes
		this.clock.set(Instant.parse("2026-11-26T13:00:00Z"));
		assertThat(this.dispatcher.dispatchDue(100)).isGreaterThanOrEqualTo(1);
		assertThat(this.messages.get(waiting.id()).status()).isEqualTo(MessageStatus.SENT);

		MessageView queued = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "reminder", null, null,
				NOW.plus(Duration.ofDays(2)), null, null, null), agent);
		this.holds.place(account.customerId(), List.of(), HoldType.CEASE, null, null, "asked us to stop", "officer");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.messages.get(queued.id()).status() == MessageStatus.CANCELLED);
		MessageView blocked = this.sending.send(NewMessage.now(account.id(), Channel.SMS, "payment-link", null, null),
				agent);
		assertThat(blocked.status()).isEqualTo(MessageStatus.BLOCKED);
		assertThat(blocked.reasons()).containsIgnoringCase("cease");
	}

	@Test
	void aPaymentThatClearsTheOverdueCancelsQueuedCollectionMessagesButNotAReceipt() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "1000.00");
		String agent = agent("msg-pay");
		MessageView reminder = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "reminder", null, null,
				NOW.plus(Duration.ofDays(1)), null, null, null), agent);
		MessageView receipt = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "payment-receipt", null,
				null, NOW.plus(Duration.ofDays(1)), null, null, null), agent);
		this.payments.post(account.id(), new NewPayment(Money.of("1000.00", "INR"), PaymentChannel.UPI,
				"UPI-" + UUID.randomUUID(), LocalDate.of(2026, 11, 26)), agent);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.messages.get(reminder.id()).status() == MessageStatus.CANCELLED);
		assertThat(this.messages.get(receipt.id()).status()).isEqualTo(MessageStatus.QUEUED);
	}

	@Test
	void aBatchCountsTheMessagesDecidedBeforeItAgainstAFrequencyLimit() {
		// Monday 10:00 in Boston: texts are allowed, two per debt in seven days (940 CMR
		// 7.04(1)(f))
		this.clock.set(Instant.parse("2026-11-30T15:00:00Z"));
		try {
			CreditorView card = this.portfolios.usIssuer();
			Map<String, String> row = Portfolios.row(card, "900.00");
			row.put("overdue_amount", "90.00");
			row.put("oldest_due_date", "2026-10-15");
			row.put("address_line1", "1 Beacon St");
			row.put("city", "Boston");
			row.put("state", "MA");
			row.put("postal_code", "02108");
			row.put("country", "US");
			AccountView account = this.portfolios.place(card, row);
			List<UUID> queued = new ArrayList<>();
			for (String template : List.of("reminder", "payment-link", "reminder")) {
				queued.add(
						this.messages
							.queue(new NewMessage(account.id(), Channel.SMS, template, "en", null, null, null, null,
									null), agent("msg-boston"))
							.id());
			}

			// one batch takes the three: each is decided on the history with those before
			// it
			this.dispatcher.dispatchDue(50);

			// which of the three waits depends on the order the batch took them in (all
			// were due at the same moment)
			List<MessageView> after = queued.stream().map(this.messages::get).toList();
			assertThat(after).extracting(MessageView::status)
				.containsExactlyInAnyOrder(MessageStatus.SENT, MessageStatus.SENT, MessageStatus.QUEUED);
			MessageView waiting = after.stream().filter((m) -> m.status() == MessageStatus.QUEUED).findFirst().get();
			assertThat(waiting.reasons()).contains("940 CMR").contains("the limit is 2");
			assertThat(waiting.nextAttemptAt()).isAfter(this.clock.instant());
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM compliance_decisions
					WHERE account_id = :a AND outcome = 'ALLOWED' AND channel = 'SMS'""")
				.param("a", account.id().value())
				.query(Long.class)
				.single()).isEqualTo(2);
		}
		finally {
			this.clock.set(NOW);
		}
	}

	@Test
	void aSenderWithoutARecoveryAgentCertificateHasTheirMessagesOnAnIndianAccountBlocked() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "1000.00");
		this.users.createIfAbsent(new NewUser("msg-uncertified", "msg-uncertified", "secret-secret-secret",
				Set.of(Role.AGENT, Role.MANAGER), List.of("en"), List.of(), null, null));
		MessageView certified = this.messages.queue(
				new NewMessage(account.id(), Channel.SMS, "reminder", null, null, null, null, null, null),
				agent("msg-certified"));
		MessageView uncertified = this.messages.queue(
				new NewMessage(account.id(), Channel.SMS, "payment-link", null, null, null, null, null, null),
				"msg-uncertified");
		// a notice the creditor owes the customer is its correspondence, not a recovery
		// agent's contact: the same sender's acknowledgement of a dispute goes
		MessageView notice = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "dispute-acknowledgement",
				null, null, null, null, null, null), "msg-uncertified");

		// one batch, two senders: each is asked about once
		this.dispatcher.dispatchDue(50);

		assertThat(this.messages.get(certified.id()).status()).isNotEqualTo(MessageStatus.BLOCKED);
		MessageView blocked = this.messages.get(uncertified.id());
		assertThat(blocked.status()).isEqualTo(MessageStatus.BLOCKED);
		assertThat(blocked.reasons()).contains("msg-uncertified may make no contact on this account")
			.contains("certificate.none");
		MessageView acknowledged = this.messages.get(notice.id());
		assertThat(acknowledged.status()).isNotEqualTo(MessageStatus.BLOCKED);
		assertThat(String.valueOf(acknowledged.reasons())).doesNotContain("certificate");
	}

	@Test
	void aMessageInterruptedWhileHandedOverIsNeverSentTwice() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "1000.00");
		MessageView queued = this.messages.queue(
				new NewMessage(account.id(), Channel.SMS, "reminder", null, null, null, null, null, null),
				agent("msg-crash"));
		MessageView notYet = this.messages.queue(
				new NewMessage(account.id(), Channel.SMS, "payment-link", null, null, null, null, null, null),
				agent("msg-crash"));
		// as a crash would leave them: claimed for a provider that keeps no ids, the
		// first
		// handed over, the second not yet (its batch's hand-over had not reached it)
		this.jdbc.sql("""
				UPDATE messaging_messages SET status = 'SENDING', provider = 'twilio', updated_at = :at,
				    handover_started_at = CASE WHEN id = :handed THEN CAST(:at AS timestamptz) END
				WHERE id IN (:handed, :waiting)""")
			.param("at", java.sql.Timestamp.from(NOW.minus(Duration.ofMinutes(10))))
			.param("handed", queued.id())
			.param("waiting", notYet.id())
			.update();
		this.dispatcher.recoverInterrupted();
		MessageView after = this.messages.get(queued.id());
		assertThat(after.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(after.history()).last().satisfies((e) -> assertThat(e.detail()).contains("never sent twice"));
		MessageView again = this.messages.get(notYet.id());
		assertThat(again.status()).isEqualTo(MessageStatus.QUEUED);
		assertThat(again.history()).last()
			.satisfies((e) -> assertThat(e.detail()).contains("before it was handed over"));
	}

	@Test
	void aBulkSendPreviewsItsCountsThenQueuesEachForTheGateToDecideWhenItLeaves() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(card, 40, "100.00");
		AccountView second = this.portfolios.overdue(card, 50, "200.00");
		String body = """
				{"accountIds": ["%s", "%s"], "channel": "SMS", "template": "reminder", "preview": %s}""";
		// 05:00 in New York: both would be held back now, none is queued by a preview
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(first.id().value(), second.id().value(), "true")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accounts").value(2))
			.andExpect(jsonPath("$.queued").value(0))
			.andExpect(jsonPath("$.heldBackNow").value(2))
			.andExpect(jsonPath("$.wouldGoNow").value(0));
		assertThat(this.messages.ofAccount(first.id(), 10)).isEmpty();
		String made = this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(first.id().value(), second.id().value(), "false")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.queued").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.messages.ofAccount(second.id(), 10)).singleElement()
			.satisfies((m) -> assertThat(m.status()).isEqualTo(MessageStatus.QUEUED));
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging_messages WHERE bulk_id = :b")
			.param("b", UUID.fromString(JsonPath.read(made, "$.id")))
			.query(Long.class)
			.single()).isEqualTo(2);
		// an agent may not send to accounts beyond their scope
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(user(agent("msg-bulk")).roles("AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(first.id().value(), second.id().value(), "false")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStopWordTheCreditorSetInMalayalamOptsOutAndOtherRepliesDoNot() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "1000.00");
		String phone = this.portfolios.firstPhone(account);
		this.mvc
			.perform(put("/api/v1/creditors/{code}/messaging", nbfc.code()).with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"reminderDaysBefore": 3, "brokenPromiseNotice": true, "stopWords": ["നിർത്തുക", "रोकें"],
						 "dltEntityId": "1101234567890123456", "dltHeader": "TSTNBF"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stopWords[0]").value("നിർത്തുക"));
		this.mvc.perform(put("/api/v1/creditors/{code}/messaging", nbfc.code()).with(manager())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"reminderDaysBefore": 45, "brokenPromiseNotice": true, "stopWords": [], "dltHeader": "tst"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'reminderDaysBefore')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'dltHeader')]").isNotEmpty());
		assertThat(this.reports.inbound("simulated", "ml-1", Channel.SMS, phone, null, "ഞാൻ നാളെ അടയ്ക്കാം")).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_channel_bans WHERE address = :a")
			.param("a", phone)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.reports.inbound("simulated", "ml-2", Channel.SMS, phone, null, "നിർത്തുക")).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_channel_bans WHERE address = :a")
			.param("a", phone)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMalayalamLetterFromItsTemplateGoesToThePrintBatchAsAPdf() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		var row = Portfolios.row(nbfc, "50000.00");
		row.put("overdue_amount", "50000.00");
		row.put("oldest_due_date", LocalDate.of(2026, 9, 1).toString());
		row.put("address_line1", "TC 12/345, Pattom");
		row.put("city", "Thiruvananthapuram");
		row.put("state", "Kerala");
		row.put("postal_code", "695004");
		AccountView account = this.portfolios.place(nbfc, row);
		MessageView sent = this.sending.send(NewMessage.now(account.id(), Channel.LETTER, "demand-notice", "ml", null),
				agent("msg-letter"));
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.provider()).isEqualTo("print");
		var letters = this.letters.ofAccount(account.id());
		assertThat(letters).singleElement().satisfies((letter) -> {
			assertThat(letter.language()).isEqualTo("ml");
			assertThat(letter.pages()).isPositive();
			assertThat(letter.addressLines()).anyMatch((l) -> l.contains("695004"));
		});
		byte[] pdf = this.letters.pdf(letters.get(0).id()).orElseThrow();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/letter-from-template-ml.pdf"), pdf);
	}

	/**
	 * A letter's attempt follows the letter: the post sends no delivery report, so once
	 * the letter is handed to the print batch its attempt is sent, as the message is, not
	 * in progress for ever; a letter that cannot go (no postal address) fails its
	 * attempt.
	 */
	@Test
	void aLettersAttemptIsSentWhenTheLetterIsAndFailedWhenItCannotGo() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		var row = Portfolios.row(nbfc, "42000.00");
		row.put("overdue_amount", "42000.00");
		row.put("oldest_due_date", LocalDate.of(2026, 9, 1).toString());
		row.put("address_line1", "TC 12/345, Pattom");
		row.put("city", "Thiruvananthapuram");
		row.put("state", "KL");
		row.put("postal_code", "695004");
		AccountView account = this.portfolios.place(nbfc, row);
		MessageView sent = this.sending.send(NewMessage.now(account.id(), Channel.LETTER, "demand-notice", "en", null),
				agent("msg-letter-attempt"));
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		InteractionView attempt = this.contacts.timeline(account.id(), 10)
			.stream()
			.filter((i) -> i.channel() == Channel.LETTER)
			.findFirst()
			.orElseThrow();
		assertThat(attempt.status()).isEqualTo(InteractionStatus.LOGGED);
		assertThat(attempt.result()).isEqualTo(org.dues.compliance.ContactResult.SENT);
		// the compliance panel's latest contacts say so in the reader's language
		String panel = this.mvc
			.perform(get("/accounts/{id}/compliance", account.id().value()).param("lang", "hi")
				.with(user("msg-letter-attempt").roles("AGENT", "MANAGER")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(panel).select("[data-timeline]").text()).contains("भेजा गया")
			.doesNotContain("जारी");
	}

	@Test
	void smsPartsAreCountedInGsm7OrUcs2() {
		assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
		assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments("GSM-7", 161, 2));
		assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 160, 1));
		assertThat(SmsSegments.of("न".repeat(70))).isEqualTo(new SmsSegments("UCS-2", 70, 1));
		assertThat(SmsSegments.of("न".repeat(71))).isEqualTo(new SmsSegments("UCS-2", 71, 2));
		assertThat(SmsSegments.of("₹" + "a".repeat(134)).segments()).isEqualTo(3);
	}

	private String send(AccountView account, String agent, String channel, String template, String language)
			throws Exception {
		String body = (language == null) ? "{\"channel\": \"%s\", \"template\": \"%s\"}".formatted(channel, template)
				: "{\"channel\": \"%s\", \"template\": \"%s\", \"language\": \"%s\"}".formatted(channel, template,
						language);
		String answer = this.mvc
			.perform(post("/api/v1/accounts/{id}/messages", account.id().value()).with(user(agent).roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	private String agent(String name) {
		this.users.createIfAbsent(new NewUser(name, name, "secret-secret-secret", Set.of(Role.AGENT, Role.MANAGER),
				List.of("en", "ml"), List.of(), "RA-" + name, LocalDate.of(2027, 12, 31)));
		return name;
	}

	private static RequestPostProcessor manager() {
		return user("msg-manager").roles("MANAGER");
	}

}
