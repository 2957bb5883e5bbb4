package org.dues.compliance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.system.DatabaseServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The compliance officer's pages: the audit trail searched and verified from the page
 * (intact, then broken after tampering), the contact policies with a creditor's layer in
 * words and changed through the form (a stale change refused), the attempts the gate
 * refused with their counts by rule; and nobody else reaches them.
 */
@IntegrationTest
class CompliancePagesTests {

	private static final AtomicInteger RUN = new AtomicInteger();

	private static final RequestPostProcessor OFFICER = user("cp-officer").roles("COMPLIANCE");

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditAnchor anchor;

	@Autowired
	AuditVerifications verifications;

	@Autowired
	ContactGate gate;

	@Autowired
	ContactHolds holds;

	@Autowired
	CreditorPolicyLayers layers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DatabaseServer server;

	@Autowired
	MutableClock clock;

	String run;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
		this.run = "cp" + RUN.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void theTrailIsFoundByActorActionSubjectAndPeriodNewestFirstWithItsDetailsInWords() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 30, "40000.00");
		String officer = this.run + "-officer";
		this.holds.place(account.customerId(), List.of(account.id().value()), HoldType.DISPUTE, null, null,
				"Customer disputes the amount in writing", officer);
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 1; i <= 52; i++) {
				this.audit.record(officer, "TEST_PAGE", "test:" + this.run, Map.of("n", i));
			}
		});
		this.clock.advance(java.time.Duration.ofDays(2));
		this.transactions.executeWithoutResult(
				(tx) -> this.audit.record(officer, "TEST_LATER", "test:" + this.run, Map.of("n", 53)));

		// an account by its reference finds the hold placed on its customer, in words
		String about = this.mvc.perform(get("/compliance/audit").param("subject", account.accountRef()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Hold placed"), containsString("Reason"),
					containsString("Customer disputes the amount in writing"), containsString("Dispute"),
					containsString(">" + account.accountRef() + "</dd>"), not(containsString("{&quot;")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seqs(about)).hasSize(1);
		// an actor's records, newest first, a page of 50, then the older ones
		String first = this.mvc.perform(get("/compliance/audit").param("actor", officer).with(OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> seqs = seqs(first);
		assertThat(seqs).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(first).contains("<td title=\"TEST_LATER\">TEST_LATER</td>")
			.contains("Older")
			.doesNotContain(">Newer<");
		String older = this.mvc.perform(
				get("/compliance/audit").param("actor", officer).param("before", seqs.get(49).toString()).with(OFFICER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seqs(older)).hasSize(4).allMatch((s) -> s < seqs.get(49));
		assertThat(older).contains("<td title=\"HOLD_PLACED\">Hold placed</td>").contains("Newer");
		// by action and by period (the reader's days, in the zone named)
		String later = this.mvc
			.perform(get("/compliance/audit").param("actor", officer).param("action", "TEST_LATER").with(OFFICER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seqs(later)).containsExactly(seqs.get(0));
		LocalDate start = LocalDate.ofInstant(IntegrationTest.START, ZoneOffset.UTC);
		String onTheFirstDay = this.mvc
			.perform(get("/compliance/audit").param("actor", officer)
				.param("zone", "UTC")
				.param("from", start.toString())
				.param("to", start.toString())
				.with(OFFICER))
			.andExpect(content().string(containsString("Times are shown in UTC")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seqs(onTheFirstDay)).hasSize(50).doesNotContain(seqs.get(0));
		this.mvc
			.perform(get("/compliance/audit").param("actor", officer)
				.param("from", start.plusDays(1).toString())
				.param("to", start.toString())
				.with(OFFICER))
			.andExpect(content().string(containsString("The period ends before it starts")));
		// in Hindi
		this.mvc
			.perform(get("/compliance/audit").param("subject", account.accountRef()).param("lang", "hi").with(OFFICER))
			.andExpect(content().string(allOf(containsString("रोक लगाई गई"), containsString("कारण"))));
	}

	@Test
	void verifyingFromThePageSaysIntactThenBrokenAtTheTamperedRecord() throws Exception {
		this.transactions.executeWithoutResult(
				(tx) -> this.audit.record("cp-tester", "TEST_VERIFY", "test:" + this.run, Map.of("n", 1)));
		this.anchor.write();
		String intact = verifyFromThePage();
		assertThat(intact).contains("data-state=\"intact\"").containsPattern("Intact up to record [\\d,]+");
		AuditTampering tampering = new AuditTampering(this.server);
		long target = tampering.last();
		List<AuditTrail.Entry> before = tampering.from(target);
		tampering.edit(target, (payload) -> payload.replace("1", "2"));
		try {
			String broken = verifyFromThePage();
			assertThat(broken).contains("data-state=\"broken\"")
				.contains("Broken at record " + String.format("%,d", target))
				.contains("record %d has been altered: its content no longer matches its MAC".formatted(target));
		}
		finally {
			tampering.restore(before);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	/** Clicks "Verify the chain" and reads the part of the page it updates until done. */
	private String verifyFromThePage() throws Exception {
		// a walk started earlier (by another test) would be joined: let it finish first
		for (int i = 0; i < 200
				&& this.verifications.latest().map(AuditVerifications.Run::running).orElse(false); i++) {
			Thread.sleep(50);
		}
		String shown = this.mvc
			.perform(post("/compliance/audit/verification").header("HX-Request", "true").with(OFFICER).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int i = 0; i < 200 && shown.contains("data-state=\"running\""); i++) {
			assertThat(shown).contains("Verifying the chain").contains("hx-trigger=\"every 1s\"");
			Thread.sleep(50);
			shown = this.mvc.perform(get("/compliance/audit/verification").with(OFFICER))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		assertThat(shown).doesNotContain("data-state=\"running\"").doesNotContain("hx-trigger");
		return shown;
	}

	@Test
	void thePoliciesAndACreditorsLayerReadInWords() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		this.layers.patch(card, 0, JsonMapper.builder().build().readTree("""
				{"hours": {"CALL": {"from": "09:00", "to": "20:00"}}, "holds": {"COMPLAINT": {"action": "BLOCK",
				 "noticesAllowed": true, "repliesAllowed": true}}}"""), null, "Client contract", "cp-setup");
		this.mvc.perform(get("/compliance/policies").with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("United States (federal)"), containsString("India"),
					containsString("United Kingdom"), containsString("Massachusetts"), containsString("08:00–21:00"),
					containsString("08:00–19:00"),
					containsString("at most 7 calls per debt in 7 days; none within 7 days of a conversation"),
					containsString("Call: hours"), containsString("US: 08:00–21:00; this creditor: 09:00–20:00"),
					containsString("US: warns; notices may go out; one reply may go out; this creditor: blocks"))));
		this.mvc.perform(get("/compliance/policies").param("lang", "ml").with(OFFICER))
			.andExpect(
					content().string(allOf(containsString("ഇന്ത്യ"), containsString("ഈ വായ്പാദാതാവ്: 09:00–20:00"))));
	}

	@Test
	void aCreditorsLayerIsChangedFromThePageAndAStaleChangeIsRefused() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		String page = "/compliance/creditors/" + card.code() + "/policy";
		this.mvc.perform(get(page).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"version\" value=\"0\""),
					containsString("Save as version 1"), containsString("for=\"from-CALL\""))));
		this.mvc
			.perform(form(page, "0").param("hoursFrom[CALL]", "10:00")
				.param("hoursTo[CALL]", "18:00")
				.param("maxCalls", "3")
				.param("holdAction[COMPLAINT]", "BLOCK"))
			.andExpect(redirectedUrl(page + "?saved=1"));
		List<CreditorPolicyLayers.LayerVersion> versions = this.layers.versions(card.id());
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).createdBy()).isEqualTo("cp-officer");
		assertThat(versions.get(0).rules()).isEqualTo(JsonMapper.builder().build().readTree("""
				{"hours":{"CALL":{"from":"10:00","to":"18:00"}},"callFrequency":{"maxCalls":3,"days":7,
				"conversationCooldownDays":7,"consentDays":7},"holds":{"COMPLAINT":{"action":"BLOCK",
				"noticesAllowed":true,"repliesAllowed":true}}}"""));
		this.mvc.perform(get(page).param("saved", "1").with(OFFICER))
			.andExpect(content().string(allOf(containsString("Saved as version 1."),
					containsString("US: 08:00–21:00; this creditor: 10:00–18:00"), containsString("value=\"10:00\""),
					containsString("name=\"version\" value=\"1\""), containsString("Save as version 2"))));
		// someone who opened the page before version 1 saves: refused, nothing changed
		this.mvc.perform(form(page, "0").param("hoursFrom[CALL]", "11:00").param("hoursTo[CALL]", "17:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-flash=\"stale\""),
					containsString("you changed version 0, but someone has saved version 1 since you opened this page"),
					containsString("name=\"version\" value=\"1\""))));
		assertThat(this.layers.versions(card.id())).hasSize(1);
		// wider hours than the jurisdiction's are refused with the reason, the form kept
		this.mvc.perform(form(page, "1").param("hoursFrom[CALL]", "07:00").param("hoursTo[CALL]", "18:00"))
			.andExpect(content().string(allOf(containsString("data-flash=\"refused\""),
					containsString("may only make US stricter"), containsString("value=\"07:00\""))));
		// removing the call hours from the layer, at the current version
		this.mvc.perform(form(page, "1").param("maxCalls", "3").param("holdAction[COMPLAINT]", "BLOCK"))
			.andExpect(redirectedUrl(page + "?saved=2"));
		assertThat(this.layers.versions(card.id()).get(0).change().toString()).isEqualTo("{\"hours\":null}");
		this.mvc.perform(form(page, "2").param("maxCalls", "3").param("holdAction[COMPLAINT]", "BLOCK"))
			.andExpect(content().string(containsString("Nothing changed")));
	}

	private MockHttpServletRequestBuilder form(String page, String version) {
		return post(page).with(OFFICER)
			.with(csrf())
			.param("version", version)
			.param("reason", "Client contract of " + this.run);
	}

	@Test
	void theBlockedAttemptsAreCountedByRuleAndFiltered() throws Exception {
		String agent = this.run + "-agent";
		// 05:00 in New York: before the calling hours
		AccountView us = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		ContactGate.Recorded early = decide(us, Channel.CALL, agent);
		// 15:30 in India, but the customer is under a cease hold
		AccountView in = this.portfolios.overdue(this.portfolios.indianNbfc(), 45, "25000.00");
		this.holds.place(in.customerId(), List.of(), HoldType.CEASE, null, null, "Asked us to stop", "cp-setup");
		decide(in, Channel.SMS, agent);
		decide(in, Channel.CALL, agent);
		assertThat(early.decision().allowed()).isFalse();

		String all = this.mvc.perform(get("/compliance/blocked").param("agent", agent).with(OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(all).contains("3 blocked attempts")
			.contains("href=\"/accounts/" + us.id().value() + "\"")
			.contains(">" + us.accountRef() + "<")
			.contains(">" + in.accountRef() + "<")
			.contains(early.decision().blockedBy().get(0).reason());
		assertThat(count(all, "contact-hours")).isEqualTo("1");
		assertThat(count(all, "holds")).isEqualTo("2");
		this.mvc.perform(get("/compliance/blocked").param("agent", agent).param("rule", "holds").with(OFFICER))
			.andExpect(content()
				.string(allOf(containsString("2 blocked attempts"), not(containsString(">" + us.accountRef() + "<")))));
		this.mvc.perform(get("/compliance/blocked").param("agent", agent).param("channel", "SMS").with(OFFICER))
			.andExpect(content().string(allOf(containsString("1 blocked attempt<"), containsString("Holds"))));
		this.mvc
			.perform(
					get("/compliance/blocked").param("agent", agent).param("creditor", us.creditorCode()).with(OFFICER))
			.andExpect(content().string(allOf(containsString("1 blocked attempt<"),
					containsString(">" + us.accountRef() + "<"), not(containsString(">" + in.accountRef() + "<")))));
		LocalDate day = LocalDate.ofInstant(IntegrationTest.START, ZoneOffset.UTC);
		this.mvc
			.perform(get("/compliance/blocked").param("agent", agent)
				.param("zone", "UTC")
				.param("from", day.minusDays(3).toString())
				.param("to", day.minusDays(1).toString())
				.with(OFFICER))
			.andExpect(content().string(containsString("No blocked attempts match")));
		// the rule's name in the reader's language; the recorded reason as it was
		// recorded
		this.mvc.perform(get("/compliance/blocked").param("agent", agent).param("lang", "hi").with(OFFICER))
			.andExpect(content().string(allOf(containsString("3 रोके गए प्रयास"), containsString("संपर्क का समय"))));
	}

	private ContactGate.Recorded decide(AccountView account, Channel channel, String agent) {
		return this.gate.decide(
				new ContactGate.Request(account.id(), Set.of(), channel, null, PersonRole.CONSUMER, Purpose.COLLECTION),
				List.of(), agent);
	}

	/** The count shown beside a rule on the blocked-attempts page. */
	private static String count(String page, String rule) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("data-rule=\"" + rule + "\"[\\s\\S]*?<span class=\"badge[^\"]*\">(\\d+)</span>")
			.matcher(page);
		return matcher.find() ? matcher.group(1) : "none";
	}

	private static List<Long> seqs(String page) {
		return java.util.regex.Pattern.compile("data-seq=\"(\\d+)\"")
			.matcher(page)
			.results()
			.map((m) -> Long.parseLong(m.group(1)))
			.toList();
	}

	@Test
	void nobodyButComplianceOfficersAndAdministratorsReachesThePages() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		for (String page : List.of("/compliance/audit", "/compliance/policies", "/compliance/blocked",
				"/compliance/creditors/" + card.code() + "/policy", "/compliance/audit/verification")) {
			for (String role : List.of("AGENT", "TEAM_LEAD", "MANAGER")) {
				this.mvc.perform(get(page).with(user("cp-" + role).roles(role))).andExpect(status().isForbidden());
			}
			this.mvc.perform(get(page).with(OFFICER)).andExpect(status().isOk());
			this.mvc.perform(get(page).with(user("cp-admin").roles("ADMIN"))).andExpect(status().isOk());
		}
		this.mvc
			.perform(post("/compliance/creditors/" + card.code() + "/policy").with(user("cp-manager").roles("MANAGER"))
				.with(csrf())
				.param("version", "0")
				.param("hoursFrom[CALL]", "10:00")
				.param("reason", "Not mine to change"))
			.andExpect(status().isForbidden());
		assertThat(this.layers.versions(card.id())).isEmpty();
		// the menu offers the pages to those who may open them only
		this.mvc.perform(get("/desk").with(OFFICER))
			.andExpect(content().string(allOf(containsString("href=\"/compliance/audit\""),
					containsString("href=\"/compliance/blocked\""))));
		this.mvc.perform(get("/desk").with(user("cp-agent").roles("AGENT")))
			.andExpect(content().string(not(containsString("href=\"/compliance/audit\""))));
	}

}
