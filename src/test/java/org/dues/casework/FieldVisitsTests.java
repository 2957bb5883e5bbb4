package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.Asker;
import org.dues.compliance.Channel;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.payment.ReceiptBooks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.EntryType;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.ConflictException;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Field visits end to end: given out by postal code, checked in through the gate's VISIT
 * rules and the agent's papers, closed with a promise or cash on a receipt leaf, and the
 * reach a field agent has (their visits' accounts and nothing else).
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class FieldVisitsTests {

	private static final AtomicInteger NAMES = new AtomicInteger();

	private static final Actor LEAD = Actor.of("visits-lead", "ROLE_TEAM_LEAD");

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	FieldAreas areas;

	@Autowired
	FieldVisits visits;

	@Autowired
	VisitCheckIns checkIns;

	@Autowired
	VisitOutcomes outcomes;

	@Autowired
	ReceiptBooks books;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ArrangementManagement arrangements;

	@Autowired
	Accounts accounts;

	@Autowired
	ContactLog contacts;

	@Autowired
	MutableClock clock;

	@Autowired
	org.dues.customer.CustomerManagement customers;

	@Autowired
	MockMvc mvc;

	CreditorView nbfc;

	/** A PIN code of this test's own, so that no other test's agents cover it. */
	String pin;

	@BeforeEach
	void setUp() {
		this.nbfc = this.portfolios.indianNbfc();
		this.pin = "69" + String.format("%04d", NAMES.incrementAndGet() * 7 % 10000);
	}

	@Test
	void aVisitGoesToTheLeastLoadedAgentWhoseAreaHoldsThePinAndOtherwiseStaysUnassigned() {
		String exact = fieldAgent(List.of(this.pin), true);
		String prefix = fieldAgent(List.of(this.pin.substring(0, 5) + "*"), true);
		fieldAgent(List.of("110001"), true);

		VisitView first = this.visits.request(account(this.pin).id(), "no contact in 20 days", null, null,
				FieldVisits.Source.DESK, "agent");
		VisitView second = this.visits.request(account(this.pin).id(), "broken promise", null, null,
				FieldVisits.Source.DESK, "agent");
		assertThat(Set.of(first.agent(), second.agent())).containsExactlyInAnyOrder(exact, prefix);
		assertThat(first.postalCode()).isEqualTo(this.pin);
		assertThat(first.dueOn()).isEqualTo(LocalDate.of(2026, 11, 26));

		VisitView nobody = this.visits.request(account("999999").id(), "skip", null, null, FieldVisits.Source.DESK,
				"agent");
		assertThat(nobody.agent()).isNull();
		VisitView given = this.visits.assign(nobody.id(), exact, "lead knows the area", "lead");
		assertThat(given.agent()).isEqualTo(exact);
		assertThat(this.visits.assignments(nobody.id())).extracting(FieldVisits.Assignment::agent)
			.containsExactly(null, exact);

		assertThatThrownBy(
				() -> this.visits.request(first.accountId(), "again", null, null, FieldVisits.Source.DESK, "agent"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("has a visit open already");
	}

	@Test
	void aCheckInInsideVisitingHoursIsLoggedAsAVisitAttemptAtTheServersTime() {
		String agent = fieldAgent(List.of(this.pin), true);
		VisitView visit = visit(agent);
		// 10:00 UTC is 15:30 in India, inside the RBI's 08:00 to 19:00
		VisitView checkedIn = this.checkIns.checkIn(visit.id(),
				new VisitCheckIns.Position(new java.math.BigDecimal("8.8932"), new java.math.BigDecimal("76.6141"),
						new java.math.BigDecimal("18.5")),
				agent);
		assertThat(checkedIn.status()).isEqualTo(VisitStatus.CHECKED_IN);
		assertThat(checkedIn.checkedInAt()).isEqualTo(IntegrationTest.START);
		assertThat(checkedIn.latitude()).isEqualByComparingTo("8.8932");
		assertThat(checkedIn.accuracyMetres()).isEqualByComparingTo("18.5");
		InteractionView attempt = this.contacts.timeline(visit.accountId(), 10).get(0);
		assertThat(attempt.id()).isEqualTo(checkedIn.interactionId());
		assertThat(attempt.channel()).isEqualTo(Channel.VISIT);
		assertThat(attempt.agent()).isEqualTo(agent);

		VisitView done = this.outcomes.record(visit.id(), new VisitOutcomes.Outcome(VisitOutcome.PROMISE, "will pay",
				Money.of("2000.00", "INR"), LocalDate.of(2026, 12, 5), null, null, null), asker(agent));
		assertThat(done.status()).isEqualTo(VisitStatus.DONE);
		assertThat(this.arrangements.ofAccount(visit.accountId())).singleElement().satisfies((promise) -> {
			assertThat(promise.id().value()).isEqualTo(done.arrangementId());
			assertThat(promise.status()).isEqualTo(ArrangementStatus.ACTIVE);
		});
		assertThat(this.contacts.timeline(visit.accountId(), 10).get(0).result())
			.isEqualTo(org.dues.compliance.ContactResult.CONVERSATION);
	}

	@Test
	void aCheckInAtEightInTheEveningInIndiaIsRefusedWithTheGatesReasonAndTheVisitStaysOpen() {
		String agent = fieldAgent(List.of(this.pin), true);
		VisitView visit = visit(agent);
		this.clock.set(Instant.parse("2026-11-26T14:30:00Z")); // 20:00 IST
		assertThatThrownBy(() -> this.checkIns.checkIn(visit.id(), null, agent))
			.isInstanceOfSatisfying(VisitCheckIns.Refused.class, (refused) -> {
				assertThat(refused.byGate()).isTrue();
				assertThat(refused.reasons()).extracting(VisitCheckIns.Reason::rule).contains("contact-hours");
			});
		assertThat(this.visits.get(visit.id()).status()).isEqualTo(VisitStatus.OPEN);
		assertThat(this.visits.get(visit.id()).checkedInAt()).isNull();
	}

	@Test
	void aCheckInWithAnExpiredCertificateOrAuthorisationIsRefusedAndChangesNothing() {
		String agent = fieldAgent(List.of(this.pin), false);
		VisitView visit = visit(agent);
		assertThatThrownBy(() -> this.checkIns.checkIn(visit.id(), null, agent))
			.isInstanceOfSatisfying(VisitCheckIns.Refused.class, (refused) -> {
				assertThat(refused.byGate()).isFalse();
				assertThat(refused.reasons()).extracting(VisitCheckIns.Reason::reason)
					.containsExactly("the recovery-agent certificate expired on 2026-11-25");
			});
		this.areas.set(agent, List.of(this.pin), "AUTH-1", LocalDate.of(2026, 11, 20), "ID-1", LocalDate.of(2027, 1, 1),
				"lead");
		assertThatThrownBy(() -> this.checkIns.checkIn(visit.id(), null, agent)).isInstanceOfSatisfying(
				VisitCheckIns.Refused.class,
				(refused) -> assertThat(refused.reasons()).extracting(VisitCheckIns.Reason::rule)
					.containsExactly("authorisation-letter", "recovery-agent-certificate"));
		assertThat(this.visits.get(visit.id()).status()).isEqualTo(VisitStatus.OPEN);
		assertThat(this.contacts.timeline(visit.accountId(), 10)).isEmpty();
	}

	@Test
	void cashCollectedOnAReceiptLeafIsPostedToTheLedgerAndAUsedLeafIsRefusedWithNothingWritten() throws Exception {
		String agent = fieldAgent(List.of(this.pin), true);
		String series = "F" + NAMES.incrementAndGet();
		this.books.issue(series, 1, 20, agent, LEAD);
		VisitView visit = visit(agent);
		this.checkIns.checkIn(visit.id(), null, agent);
		VisitView done = this.outcomes.record(visit.id(), new VisitOutcomes.Outcome(VisitOutcome.PAYMENT_COLLECTED,
				null, Money.of("1500.00", "INR"), null, PaymentChannel.CASH, null, series + "/1"), asker(agent));
		PaymentView payment = this.payments.ofAccount(visit.accountId()).get(0);
		assertThat(payment.id().value()).isEqualTo(done.paymentId());
		assertThat(payment.receiptNumber()).isEqualTo(series + "/1");
		assertThat(payment.channel()).isEqualTo(PaymentChannel.CASH);
		List<LedgerEntryView> ledger = this.accounts.ledger(visit.accountId());
		assertThat(ledger).anySatisfy((entry) -> {
			assertThat(entry.type()).isEqualTo(EntryType.PAYMENT);
			assertThat(entry.sourceRef()).isEqualTo("VISIT-" + visit.id());
		});
		assertThat(this.accounts.get(visit.accountId()).balances().total()).isEqualTo(Money.of("8500.00", "INR"));
		// the agent opens the receipt the same day: the account is within their reach
		this.mvc
			.perform(get("/accounts/{a}/payments/{p}/receipt", visit.accountId().value(), payment.id().value())
				.with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isOk());
		// the account's workspace says why it has no call controls: a field agent, not a
		// compliance officer
		String workspace = org.jsoup.Jsoup
			.parse(this.mvc
				.perform(get("/accounts/{a}/desk", visit.accountId().value()).with(user(agent).roles("FIELD_AGENT")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("[data-read-only]")
			.text();
		assertThat(workspace).contains("field agent").doesNotContain("compliance officers");

		VisitView other = visit(agent);
		this.checkIns.checkIn(other.id(), null, agent);
		assertThatThrownBy(() -> this.outcomes.record(other.id(),
				new VisitOutcomes.Outcome(VisitOutcome.PAYMENT_COLLECTED, null, Money.of("900.00", "INR"), null,
						PaymentChannel.CASH, null, series + "/1"),
				asker(agent)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining(series + "/1 was used for another payment");
		assertThat(this.payments.ofAccount(other.accountId())).isEmpty();
		assertThat(this.accounts.get(other.accountId()).balances().total()).isEqualTo(Money.of("10000.00", "INR"));
		assertThat(this.visits.get(other.id()).status()).isEqualTo(VisitStatus.CHECKED_IN);
	}

	@Test
	void anAddressFoundWrongIsMarkedWrongAndGetsNoVisitAgain() {
		String agent = fieldAgent(List.of(this.pin), true);
		VisitView visit = visit(agent);
		this.checkIns.checkIn(visit.id(), null, agent);
		this.outcomes.record(visit.id(), new VisitOutcomes.Outcome(VisitOutcome.ADDRESS_WRONG, "tenant since 2024",
				null, null, null, null, null), asker(agent));
		assertThat(this.customers.get(new org.dues.customer.CustomerId(visit.customerId())).addresses()).singleElement()
			.satisfies((a) -> assertThat(a.status()).isEqualTo(org.dues.customer.ContactPointStatus.WRONG));
		assertThat(this.contacts.timeline(visit.accountId(), 10).get(0).result())
			.isEqualTo(org.dues.compliance.ContactResult.WRONG_NUMBER);
		assertThatThrownBy(
				() -> this.visits.request(visit.accountId(), "again", null, null, FieldVisits.Source.DESK, "agent"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("no postal address in use");
	}

	@Test
	void aFieldAgentReachesTheAccountsOfTheirVisitsAndNoOther() throws Exception {
		String agent = fieldAgent(List.of(this.pin), true);
		VisitView visit = visit(agent);
		AccountView stranger = account(this.pin);
		this.mvc
			.perform(get("/api/v1/accounts/{id}/ledger", visit.accountId().value())
				.with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/accounts/{id}/ledger", stranger.id().value()).with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/accounts/{id}", stranger.id().value()).with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/desk").with(user(agent).roles("FIELD_AGENT"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/").with(user(agent).roles("FIELD_AGENT")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/field"));
		this.mvc.perform(get("/field").with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("data-visit=\"" + visit.id() + "\"")));
	}

	@Test
	void theApiAsksForAVisitChecksInAndAnswersARefusalWithReasons() throws Exception {
		String agent = fieldAgent(List.of(this.pin), true);
		AccountView account = account(this.pin);
		String body = this.mvc
			.perform(post("/api/v1/accounts/{id}/visits", account.id().value()).with(user("boss").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"not reachable by phone\", \"wantedOn\": \"2026-11-26\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.agent").value(agent))
			.andExpect(jsonPath("$.dueOn").value("2026-11-26"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
		this.mvc.perform(get("/api/v1/visits").param("date", "2026-11-26").with(user(agent).roles("FIELD_AGENT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id));
		this.clock.set(Instant.parse("2026-11-26T14:30:00Z"));
		this.mvc
			.perform(post("/api/v1/visits/{id}/check-in", id).with(user(agent).roles("FIELD_AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"latitude\": 8.89, \"longitude\": 76.61, \"accuracy\": 30}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reasons[0].rule").value("contact-hours"));
		this.clock.set(IntegrationTest.START);
		this.mvc
			.perform(post("/api/v1/visits/{id}/check-in", id).with(user(agent).roles("FIELD_AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"latitude\": 8.89, \"longitude\": 76.61, \"accuracy\": 30}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHECKED_IN"))
			.andExpect(jsonPath("$.position.accuracy").value(30.0));
		this.mvc
			.perform(post("/api/v1/visits/{id}/outcome", id).with(user(agent).roles("FIELD_AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\": \"NOT_MET\", \"note\": \"locked\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("NOT_MET"));
	}

	/** A field agent covering the codes, with papers current, certified or not. */
	private String fieldAgent(List<String> codes, boolean certified) {
		String name = "field-t" + NAMES.incrementAndGet();
		LocalDate expiry = certified ? LocalDate.of(2027, 11, 26) : LocalDate.of(2026, 11, 25);
		this.users.createIfAbsent(new NewUser(name, "Field " + name, "field-password-1", Set.of(Role.FIELD_AGENT),
				List.of("ml", "en"), List.of("KL"), "IBA-DRA-" + name, expiry));
		this.areas.set(name, codes, "AUTH-" + name, LocalDate.of(2027, 3, 31), "ID-" + name, LocalDate.of(2027, 3, 31),
				"lead");
		return name;
	}

	private AccountView account(String pin) {
		Map<String, String> row = Portfolios.row(this.nbfc, "10000.00");
		row.put("overdue_amount", "4000.00");
		row.put("oldest_due_date", "2026-09-01");
		row.put("address_line1", "12 Temple Road");
		row.put("city", "Kollam");
		row.put("state", "KL");
		row.put("postal_code", pin);
		return this.portfolios.place(this.nbfc, row);
	}

	private VisitView visit(String agent) {
		return this.visits.request(account(this.pin).id(), "no contact in 20 days", null, agent,
				FieldVisits.Source.DESK, "agent");
	}

	private static Asker asker(String agent) {
		return new Asker(agent, Set.of(Role.FIELD_AGENT));
	}

}
