package org.dues.messaging.letter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountId;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.HoldType;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.OutboundContacts;
import org.dues.MutableClock;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.Sending;
import org.dues.messaging.provider.Handover;
import org.dues.messaging.provider.Outgoing;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Source;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A US consumer account placed through the API gets its validation notice, whose dates
 * and amounts are worked out here by hand; an Indian account gets none; the print batch
 * takes the notice with a manifest.
 */
@IntegrationTest
class LettersIntegrationTests {

	/** The test clock starts on Thanksgiving 2026, 05:00 in New York. */
	private static final LocalDate PLACED = LocalDate.of(2026, 11, 26);

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Letters letters;

	@Autowired
	ValidationNotices notices;

	@Autowired
	PrintBatches batches;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountLedger ledger;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	PrintProvider print;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Messages messages;

	@Autowired
	Sending sending;

	@Autowired
	MutableClock clock;

	@Autowired
	ContactHolds holds;

	@Autowired
	ContactPreferences preferences;

	@Autowired
	NoticeFallback fallback;

	@Test
	void aUsAccountPlacedThroughTheApiGetsItsValidationNotice() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String ref = "CC-" + UUID.randomUUID().toString().substring(0, 8) + "-4417";
		String placed = place(issuer, ref, "US",
				"""
						"product": "credit card", "chargeOffDate": "2026-06-30", "principalOutstanding": "1200.00",
						"interestOutstanding": "45.50", "feesOutstanding": "25.00", "overdueAmount": "1270.50", "oldestDueDate": "2026-04-30",
						"addressLine1": "1200 Elm Street", "addressLine2": "Apt 4B", "city": "Springfield", "state": "IL",
						"postalCode": "62704", "country": "US\"""");
		UUID account = UUID.fromString(JsonPath.read(placed, "$.id"));

		// READY once the gate let its message go to the print provider
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.letters.ofAccount(new AccountId(account))
				.stream()
				.anyMatch((l) -> "READY".equals(l.status())));
		String list = this.mvc.perform(get("/api/v1/accounts/{id}/letters", account).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(list, "$[*].template")).containsExactly("validation-notice");
		assertThat(JsonPath.<List<String>>read(list, "$[*].status")).containsExactly("READY");
		String link = JsonPath.read(list, "$[0].pdf");
		byte[] pdf = this.mvc.perform(get(link).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		Files.write(Files.createDirectories(Path.of("target", "letters")).resolve("validation-notice.pdf"), pdf);
		// Sent on Thursday 26 November 2026, Thanksgiving: Friday 27 is the 1st day, the
		// weekend does not count, Monday 30 the 2nd, then 1, 2 and 3 December: received
		// Thursday 3 December; the period ends 30 days later, on 2 January 2027.
		LocalDate received = LocalDate.of(2026, 12, 3);
		assertThat(received.plusDays(30)).isEqualTo(LocalDate.of(2027, 1, 2));
		String text = text(pdf);
		assertThat(text).contains("November 26, 2026")
			.contains("Call or write to us by January 2, 2027")
			.contains("If you write to us by January 2, 2027")
			.contains("If you write by January 2, 2027")
			.contains("As of June 30, 2026, you owed: $1,200.00")
			.contains("You were charged this amount in interest: + $45.50")
			.contains("You were charged this amount in fees: + $25.00")
			.contains("You paid or were credited this amount toward the debt: \u2013 $0.00")
			.contains("Total amount of the debt now: $1,270.50")
			.contains("Test Card Co")
			.contains("credit card from Test Card Co with account number ending in 4417")
			.contains("1200 Elm Street", "Apt 4B", "Springfield, IL 62704")
			.contains("This is not my debt.", "The amount is wrong.",
					"I want you to send me the name and address of the original creditor.")
			.contains("www.cfpb.gov/debt-collection");

		// Its PDF is kept once: asking again gives the same letter.
		assertThat(this.notices.produce(new AccountId(account), PLACED).orElseThrow().id().toString())
			.isEqualTo(JsonPath.read(list, "$[0].id"));
	}

	@Test
	void theItemizationCountsInterestFeesPaymentsAndCreditsSinceTheChargeOff() {
		CreditorView issuer = this.portfolios.usIssuer();
		var account = this.portfolios.placed(issuer, "2000.00", "150.25", "35.00", "2185.25", PLACED.minusDays(90));
		Source source = new Source("API", null, "test", null);
		this.ledger.charge(account.id(), BalanceComponent.INTEREST, usd("12.40"), PLACED, source);
		this.ledger.charge(account.id(), BalanceComponent.FEES, usd("15.00"), PLACED, source);
		this.ledger.waive(account.id(), BalanceComponent.FEES, usd("10.00"), PLACED, source);
		this.ledger.postPayment(account.id(), usd("300.00"), PLACED, source);

		// Placed without a charge-off date: itemized from the placement date, when the
		// whole
		// placed balance was owed.
		Itemization fromPlacement = Itemization.of(this.accounts.get(account.id()), PLACED,
				this.accounts.ledger(account.id()));
		assertThat(fromPlacement.basis()).isEqualTo(Itemization.Basis.PLACEMENT);
		assertThat(fromPlacement.date()).isEqualTo(PLACED);
		assertThat(fromPlacement.owedThen()).isEqualTo(usd("2185.25"));
		assertThat(fromPlacement.interest()).isEqualTo(usd("12.40"));
		assertThat(fromPlacement.fees()).isEqualTo(usd("15.00"));
		assertThat(fromPlacement.paymentsAndCredits()).isEqualTo(usd("310.00"));
		// 2185.25 + 12.40 + 15.00 - 310.00
		assertThat(fromPlacement.owedNow()).isEqualTo(usd("1902.65"))
			.isEqualTo(this.accounts.get(account.id()).balances().total());
	}

	@Test
	void withAChargeOffDateThePlacedInterestAndFeesAreItemizedSinceIt() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String placed = place(issuer, "CO-" + UUID.randomUUID().toString().substring(0, 8), "US", """
				"chargeOffDate": "2026-03-31", "principalOutstanding": "800.00", "interestOutstanding": "64.10",
				"feesOutstanding": "30.00", "overdueAmount": "894.10", "oldestDueDate": "2026-02-28\"""");
		AccountId id = new AccountId(UUID.fromString(JsonPath.read(placed, "$.id")));
		this.ledger.postPayment(id, usd("94.10"), PLACED, new Source("API", null, "test", null));
		Itemization item = Itemization.of(this.accounts.get(id), PLACED, this.accounts.ledger(id));
		assertThat(item.basis()).isEqualTo(Itemization.Basis.CHARGE_OFF);
		assertThat(item.date()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(item.owedThen()).isEqualTo(usd("800.00"));
		assertThat(item.interest()).isEqualTo(usd("64.10"));
		assertThat(item.fees()).isEqualTo(usd("30.00"));
		assertThat(item.paymentsAndCredits()).isEqualTo(usd("94.10"));
		assertThat(item.owedNow()).isEqualTo(usd("800.00"));
		// No postal address: the notice is kept but held, not printed.
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.letters.ofAccount(id).isEmpty());
		assertThat(this.letters.ofAccount(id).get(0).status()).isEqualTo("HELD");
		// nothing to send it by: no message is queued
		assertThat(this.messages.ofAccount(id, 10)).isEmpty();
	}

	@Test
	void anIndianAccountGetsNoValidationNotice() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String placed = place(nbfc, "HL-" + UUID.randomUUID().toString().substring(0, 8), "IN",
				"""
						"principalOutstanding": "50000.00", "overdueAmount": "0", "addressLine1": "MG Road", "city": "Kochi", "state": "KL",
						"postalCode": "682011", "country": "IN\"""");
		AccountId id = new AccountId(UUID.fromString(JsonPath.read(placed, "$.id")));
		assertThat(this.notices.produce(id, PLACED)).isEmpty();
		Thread.sleep(500);
		assertThat(this.letters.ofAccount(id)).isEmpty();
	}

	@Test
	void thePrintBatchTakesTheReadyLettersWithAManifest() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String placed = place(issuer, "PB-" + UUID.randomUUID().toString().substring(0, 8), "US",
				"""
						"principalOutstanding": "300.00", "overdueAmount": "0", "addressLine1": "=HYPERLINK(\\"http://x\\")", "city": "Austin",
						"state": "TX", "postalCode": "73301", "country": "US\"""");
		AccountId id = new AccountId(UUID.fromString(JsonPath.read(placed, "$.id")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.letters.ofAccount(id).stream().anyMatch((l) -> "READY".equals(l.status())));
		LetterView letter = this.letters.ofAccount(id).get(0);

		PrintBatches.PrintBatchView batch = this.batches.run(PLACED).orElseThrow();
		assertThat(this.letters.get(letter.id()).orElseThrow().status()).isEqualTo("BATCHED");
		// another test's letter may become ready meanwhile (they share the database);
		// ours
		// is not taken again
		this.batches.run(PLACED).ifPresent((again) -> assertThat(this.batches.manifest(again.id()).map((path) -> {
			try {
				return Files.readString(path);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}).orElse("")).doesNotContain(letter.id().toString()));

		Path pdf = this.batches.pdf(batch.id()).orElseThrow();
		Path manifest = this.batches.manifest(batch.id()).orElseThrow();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest))).isEqualTo("rw-------");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(batch.pages());
		}
		String csv = this.mvc
			.perform(get("/api/v1/print-batches/manifest").param("id", batch.id().toString())
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith(
				"letter_id,recipient_name,address_line_1,address_line_2,address_line_3,address_line_4,pages,first_page\r\n");
		assertThat(csv).contains(letter.id() + ",Maria Garcia,\"'=HYPERLINK(\"\"http://x\"\")\",\"Austin, TX 73301\",,,"
				+ letter.pages() + ",");
		this.mvc
			.perform(get("/api/v1/print-batches/pdf").param("id", batch.id().toString())
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));
	}

	@Test
	void thePrintProviderTakesAClearedLetterMessageIntoTheNextBatchOnce() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String placed = place(issuer, "PP-" + UUID.randomUUID().toString().substring(0, 8), "US", """
				"principalOutstanding": "99.00", "overdueAmount": "0", "addressLine1": "5 Oak Lane", "city": "Dover",
				"state": "DE", "postalCode": "19901", "country": "US\"""");
		AccountView account = this.accounts.get(new AccountId(UUID.fromString(JsonPath.read(placed, "$.id"))));
		UUID message = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, language,
				    body, status, next_attempt_at, created_at, created_by, updated_at)
				VALUES (:id, :account, :customer, :creditor, 'LETTER', 'DEMAND_NOTICE', 'en', 'a letter', 'SENDING',
				    now(), now(), 'test', now())""")
			.param("id", message)
			.param("account", account.id().value())
			.param("customer", account.customerId().value())
			.param("creditor", account.creditorId().value())
			.update();
		var clearance = this.outbound.clear(new ContactGate.Request(account.id(), Set.of(), Channel.LETTER, null,
				PersonRole.CONSUMER, Purpose.COLLECTION), "a letter", "test");
		assertThat(clearance.allowed()).as(clearance.attempt().decision().toString()).isTrue();
		byte[] pdf = LetterPdfTests.renderer().render(SampleLetters.english(), false).pdf();
		Outgoing outgoing = new Outgoing(message, Channel.LETTER, "5 Oak Lane, Dover, DE 19901", "Demand", "a letter",
				"en", null, null, null, Outgoing.Attachment.pdf("letter.pdf", pdf));

		Handover first = this.print.send(clearance.contact(), outgoing);
		Handover again = this.print.send(clearance.contact(), outgoing);
		assertThat(first.status()).isEqualTo(MessageStatus.SENT);
		assertThat(again).isEqualTo(first);
		LetterView letter = this.letters.get(UUID.fromString(first.providerId())).orElseThrow();
		assertThat(letter.accountId()).isEqualTo(account.id().value());
		assertThat(letter.addressLines()).containsExactly("5 Oak Lane", "Dover, DE 19901");
		assertThat(letter.pages()).isEqualTo(2);
		assertThat(letter.status()).isEqualTo("READY");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.letters.ofAccount(account.id()).stream().map(LetterView::template))
				.containsExactlyInAnyOrder("validation-notice", "letter"));
	}

	@Test
	void theNoticeLeavesThroughTheOutboxDecidedByTheGateAndThePrintBatchTakesIt() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String placed = place(issuer, "OB-" + UUID.randomUUID().toString().substring(0, 8), "US", """
				"principalOutstanding": "640.00", "overdueAmount": "0", "addressLine1": "77 Pine Road", "city": "Salem",
				"state": "OR", "postalCode": "97301", "country": "US\"""");
		AccountId id = new AccountId(UUID.fromString(JsonPath.read(placed, "$.id")));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.messages.ofAccount(id, 10).stream().anyMatch((m) -> m.status() == MessageStatus.SENT));
		// in the account's messages: a letter whose purpose is the validation notice,
		// with its history, let go by the print provider
		MessageView message = this.messages.ofAccount(id, 10).get(0);
		assertThat(message.channel()).isEqualTo(Channel.LETTER);
		assertThat(message.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
		assertThat(message.templateCode()).isEqualTo("validation-notice");
		assertThat(message.provider()).isEqualTo("print");
		assertThat(message.history()).extracting(MessageView.Event::status)
			.containsExactly(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT);
		// the gate's decision, recorded when it left, allowed a required notice by post
		UUID decision = this.jdbc.sql("SELECT decision_id FROM messaging_messages WHERE id = :id")
			.param("id", message.id())
			.query(UUID.class)
			.single();
		assertThat(message.history().get(1).detail()).isEqualTo("decision " + decision);
		assertThat(this.jdbc.sql("SELECT outcome || ' ' || channel FROM compliance_decisions WHERE id = :id")
			.param("id", decision)
			.query(String.class)
			.single()).isEqualTo("ALLOWED LETTER");
		// the notice is the letter the message became, READY, then taken by the batch
		LetterView letter = this.letters.ofAccount(id).get(0);
		assertThat(letter.template()).isEqualTo("validation-notice");
		assertThat(letter.status()).isEqualTo("READY");
		assertThat(message.providerId()).isEqualTo(letter.id().toString());
		assertThat(letter.addressLines()).containsExactly("77 Pine Road", "Salem, OR 97301");
		assertThat(this.batches.run(PLACED)).isPresent();
		assertThat(this.letters.get(letter.id()).orElseThrow().status()).isEqualTo("BATCHED");
		// made once: producing it again queues nothing more
		assertThat(this.notices.produce(id, PLACED).orElseThrow().id()).isEqualTo(letter.id());
		assertThat(this.messages.ofAccount(id, 10)).hasSize(1);
	}

	@Test
	void aNoticeEmailHeldForTheContactHoursThenCancelledByAnOptOutGoesByPost() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		Map<String, String> first = Portfolios.row(issuer, "150.00");
		AccountView earlier = this.portfolios.place(issuer, first);
		this.preferences.consent(earlier.customerId(), ConsentKind.ELECTRONIC_DELIVERY, List.of(), null, null,
				"agreed to notices by email", "tests");
		String email = "optout." + first.get("account_ref").toLowerCase() + "@example.com";
		Map<String, String> row = Portfolios.row(issuer, "510.00");
		row.put("customer_ref", first.get("customer_ref"));
		row.put("email", email);
		row.put("address_line1", "8 Maple Street");
		row.put("city", "Burlington");
		row.put("state", "VT");
		row.put("postal_code", "05401");
		AccountView account = this.portfolios.place(issuer, row);

		// 05:00 in New York: the gate holds the email back until 08:00, with its reasons
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.messages.ofAccount(account.id(), 10).stream().anyMatch((m) -> m.history().size() > 1));
		MessageView held = this.messages.ofAccount(account.id(), 10).get(0);
		assertThat(held.channel()).isEqualTo(Channel.EMAIL);
		assertThat(held.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
		assertThat(held.status()).isEqualTo(MessageStatus.QUEUED);
		assertThat(held.history().get(1).detail()).startsWith("held back until 2026-11-26T13:00:00Z");
		assertThat(this.letters.ofAccount(account.id()).get(0).status()).isEqualTo("EMAIL");

		// the address opts out before it leaves: the notice goes by post instead
		this.messages.cancelTo(Channel.EMAIL, email, "unsubscribed");
		assertThat(this.fallback.toPost()).isPositive();

		List<MessageView> messages = this.messages.ofAccount(account.id(), 10);
		assertThat(messages).extracting(MessageView::channel).containsExactlyInAnyOrder(Channel.LETTER, Channel.EMAIL);
		MessageView byPost = messages.stream().filter((m) -> m.channel() == Channel.LETTER).findFirst().orElseThrow();
		assertThat(byPost.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
		assertThat(byPost.status()).isEqualTo(MessageStatus.SENT);
		assertThat(messages).filteredOn((m) -> m.channel() == Channel.EMAIL)
			.extracting(MessageView::status)
			.containsExactly(MessageStatus.CANCELLED);
		assertThat(this.letters.ofAccount(account.id())).singleElement().satisfies((l) -> {
			assertThat(l.status()).isEqualTo("READY");
			assertThat(l.id().toString()).isEqualTo(byPost.providerId());
		});
		assertThat(this.fallback.toPost()).isZero();
	}

	@Test
	void withEmailConsentButEmailBannedTheNoticeGoesByPost() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		Map<String, String> first = Portfolios.row(issuer, "150.00");
		AccountView earlier = this.portfolios.place(issuer, first);
		this.preferences.consent(earlier.customerId(), ConsentKind.ELECTRONIC_DELIVERY, List.of(), null, null,
				"agreed to notices by email", "tests");
		this.preferences.ban(earlier.customerId(), Channel.EMAIL, null, null, "asked for no email", "tests");
		Map<String, String> row = Portfolios.row(issuer, "720.00");
		row.put("customer_ref", first.get("customer_ref"));
		row.put("email", "banned." + first.get("account_ref").toLowerCase() + "@example.com");
		row.put("address_line1", "3 Elm Row");
		row.put("city", "Concord");
		row.put("state", "NH");
		row.put("postal_code", "03301");
		AccountView account = this.portfolios.place(issuer, row);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.messages.ofAccount(account.id(), 10)
				.stream()
				.anyMatch((m) -> m.status() == MessageStatus.SENT));
		assertThat(this.messages.ofAccount(account.id(), 10)).singleElement().satisfies((m) -> {
			assertThat(m.channel()).isEqualTo(Channel.LETTER);
			assertThat(m.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
		});
		assertThat(this.letters.ofAccount(account.id())).singleElement()
			.satisfies((l) -> assertThat(l.status()).isEqualTo("READY"));
	}

	@Test
	void aCeaseRequestDoesNotStopTheNoticeTheLawRequires() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		// the person asked us to stop communicating about every debt of theirs
		Map<String, String> first = Portfolios.row(issuer, "120.00");
		AccountView earlier = this.portfolios.place(issuer, first);
		this.holds.place(earlier.customerId(), List.of(), HoldType.CEASE, null, null, "cease letter received", "tests");
		Map<String, String> row = Portfolios.row(issuer, "980.00");
		row.put("customer_ref", first.get("customer_ref"));
		row.put("address_line1", "5 Harbor View");
		row.put("city", "Portland");
		row.put("state", "ME");
		row.put("postal_code", "04101");
		AccountView account = this.portfolios.place(issuer, row);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.messages.ofAccount(account.id(), 10)
				.stream()
				.anyMatch((m) -> m.status() == MessageStatus.SENT));
		MessageView message = this.messages.ofAccount(account.id(), 10).get(0);
		assertThat(message.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
		String rules = this.jdbc.sql("""
				SELECT d.rules::text FROM compliance_decisions d JOIN messaging_messages m ON m.decision_id = d.id
				WHERE m.id = :id""").param("id", message.id()).query(String.class).single();
		assertThat(rules).contains("CEASE hold since").contains("a required notice may still go out");
		assertThat(this.letters.ofAccount(account.id())).singleElement()
			.satisfies((l) -> assertThat(l.status()).isEqualTo("READY"));
		// while a collection letter to the same person is blocked by the same hold
		MessageView demand = this.sending
			.send(NewMessage.now(account.id(), Channel.LETTER, "demand-notice", "en", null), "admin");
		assertThat(demand.status()).isEqualTo(MessageStatus.BLOCKED);
		assertThat(demand.reasons()).contains("CEASE");
	}

	@Test
	void anImportsNewUsAccountsEachGetANoticeAndAnAccountPlacedBeforeNoSecond() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String known = "IMK-" + tag;
		place(issuer, known, "US", """
				"principalOutstanding": "410.00", "overdueAmount": "0", "addressLine1": "9 Birch Court",
				"city": "Boise", "state": "ID", "postalCode": "83702", "country": "US\"""");
		AccountId knownId = accountId(issuer, known);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.letters.ofAccount(knownId).stream().anyMatch((l) -> "READY".equals(l.status())));
		String csv = """
				account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount,oldest_due_date,address_line1,city,state,postal_code
				%1$s,C-%1$s,Maria Garcia,USD,420.00,0,,9 Birch Court,Boise,ID,83702
				IMA-%2$s,C-IMA-%2$s,John Smith,USD,1500.00,250.00,2026-10-01,1 Lake Drive,Madison,WI,53703
				IMB-%2$s,C-IMB-%2$s,Jane Doe,USD,275.50,0,,300 Hill Street,Reno,NV,89501
				"""
			.formatted(known, tag);
		this.clock.advance(Duration.ofMinutes(3));
		try {
			String answer = this.mvc
				.perform(multipart("/api/v1/imports")
					.file(new MockMultipartFile("file", "us-" + tag + ".csv", "text/csv",
							csv.getBytes(StandardCharsets.UTF_8)))
					.param("creditor", issuer.code())
					.with(user("admin").roles("ADMIN")))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String importId = JsonPath.read(answer, "$.id");
			String[] report = new String[1];
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				report[0] = this.mvc.perform(get("/api/v1/imports/{id}", importId).with(user("admin").roles("ADMIN")))
					.andReturn()
					.getResponse()
					.getContentAsString();
				return !"RUNNING".equals(JsonPath.read(report[0], "$.status"));
			});
			assertThat(JsonPath.<String>read(report[0], "$.status")).as(report[0]).isEqualTo("COMPLETED");
			assertThat(JsonPath.<Integer>read(report[0], "$.rowsRejected")).as(report[0]).isZero();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-3));
		}
		for (String ref : List.of("IMA-" + tag, "IMB-" + tag)) {
			AccountId id = accountId(issuer, ref);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.letters.ofAccount(id).stream().anyMatch((l) -> "READY".equals(l.status())));
			assertThat(this.letters.ofAccount(id)).extracting(LetterView::template)
				.containsExactly("validation-notice");
			assertThat(this.messages.ofAccount(id, 10)).singleElement().satisfies((m) -> {
				assertThat(m.purpose()).isEqualTo(MessagePurpose.VALIDATION_NOTICE);
				assertThat(m.status()).isEqualTo(MessageStatus.SENT);
			});
		}
		// the account placed before the import has its one notice, not a second
		Thread.sleep(500);
		assertThat(this.letters.ofAccount(knownId)).hasSize(1);
		assertThat(this.messages.ofAccount(knownId, 10)).hasSize(1);
	}

	@Test
	void aDemandLetterFromItsTemplateCarriesItsAmountsTable() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String placed = place(issuer, "DN-" + UUID.randomUUID().toString().substring(0, 8), "US", """
				"principalOutstanding": "1850.00", "interestOutstanding": "150.00", "overdueAmount": "325.40",
				"oldestDueDate": "2026-09-15", "addressLine1": "18 Cedar Avenue", "city": "Tulsa", "state": "OK",
				"postalCode": "74103", "country": "US\"""");
		AccountId id = new AccountId(UUID.fromString(JsonPath.read(placed, "$.id")));

		MessageView sent = this.sending.send(NewMessage.now(id, Channel.LETTER, "demand-notice", "en", null), "admin");

		assertThat(sent.status()).as(String.valueOf(sent.reasons())).isEqualTo(MessageStatus.SENT);
		LetterView letter = this.letters.ofAccount(id)
			.stream()
			.filter((l) -> "demand-notice".equals(l.template()))
			.findFirst()
			.orElseThrow();
		String text = text(this.letters.pdf(letter.id()).orElseThrow());
		// the template's variables: the balance, the overdue as the amount due, due a
		// week
		// from today (26 November 2026) as the text says it
		assertThat(sent.body()).contains("$325.40", "Dec 3, 2026");
		assertThat(text).contains("Balance outstanding $2,000.00")
			.contains("To be paid by Dec 3, 2026")
			.contains("Amount due $325.40");
	}

	private AccountId accountId(CreditorView creditor, String ref) throws Exception {
		String account = this.mvc
			.perform(get("/api/v1/creditors/{code}/accounts/{ref}", creditor.code(), ref)
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new AccountId(UUID.fromString(JsonPath.read(account, "$.id")));
	}

	private String place(CreditorView creditor, String ref, String country, String extra) throws Exception {
		String body = """
				{"accountRef": "%s", "customerRef": "C-%s", "customerName": "%s", "currency": "%s", %s}""".formatted(
				ref, ref, "US".equals(country) ? "Maria Garcia" : "Asha Menon", creditor.currency().getCurrencyCode(),
				extra);
		var response = this.mvc
			.perform(post("/api/v1/creditors/{code}/accounts", creditor.code()).with(user("admin").roles("ADMIN"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return response.getContentAsString();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

}
