package org.dues.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.work.NextAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Monthly targets: set by managers through the API (201, then 200, the old value kept
 * with who replaced it and when), read by whom they concern, exported as XLSX and read
 * back, imported from a sheet all or nothing, and their progress and run-rate forecast on
 * a fixed clock.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class TargetsTests {

	private static final Currency INR = Currency.getInstance("INR");

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	Teams teams;

	@Autowired
	Portfolios portfolios;

	@Autowired
	NextAccount next;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Targets targets;

	@Autowired
	TargetSheets sheets;

	@Autowired
	TargetProgress progress;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void managersSetTargetsAndEachReaderReadsTheirOwn() throws Exception {
		this.agents.named("tg-agent", "Target Agent", "targets-secret", Role.AGENT);
		this.agents.named("tg-other", "Other Agent", "targets-secret", Role.AGENT);
		this.agents.named("tg-lead", "Target Lead", "targets-secret", Role.TEAM_LEAD);
		this.agents.named("tg-other-lead", "Other Lead", "targets-secret", Role.TEAM_LEAD);
		Teams.TeamView team = this.teams.create("Target team", "tg-lead");
		this.teams.addMember(team.id(), "tg-agent");
		this.teams.addMember(this.teams.create("Other target team", "tg-other-lead").id(), "tg-other");
		CreditorView nbfc = this.portfolios.indianNbfc();

		this.mvc
			.perform(put("/api/v1/targets/2026-12/AGENT/tg-agent").with(user("tg-manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"collected": [{"amount": "250000.00", "currency": "INR"}], "promisesKept": 40}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/targets/2026-12/AGENT/tg-agent"))
			.andExpect(jsonPath("$.collected[0].amount").value("250000.00"))
			.andExpect(jsonPath("$.promisesKept").value(40));
		// changed: 200, the old value kept with who replaced it and when
		this.clock.set(IntegrationTest.START.plus(Duration.ofHours(1)));
		this.mvc.perform(put("/api/v1/targets/2026-12/agent/tg-agent").with(user("tg-manager").roles("MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"collected": [{"amount": "300000", "currency": "INR"}], "promisesKept": 40, "accountsResolved": 12}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.collected[0].amount").value("300000.00"))
			.andExpect(jsonPath("$.accountsResolved").value(12));
		TargetReader manager = new TargetReader("tg-manager", java.util.Set.of(Role.MANAGER),
				new Teams.Scope(true, java.util.Set.of(), java.util.Set.of()));
		List<Target.Change> history = this.targets.history(manager, YearMonth.of(2026, 12), TargetScope.AGENT,
				"tg-agent");
		assertThat(history).extracting(Target.Change::measure, Target.Change::value, Target.Change::replacedBy)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(TargetMeasure.COLLECTED, new BigDecimal("300000.00"), null),
					org.assertj.core.groups.Tuple.tuple(TargetMeasure.ACCOUNTS_RESOLVED, new BigDecimal("12"), null),
					org.assertj.core.groups.Tuple.tuple(TargetMeasure.PROMISES_KEPT, new BigDecimal("40"), null),
					org.assertj.core.groups.Tuple.tuple(TargetMeasure.COLLECTED, new BigDecimal("250000.00"),
							"tg-manager"));
		// a team's by its name, a creditor's in its own currency only
		this.mvc
			.perform(put("/api/v1/targets/2026-12/TEAM/Target team").with(user("tg-manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"promisesKept\": 100}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(team.id().toString()));
		this.mvc
			.perform(put("/api/v1/targets/2026-12/CREDITOR/" + nbfc.code()).with(user("tg-manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"collected\": [{\"amount\": \"100\", \"currency\": \"USD\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("collected"));
		this.mvc
			.perform(put("/api/v1/targets/2026-12/CREDITOR/" + nbfc.code()).with(user("tg-manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"collected\": [{\"amount\": \"9000000\", \"currency\": \"INR\"}]}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(put("/api/v1/targets/2026-12/AGENT/tg-other").with(user("tg-manager").roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"promisesKept\": 30}"))
			.andExpect(status().isCreated());
		// bad input changes nothing
		for (String[] bad : List.of(new String[] { "2026-13/AGENT/tg-agent", "{\"promisesKept\": 1}", "period" },
				new String[] { "2026-12/DESK/tg-agent", "{\"promisesKept\": 1}", "scope" },
				new String[] { "2026-12/AGENT/nobody-here", "{\"promisesKept\": 1}", "id" },
				new String[] { "2026-12/AGENT/tg-agent", "{\"promisesKept\": -1}", "promisesKept" },
				new String[] { "2026-12/AGENT/tg-agent", "{}", "collected" }, new String[] { "2026-12/AGENT/tg-agent",
						"{\"collected\": [{\"amount\": \"1.234\", \"currency\": \"INR\"}]}", "collected[0].amount" })) {
			this.mvc
				.perform(put("/api/v1/targets/" + bad[0]).with(user("tg-manager").roles("MANAGER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad[1]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[2]));
		}
		assertThat(this.targets.get(YearMonth.of(2026, 12), TargetScope.AGENT, "tg-agent").orElseThrow().values())
			.isEqualTo(new TargetValues(List.of(Money.of(new BigDecimal("300000.00"), INR)), 40L, 12L));
		// a lead may not set one
		this.mvc
			.perform(put("/api/v1/targets/2026-12/AGENT/tg-agent").with(user("tg-lead").roles("TEAM_LEAD"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"promisesKept\": 1}"))
			.andExpect(status().isForbidden());

		// the agent reads their own; the lead their team's and its agents'; the other
		// lead
		// neither; a manager every one
		this.mvc.perform(get("/api/v1/targets").param("period", "2026-12").with(user("tg-agent").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains("tg-agent")));
		this.mvc.perform(get("/api/v1/targets").param("period", "2026-12").with(user("tg-lead").roles("TEAM_LEAD")))
			.andExpect(jsonPath("$[*].id", containsInAnyOrder("tg-agent", team.id().toString())));
		this.mvc
			.perform(get("/api/v1/targets").param("period", "2026-12")
				.param("scope", "AGENT")
				.with(user("tg-other-lead").roles("TEAM_LEAD")))
			.andExpect(jsonPath("$[*].id", contains("tg-other")));
		this.mvc.perform(get("/api/v1/targets").param("period", "2026-12").with(user("tg-manager").roles("MANAGER")))
			.andExpect(jsonPath("$[?(@.id == 'tg-agent' || @.id == 'tg-other' || @.id == '%s' || @.id == '%s')]"
				.formatted(team.id(), nbfc.code()), hasSize(4)));

		// the XLSX reads back the same: importing it changes nothing
		byte[] xlsx = this.mvc
			.perform(get("/api/v1/targets").param("period", "2026-12")
				.param("scope", "AGENT")
				.header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				.with(user("tg-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getFirstSheet().read()) {
				rows.add(row.stream().map((c) -> (c == null) ? "" : c.getRawValue()).toList());
			}
		}
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).subList(0, 7)).containsExactly("2026-12", "AGENT", "tg-agent", "INR", "300000.00", "40",
				"12");
		int before = rowsOfTargets();
		TargetSheets.Result again = this.sheets.importSheet("targets.xlsx", new ByteArrayInputStream(xlsx),
				"tg-manager");
		assertThat(again.errors()).isEmpty();
		assertThat(again.rows()).isEqualTo(1);
		assertThat(again.created()).isZero();
		assertThat(rowsOfTargets()).isEqualTo(before);
	}

	@Test
	void aSheetIsImportedWholeOrNotAtAll() {
		this.agents.named("tg-imp-1", "Imported One", "targets-secret", Role.AGENT);
		this.agents.named("tg-imp-2", "Imported Two", "targets-secret", Role.AGENT);
		CreditorView nbfc = this.portfolios.indianNbfc();
		String good = """
				Period,Scope,ID,Currency,Collected,Promises Kept,Accounts_Resolved
				2027-01,AGENT,tg-imp-1,INR,"1,25,000.50",20,
				2027-01,agent,tg-imp-2,INR,90000,,5
				2027-01,AGENT,tg-imp-2,USD,1500,,5
				2027-01,CREDITOR,%s,,5000000,,300
				""".formatted(nbfc.code());
		TargetSheets.Result result = this.sheets.importSheet("january.csv", csv(good), "tg-manager");
		assertThat(result.errors()).isEmpty();
		assertThat(result.rows()).isEqualTo(3);
		assertThat(result.created()).isEqualTo(3);
		YearMonth january = YearMonth.of(2027, 1);
		assertThat(this.targets.get(january, TargetScope.AGENT, "tg-imp-1").orElseThrow().values())
			.isEqualTo(new TargetValues(List.of(Money.of(new BigDecimal("125000.50"), INR)), 20L, null));
		assertThat(this.targets.get(january, TargetScope.AGENT, "tg-imp-2").orElseThrow().values())
			.isEqualTo(new TargetValues(List.of(Money.of(new BigDecimal("90000"), INR),
					Money.of(new BigDecimal("1500"), Currency.getInstance("USD"))), null, 5L));
		assertThat(this.targets.get(january, TargetScope.CREDITOR, nbfc.code()).orElseThrow().collected())
			.containsExactly(Money.of(new BigDecimal("5000000"), INR));

		// one bad row: nothing written, and each bad row named with its column
		int before = rowsOfTargets();
		String bad = """
				period,scope,id,currency,collected,promises_kept,accounts_resolved
				2027-02,AGENT,tg-imp-1,INR,100000,10,
				2027-02,AGENT,nobody-of-ours,INR,100000,10,
				2027-02,AGENT,tg-imp-2,INR,ten thousand,,
				2027-02,AGENT,tg-imp-1,,,11,
				""";
		TargetSheets.Result refused = this.sheets.importSheet("february.csv", csv(bad), "tg-manager");
		assertThat(refused.written()).isFalse();
		assertThat(refused.errors()).extracting(TargetSheets.RowError::row, TargetSheets.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "id"),
					org.assertj.core.groups.Tuple.tuple(4, "collected"),
					org.assertj.core.groups.Tuple.tuple(5, "promises_kept"));
		assertThat(refused.errors().get(0).message()).isEqualTo("there is no agent 'nobody-of-ours'");
		assertThat(rowsOfTargets()).isEqualTo(before);
		assertThat(this.targets.get(YearMonth.of(2027, 2), TargetScope.AGENT, "tg-imp-1")).isEmpty();
		// a header without the columns needed
		assertThat(this.sheets.importSheet("x.csv", csv("month,who\n2027-02,tg-imp-1\n"), "tg-manager").errors())
			.extracting(TargetSheets.RowError::row, TargetSheets.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "period"),
					org.assertj.core.groups.Tuple.tuple(1, "scope"), org.assertj.core.groups.Tuple.tuple(1, "id"));
		assertThat(rowsOfTargets()).isEqualTo(before);
	}

	@Test
	void progressRunsTheMonthsRateToItsEnd() {
		// Thursday 26 November 2026: 19 of November's 21 weekdays have begun
		this.agents.named("tg-runner", "Run Rate", "targets-secret", Role.AGENT);
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "100000.00");
		this.next.assign(account.id(), "tg-runner", "tg-manager");
		this.targets.set(NOVEMBER, TargetScope.AGENT, "tg-runner",
				new TargetValues(List.of(Money.of(new BigDecimal("30000"), INR)), 4L, null), "tg-manager",
				Targets.Source.API);
		this.payments.post(account.id(),
				new NewPayment(Money.of(new BigDecimal("19000"), INR), PaymentChannel.UPI, "TG-1", null), "bank");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.progress.of(NOVEMBER, TargetScope.AGENT, "tg-runner", ZoneOffset.UTC)
				.orElseThrow()
				.line(TargetMeasure.COLLECTED, "INR")
				.actual()
				.signum() > 0);
		Progress mine = this.progress.of(NOVEMBER, TargetScope.AGENT, "tg-runner", ZoneOffset.UTC).orElseThrow();
		assertThat(mine.days()).isEqualTo(new RunRate(19, 21));
		Progress.Line collected = mine.line(TargetMeasure.COLLECTED, "INR");
		assertThat(collected.actual()).isEqualByComparingTo("19000");
		assertThat(collected.forecast()).isEqualByComparingTo("21000.00");
		assertThat(collected.percent()).isEqualByComparingTo("63.3");
		assertThat(collected.forecastPercent()).isEqualByComparingTo("70.0");
		assertThat(collected.standing()).isEqualTo(Progress.Standing.AT_RISK);
		Progress.Line kept = mine.line(TargetMeasure.PROMISES_KEPT, null);
		assertThat(kept.actual()).isZero();
		assertThat(kept.standing()).isEqualTo(Progress.Standing.AT_RISK);
		// the creditor's target counts every payment on its accounts, in its own zone
		this.targets.set(NOVEMBER, TargetScope.CREDITOR, nbfc.code(),
				new TargetValues(List.of(Money.of(new BigDecimal("15000"), INR)), null, null), "tg-manager",
				Targets.Source.API);
		Progress creditor = this.progress.of(NOVEMBER, TargetScope.CREDITOR, nbfc.code(), ZoneOffset.UTC).orElseThrow();
		assertThat(creditor.zone()).isEqualTo(nbfc.timeZone());
		assertThat(creditor.line(TargetMeasure.COLLECTED, "INR").actual()).isEqualByComparingTo("19000");
		assertThat(creditor.line(TargetMeasure.COLLECTED, "INR").standing()).isEqualTo(Progress.Standing.MET);
		// a month with no business day begun yet forecasts what is there
		this.targets.set(YearMonth.of(2026, 12), TargetScope.AGENT, "tg-runner", new TargetValues(List.of(), 4L, null),
				"tg-manager", Targets.Source.API);
		Progress december = this.progress.of(YearMonth.of(2026, 12), TargetScope.AGENT, "tg-runner", ZoneOffset.UTC)
			.orElseThrow();
		assertThat(december.days()).isEqualTo(new RunRate(0, 23));
		assertThat(december.line(TargetMeasure.PROMISES_KEPT, null).forecast()).isZero();
	}

	@Test
	void pagesShowProgressAccessiblyInTheReadersLanguage() throws Exception {
		this.agents.named("tg-page-agent", "Paged Agent", "targets-secret", Role.AGENT);
		this.agents.named("tg-page-lead", "Paged Lead", "targets-secret", Role.TEAM_LEAD);
		Teams.TeamView team = this.teams.create("Paged team", "tg-page-lead");
		this.teams.addMember(team.id(), "tg-page-agent");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "500000.00");
		this.next.assign(account.id(), "tg-page-agent", "tg-page-lead");
		this.payments.post(account.id(),
				new NewPayment(Money.of(new BigDecimal("190000"), INR), PaymentChannel.UPI, "TG-P1", null), "bank");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE agent = 'tg-page-agent'")
				.query(Long.class)
				.single() > 0);
		// the manager sets the agent's November target on the page
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/targets")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(user("tg-manager").roles("MANAGER"))
				.param("period", "2026-11")
				.param("scope", "AGENT")
				.param("id", "tg-page-agent")
				.param("currency", "INR")
				.param("collected", "3,00,000")
				.param("promisesKept", "")
				.param("accountsResolved", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.targets.get(NOVEMBER, TargetScope.AGENT, "tg-page-agent").orElseThrow().values())
			.isEqualTo(new TargetValues(List.of(Money.of(new BigDecimal("300000"), INR)), null, 2L));
		this.targets.set(NOVEMBER, TargetScope.TEAM, team.id().toString(),
				new TargetValues(List.of(Money.of(new BigDecimal("1000000"), INR)), null, null), "tg-manager",
				Targets.Source.API);

		// the agent's desk: their month, a progressbar told in words, money in lakhs
		org.jsoup.nodes.Document mine = org.jsoup.Jsoup.parse(
				this.mvc.perform(get("/targets/mine").param("zone", "UTC").with(user("tg-page-agent").roles("AGENT")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		org.jsoup.nodes.Element bar = mine.selectFirst("#my-target [data-measure=COLLECTED] [role=progressbar]");
		assertThat(bar.attr("aria-valuenow")).isEqualTo("63");
		assertThat(bar.attr("aria-valuemin")).isEqualTo("0");
		assertThat(bar.attr("aria-valuemax")).isEqualTo("100");
		assertThat(bar.attr("aria-valuetext")).contains("₹1,90,000.00", "₹3,00,000.00", "63.3");
		assertThat(mine.select("#my-target [data-measure]")).extracting((e) -> e.attr("data-measure"))
			.containsExactly("COLLECTED", "ACCOUNTS_RESOLVED");
		// nothing for an agent without a target
		assertThat(this.mvc.perform(get("/targets/mine").with(user("tg-agent-none").roles("AGENT")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("my-target");

		// the lead's floor: the agent's and the team's progress
		org.jsoup.nodes.Document floor = org.jsoup.Jsoup.parse(this.mvc
			.perform(get("/supervisor").param("zone", "Asia/Kolkata").with(user("tg-page-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(floor.select("#agents tr[data-agent=tg-page-agent] [role=progressbar]")).hasSize(2);
		assertThat(floor.select("#team-targets [data-team=%s] [role=progressbar]".formatted(team.id()))
			.attr("aria-valuenow")).isEqualTo("19");

		// the targets page in Hindi and Malayalam, with how progress is counted
		for (String[] language : List.of(new String[] { "hi", "लक्ष्य", "जोखिम में" },
				new String[] { "ml", "ലക്ഷ്യങ്ങൾ", "അപകടത്തിൽ" })) {
			String page = this.mvc
				.perform(get("/targets").param("period", "2026-11")
					.param("lang", language[0])
					.with(user("tg-page-lead").roles("TEAM_LEAD")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains(language[1], language[2], "₹3,00,000.00");
			assertThat(org.jsoup.Jsoup.parse(page).select("#targets [data-scope]")).extracting((e) -> e.attr("data-id"))
				.containsExactlyInAnyOrder("tg-page-agent", team.id().toString());
		}

		// a sheet with a bad row: nothing imported, the row named on the page
		org.springframework.mock.web.MockMultipartFile sheet = new org.springframework.mock.web.MockMultipartFile(
				"file", "targets.csv", "text/csv",
				"period,scope,id,currency,collected\n2026-11,AGENT,tg-page-agent,INR,100\n2026-11,TEAM,No such team,INR,5\n"
					.getBytes(StandardCharsets.UTF_8));
		String flash = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/targets/import")
				.file(sheet)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(user("tg-manager").roles("MANAGER")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("imported")
			.toString();
		assertThat(flash).contains("row=3", "column=Agent, team or creditor", "There is no team “No such team”.");
		assertThat(this.targets.get(NOVEMBER, TargetScope.AGENT, "tg-page-agent").orElseThrow().collected())
			.containsExactly(Money.of(new BigDecimal("300000"), INR));
	}

	private int rowsOfTargets() {
		return this.jdbc.sql("SELECT count(*) FROM reporting_targets").query(Integer.class).single();
	}

	private static ByteArrayInputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
