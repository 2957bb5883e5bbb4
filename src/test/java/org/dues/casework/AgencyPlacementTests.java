package org.dues.casework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.dues.work.NextAccount;
import org.dues.work.Queues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An external agency's users see the accounts placed with their agency and nothing else,
 * on pages and the API alike, and lose them at once on a recall; placed accounts are
 * worked by the agency alone (next account), and what the agency did while they were
 * placed is its performance, with its commission.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class AgencyPlacementTests {

	private static final String PASSWORD = "agency-password-of-tests";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	UserManagement users;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyPlacements placements;

	@Autowired
	NextAccount next;

	@Autowired
	Queues queues;

	@Autowired
	PaymentManagement payments;

	String code;

	String agent;

	String lead;

	String inHouse;

	CreditorView creditor;

	AccountView older;

	AccountView newer;

	AccountView kept;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
		this.today = LocalDate.now(this.clock);
		int n = SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 10000);
		this.code = "AG" + n;
		this.creditor = this.portfolios.indianNbfc();
		this.older = this.portfolios.overdue(this.creditor, 60, "20000.00");
		this.newer = this.portfolios.overdue(this.creditor, 30, "5000.00");
		this.kept = this.portfolios.overdue(this.creditor, 45, "10000.00");
		this.agencies.create(
				new NewAgency(this.code, "Agency " + n, "IN", "ops@agency.example", null, new BigDecimal("8")), "test");
		this.agent = this.code.toLowerCase() + "-agent";
		this.lead = this.code.toLowerCase() + "-lead";
		LocalDate year = this.today.plusYears(1);
		this.agencies.addUser(this.code, new NewAgencyUser(this.agent, "Agency agent", PASSWORD, Role.AGENT,
				List.of("en", "ml", "hi"), "IIBF-" + this.agent, year), "test");
		this.agencies.addUser(this.code,
				new NewAgencyUser(this.lead, "Agency manager", PASSWORD, Role.TEAM_LEAD, List.of("en"), null, null),
				"test");
		this.inHouse = this.code.toLowerCase() + "-house";
		this.users.createIfAbsent(new NewUser(this.inHouse, "In-house agent", PASSWORD, Set.of(Role.AGENT),
				List.of("en", "ml", "hi"), List.of(), "IIBF-" + this.inHouse, year));
		this.agents.queue(this.agents.team("House " + this.code, this.inHouse), "All of " + this.creditor.code(),
				TestAgents.everyAccountOf(this.creditor), 1, "test");
	}

	@Test
	void anAgencyUserReachesOnlyThePlacedAccountsOnPagesAndTheApiUntilTheyAreRecalled() throws Exception {
		as("AGENT", this.inHouse, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isOk());
		as("AGENT", this.agent, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isNotFound());

		String placed = as("MANAGER", "manager1",
				json(post("/api/v1/agencies/{code}/placements", this.code),
						"{\"accountIds\": [\"%s\", \"%s\"], \"until\": \"%s\", \"commissionRate\": \"8.5\"}"
							.formatted(this.older.id().value(), this.newer.id().value(), this.today.plusDays(90))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accounts").value(2))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.commissionRate").value(8.5))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(placed, "$.id");

		for (String path : List.of("/api/v1/accounts/{id}", "/api/v1/accounts/{id}/ledger", "/accounts/{id}",
				"/accounts/{id}/desk")) {
			as("AGENT", this.agent, get(path, this.older.id().value())).andExpect(status().isOk());
			as("AGENT", this.agent, get(path, this.kept.id().value())).andExpect(status().isNotFound());
		}
		as("AGENT", this.agent,
				get("/api/v1/creditors/{code}/accounts/{ref}", this.creditor.code(), this.kept.accountRef()))
			.andExpect(status().isNotFound());
		as("AGENT", this.agent, get("/accounts").param("q", this.older.accountRef()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("/accounts/" + this.older.id().value())));
		as("AGENT", this.agent, get("/accounts").param("q", this.kept.accountRef()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(containsString("/accounts/" + this.kept.id().value()))));
		as("TEAM_LEAD", this.lead, get("/supervisor/accounts").param("creditors", this.creditor.code()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString(this.older.accountRef())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString(this.newer.accountRef())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(containsString(this.kept.accountRef()))));
		as("AGENT", this.inHouse, get("/api/v1/accounts/{id}", this.older.id().value()))
			.andExpect(status().isNotFound());
		as("AGENT", this.inHouse, get("/api/v1/accounts/{id}", this.kept.id().value())).andExpect(status().isOk());

		as("MANAGER", "manager1", json(post("/api/v1/placements/{id}/recall", id), "{\"reason\": \"\"}"))
			.andExpect(status().isBadRequest());
		as("MANAGER", "manager1",
				json(post("/api/v1/placements/{id}/recall", id), "{\"reason\": \"creditor takes them back\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECALLED"))
			.andExpect(jsonPath("$.active").value(0));
		as("AGENT", this.agent, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isNotFound());
		as("AGENT", this.agent, get("/accounts/{id}", this.older.id().value())).andExpect(status().isNotFound());
		as("AGENT", this.inHouse, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isOk());
	}

	@Test
	void placedAccountsAreWorkedByTheAgencyAloneAndComeBackToTheHouseOnADisputesRecall() {
		this.placements.place(this.code, new NewPlacement(List.of(this.older.id().value(), this.newer.id().value()),
				null, this.today.plusDays(90), null), "manager1");
		assertThat(this.next.next(this.agent).orElseThrow().accountId()).as("the most overdue first")
			.isEqualTo(this.older.id());
		assertThat(this.next.next(this.agent).orElseThrow().accountId()).isEqualTo(this.newer.id());
		assertThat(this.next.next(this.inHouse).orElseThrow().accountId()).as("the house keeps what was not placed")
			.isEqualTo(this.kept.id());
		assertThat(this.next.next(this.inHouse)).as("and gets nothing placed").isEmpty();

		assertThat(this.placements.recallAccount(this.older.id().value(), "dispute opened", "casework")).isTrue();
		assertThat(this.placements.recallAccount(this.older.id().value(), "dispute opened", "casework"))
			.as("an account with no agency is left as it is")
			.isFalse();
		this.queues.refreshMembers();
		assertThat(this.next.next(this.inHouse).orElseThrow().accountId()).as("back in the house's queue")
			.isEqualTo(this.older.id());
		assertThat(this.next.next(this.agent).map(NextAccount.Next::accountId)).as("and the agency has the other only")
			.isNotEqualTo(java.util.Optional.of(this.older.id()));
	}

	@Test
	void anAccountIsWithOneAgencyAtATimeAndBadInputPlacesNothing() throws Exception {
		this.placements.place(this.code,
				new NewPlacement(List.of(this.older.id().value()), null, this.today.plusDays(30), null), "manager1");
		String other = this.code + "B";
		this.agencies.create(new NewAgency(other, "Other agency", "IN", null, null, new BigDecimal("10")), "test");
		as("MANAGER", "manager1",
				json(post("/api/v1/agencies/{code}/placements", other),
						"{\"accountIds\": [\"%s\", \"%s\"], \"until\": \"%s\"}".formatted(this.newer.id().value(),
								this.older.id().value(), this.today.plusDays(30))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(this.older.accountRef() + " (" + this.code + ")")));
		assertThat(this.placements.ofAgency(other)).as("nothing written").isEmpty();
		assertThatThrownBy(
				() -> this.placements.place(other,
						new NewPlacement(List.of(this.newer.id().value()), this.today.plusDays(1),
								this.today.plusDays(30), null),
						"manager1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("from");
		assertThatThrownBy(() -> this.placements.place(other,
				new NewPlacement(List.of(this.newer.id().value()), null, this.today.minusDays(1), null), "manager1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("until");
		assertThatThrownBy(() -> this.placements.place(other,
				new NewPlacement(List.of(this.newer.id().value()), null, this.today.plusDays(30),
						new BigDecimal("101")),
				"manager1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("commissionRate");
		assertThatThrownBy(() -> this.placements.place(other,
				new NewPlacement(List.of(UUID.randomUUID()), null, this.today.plusDays(30), null), "manager1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no account");
		assertThat(this.placements.ofAgency(other)).isEmpty();
		as("AGENT", this.agent, json(post("/api/v1/agencies/{code}/placements", this.code), "{}"))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.agencies
			.create(new NewAgency(this.code, "Same code", "IN", null, null, BigDecimal.ONE), "test"))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void performanceCountsWhatTheAgencyDidWhilePlacedWithTheCommissionRoundedHalfUp() throws Exception {
		pay(this.older, "300.00", "before");
		this.clock.advance(Duration.ofMinutes(1));
		this.placements.place(this.code, new NewPlacement(List.of(this.older.id().value()), null,
				this.today.plusDays(90), new BigDecimal("8.5")), "manager1");
		this.clock.advance(Duration.ofMinutes(5));
		as("AGENT", this.agent,
				json(post("/api/v1/accounts/{id}/contacts", this.older.id().value()),
						"{\"channel\": \"CALL\", \"address\": \"%s\", \"result\": \"CONVERSATION\"}"
							.formatted(this.portfolios.firstPhone(this.older))))
			.andExpect(status().isCreated());
		as("AGENT", this.agent,
				json(post("/api/v1/accounts/{id}/promises", this.older.id().value()),
						"{\"amount\": \"1000.30\", \"dueOn\": \"%s\", \"channel\": \"CALL\"}"
							.formatted(this.today.plusDays(3))))
			.andExpect(status().isCreated());
		pay(this.older, "1000.30", "during");
		PaymentView reversed = pay(this.older, "200.00", "reversed");
		this.payments.reverse(this.older.id(), reversed.id(), "cheque bounced", Actor.of("admin", "ROLE_ADMIN"));

		as("TEAM_LEAD", this.lead, get("/api/v1/agencies/{code}/performance", this.code)).andExpect(status().isOk())
			.andExpect(jsonPath("$.placed").value(1))
			.andExpect(jsonPath("$.contacted").value(1))
			.andExpect(jsonPath("$.attempts").value(1))
			.andExpect(jsonPath("$.rightPartyContacts").value(1))
			.andExpect(jsonPath("$.promises").value(1))
			.andExpect(jsonPath("$.promised[0].amount").value("1000.30"))
			.andExpect(jsonPath("$.collected[0].amount").value("1000.30"))
			.andExpect(jsonPath("$.collected[0].currency").value("INR"))
			// 8.5% of 1000.30 is 85.0255: half-up to the paisa
			.andExpect(jsonPath("$.commission[0].amount").value("85.03"));
		as("TEAM_LEAD", this.inHouse + "-lead", get("/api/v1/agencies/{code}/performance", this.code))
			.andExpect(status().isNotFound());
		assertThat(Commission.on(Money.of("1000.30", "INR"), new BigDecimal("8.5")))
			.isEqualTo(Money.of("85.03", "INR"));
		assertThat(Commission.on(Money.of("1000.10", "INR"), new BigDecimal("8.5")))
			.isEqualTo(Money.of("85.01", "INR"));
	}

	@Test
	void theAgencyLosesTheAccountsTheDayAfterThePeriodAndTheDailyJobBringsThemHome() throws Exception {
		PlacementView placement = this.placements.place(this.code,
				new NewPlacement(List.of(this.older.id().value()), null, this.today.plusDays(1), null), "manager1");
		as("AGENT", this.agent, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isOk());
		this.clock.advance(Duration.ofDays(2));
		as("AGENT", this.agent, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isNotFound());
		assertThat(this.placements.recallExpired()).isGreaterThanOrEqualTo(1);
		assertThat(this.placements.get(placement.id()).status()).isEqualTo(PlacementView.EXPIRED);
		assertThat(this.placements.accountsOf(placement.id())).singleElement()
			.satisfies((a) -> assertThat(a.recallCause()).isEqualTo("EXPIRY"));
		as("AGENT", this.inHouse, get("/api/v1/accounts/{id}", this.older.id().value())).andExpect(status().isOk());
	}

	@Test
	void managersPlaceTheBrowsersSelectionAndAnAgencysManagerSeesTheirOwnAgencyOnly() throws Exception {
		as("MANAGER", "manager1", get("/agencies/placements/new").param("creditors", this.creditor.code()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("3 accounts chosen")));
		as("MANAGER", "manager1",
				post("/agencies/placements").with(csrf())
					.param("creditors", this.creditor.code())
					.param("agency", this.code)
					.param("until", this.today.plusDays(90).toString()))
			.andExpect(redirectedUrl("/agencies/" + this.code));
		assertThat(this.placements.ofAgency(this.code)).singleElement()
			.satisfies((p) -> assertThat(p.accounts()).isEqualTo(3));
		as("TEAM_LEAD", this.lead, get("/agencies/{code}", this.code)).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Agency agent")));
		as("TEAM_LEAD", this.lead, get("/agencies")).andExpect(status().isForbidden());
		UUID placement = this.placements.ofAgency(this.code).get(0).id();
		as("TEAM_LEAD", this.lead,
				post("/agencies/placements/{id}/recall", placement).with(csrf()).param("reason", "mine now"))
			.andExpect(status().isForbidden());
		as("MANAGER", "manager1",
				post("/agencies/placements/{id}/recall", placement).with(csrf()).param("reason", "client asked"))
			.andExpect(redirectedUrl("/agencies/" + this.code));
		assertThat(this.placements.get(placement).status()).isEqualTo(PlacementView.RECALLED);
		as("AGENT", this.agent, get("/accounts/{id}", this.kept.id().value())).andExpect(status().isNotFound());
		String other = this.code + "C";
		this.agencies.create(new NewAgency(other, "Other agency", "IN", null, null, new BigDecimal("10")), "test");
		as("TEAM_LEAD", this.lead, get("/agencies/{code}", other)).andExpect(status().isNotFound());
		as("MANAGER", "manager1", get("/agencies")).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString(this.code)));
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(),
					new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI, this.code + "-" + reference, this.today,
							null, null),
					"test")
			.payment();
	}

	private ResultActions as(String role, String name, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
