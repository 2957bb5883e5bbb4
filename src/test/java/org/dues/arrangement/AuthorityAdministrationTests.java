package org.dues.arrangement;

import java.math.BigDecimal;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.identity.Role;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The authority matrix on its page: each role's limits shown in the creditor's currency,
 * changed with Bean Validation, on the version the form was filled on, and audited;
 * managers change agents' and leads' only.
 */
@IntegrationTest
class AuthorityAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	AuthorityMatrix matrix;

	@Autowired
	JdbcClient jdbc;

	ResultActions set(CreditorView creditor, String role, String who, String version, String discount, String waiver,
			String months, String smallest) throws Exception {
		return this.mvc
			.perform(post("/admin/authority").with(user(who).roles(who.startsWith("boss") ? "MANAGER" : "ADMIN"))
				.with(csrf())
				.param("creditor", creditor.code())
				.param("role", role)
				.param("version", version)
				.param("maxDiscountPct", discount)
				.param("maxWaiver", waiver)
				.param("longestPlanMonths", months)
				.param("smallestInstalment", smallest)
				.param("minFirstPaymentPct", "10")
				.param("maxDefermentDays", "45"));
	}

	@Test
	void badFiguresAreNamedAtTheirFieldsAndNothingIsSaved() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		set(creditor, "AGENT", "admin", "0", "150", "-5", "", "lots").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"a-AGENT-maxDiscountPct-error\"")))
			.andExpect(content().string(containsString("id=\"a-AGENT-maxWaiver-error\"")))
			.andExpect(content().string(containsString("id=\"a-AGENT-longestPlanMonths-error\"")))
			.andExpect(content().string(containsString("id=\"a-AGENT-smallestInstalment-error\"")))
			.andExpect(content().string(not(containsString("id=\"a-AGENT-maxDefermentDays-error\""))))
			.andExpect(content().string(containsString("is required")))
			.andExpect(content().string(containsString("&#39;lots&#39; is not a decimal amount")))
			// what was typed stays in the form, which stays open
			.andExpect(content().string(containsString("value=\"150\"")))
			.andExpect(content().string(containsString("<details open=\"open\"")));
		// more places than rupees have: named by the currency, after Bean Validation
		set(creditor, "AGENT", "admin", "0", "15", "100.125", "12", "0").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"a-AGENT-maxWaiver-error\"")))
			.andExpect(content().string(containsString("more decimal places than INR allows")));
		assertThat(agent(creditor).version()).isZero();
		assertThat(agent(creditor).authority().maxDiscountPct()).isEqualByComparingTo("10");
	}

	@Test
	void aChangeIsSavedOnItsVersionAuditedAndShownInTheCreditorsCurrency() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		this.mvc.perform(get("/admin/authority").param("creditor", creditor.code()).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-role=\"AGENT\"")))
			.andExpect(content().string(not(containsString("data-role=\"COMPLIANCE\""))))
			.andExpect(content().string(containsString("the defaults")));

		set(creditor, "AGENT", "admin", "0", "12.5", "150000", "18", "2500")
			.andExpect(redirectedUrl("/admin/authority?creditor=" + creditor.code()));
		AuthorityEntry agent = agent(creditor);
		assertThat(agent.version()).isEqualTo(1);
		assertThat(agent.changedBy()).isEqualTo("admin");
		assertThat(agent.authority().maxDiscountPct()).isEqualByComparingTo("12.5");
		assertThat(agent.authority().maxWaiver())
			.isEqualTo(new Money(new BigDecimal("150000.00"), creditor.currency()));
		assertThat(agent.authority().longestPlanMonths()).isEqualTo(18);
		assertThat(agent.authority().maxDefermentDays()).isEqualTo(45);
		// the arrangements use it at once
		assertThat(this.matrix.of(creditor.id(), creditor.currency(), Role.AGENT).smallestInstalment())
			.isEqualTo(Money.of("2500.00", "INR"));

		// rupees in lakh grouping
		this.mvc.perform(get("/admin/authority").param("creditor", creditor.code()).with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("₹1,50,000.00")))
			.andExpect(content().string(containsString("₹2,500.00")))
			.andExpect(content().string(containsString("12.5%")));

		assertThat(this.jdbc
			.sql("SELECT payload FROM compliance_audit WHERE action = 'AUTHORITY_CHANGED' AND subject = :s")
			.param("s", "creditor-authority:" + creditor.id().value() + "/AGENT")
			.query(String.class)
			.single()).contains("\"before\":{\"maxDiscountPct\":\"10\"").contains("\"maxWaiver\":\"150000.00\"");

		// a form filled on the defaults, after that change, is refused
		set(creditor, "AGENT", "admin", "0", "20", "", "24", "0").andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"stale\"")));
		assertThat(agent(creditor).authority().maxDiscountPct()).isEqualByComparingTo("12.5");
	}

	@Test
	void aChangeThroughTheApiMakesAFormOpenedBeforeItStale() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		this.mvc
			.perform(put("/api/v1/creditors/{code}/authority/AGENT", creditor.code())
				.with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"maxDiscountPct": 20, "longestPlanMonths": 12, "maxDefermentDays": 30}"""))
			.andExpect(status().isOk());
		assertThat(agent(creditor).version()).isEqualTo(1);
		set(creditor, "AGENT", "admin", "0", "25", "", "12", "0").andExpect(status().isConflict());
		this.mvc
			.perform(put("/api/v1/creditors/{code}/authority/AGENT", creditor.code())
				.with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"maxDiscountPct": 22, "longestPlanMonths": 12, "maxDefermentDays": 30}"""))
			.andExpect(status().isOk());
		assertThat(agent(creditor).version()).isEqualTo(2);
		set(creditor, "AGENT", "admin", "1", "25", "", "12", "0").andExpect(status().isConflict());
		assertThat(agent(creditor).authority().maxDiscountPct()).isEqualByComparingTo("22");
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_audit WHERE subject = :s AND actor = 'admin'")
			.param("s", "creditor-authority:" + creditor.id().value() + "/AGENT")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void managersChangeTheAuthorityOfAgentsAndLeadsOnly() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		this.mvc.perform(get("/admin/authority").param("creditor", creditor.code()).with(user("boss").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"authority-TEAM_LEAD\"")))
			.andExpect(content().string(not(containsString("id=\"authority-MANAGER\""))));
		set(creditor, "TEAM_LEAD", "boss", "0", "25", "", "24", "0").andExpect(status().is3xxRedirection());
		set(creditor, "MANAGER", "boss", "0", "90", "", "60", "0").andExpect(status().isForbidden());
		assertThat(this.matrix.of(creditor.id(), creditor.currency(), Role.MANAGER).maxDiscountPct())
			.isEqualByComparingTo("50");
	}

	private AuthorityEntry agent(CreditorView creditor) {
		return this.matrix.entries(creditor.id(), creditor.currency())
			.stream()
			.filter((e) -> e.role() == Role.AGENT)
			.findFirst()
			.orElseThrow();
	}

}
