package org.dues.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.messaging.provider.Outgoing;
import org.dues.messaging.provider.ProviderReports;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agent's free-text WhatsApp reply: taken only within 24 hours of the customer's last
 * WhatsApp message from that number (by the clock), refused naming the window otherwise;
 * sent through the outbox and the gate as text, not a template; a STOP opens no window.
 */
@IntegrationTest
class RepliesTests {

	static final Instant NOW = IntegrationTest.START;

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	ProviderReports reports;

	@Autowired
	Messages messages;

	@Autowired
	Envelopes envelopes;

	@Autowired
	ContactHolds holds;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void aFreeTextGoesOnlyWithinTwentyFourHoursOfTheCustomersLastWhatsAppMessage() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "12500.00");
		String phone = this.portfolios.firstPhone(account);
		String agent = agent("reply-agent");
		String reply = "{\"channel\": \"WHATSAPP\", \"text\": \"നാളെ വരെ സമയം തരാം. ലിങ്ക് അയയ്ക്കട്ടെ?\"}";

		// the customer never wrote: no window
		this.mvc.perform(send(account, agent, reply))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("24-hour window")));
		assertThat(this.messages.ofAccount(account.id(), 10)).isEmpty();

		assertThat(this.reports.inbound("whatsapp", "wamid.reply-" + UUID.randomUUID(), Channel.WHATSAPP,
				phone.substring(1), null, "ഞാൻ നാളെ അടയ്ക്കാം"))
			.isTrue();

		// a minute before the window closes: it goes, as text, through the gate
		this.clock.set(NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1)));
		String answer = this.mvc.perform(send(account, agent, reply))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SENT"))
			.andExpect(jsonPath("$.channel").value("WHATSAPP"))
			.andExpect(jsonPath("$.to").value(phone))
			.andExpect(jsonPath("$.body").value("നാളെ വരെ സമയം തരാം. ലിങ്ക് അയയ്ക്കട്ടെ?"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		MessageView sent = this.messages.get(UUID.fromString(JsonPath.read(answer, "$.id")));
		assertThat(sent.purpose()).isEqualTo(MessagePurpose.REPLY);
		assertThat(sent.templateCode()).isNull();
		assertThat(sent.provider()).startsWith("simulated");
		assertThat(sent.history()).first().satisfies((e) -> assertThat(e.detail()).contains("2026-11-27T10:00:00Z"));
		// no template, so the WhatsApp adapter sends it as "type": "text"
		Outgoing outgoing = this.envelopes.of(sent.id(), Channel.WHATSAPP, phone, account.creditorId(), null, null,
				null, sent.body(), sent.language(), List.of());
		assertThat(outgoing.whatsApp()).isNull();

		// at 24 hours it is closed, and the answer says when it closed
		this.clock.set(NOW.plus(Duration.ofHours(24)));
		this.mvc.perform(send(account, agent, reply))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("closed at 2026-11-27T10:00:00Z")));
		assertThat(this.messages.ofAccount(account.id(), 10)).hasSize(1);

		// a free text only on WhatsApp, and not beside a template
		this.mvc.perform(send(account, agent, "{\"channel\": \"SMS\", \"text\": \"hello\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		this.mvc
			.perform(send(account, agent,
					"{\"channel\": \"WHATSAPP\", \"template\": \"payment-link\", \"text\": \"hello\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("template"));
		this.mvc
			.perform(send(account, agent,
					"{\"channel\": \"WHATSAPP\", \"text\": \"hello\", \"notBefore\": \"2026-11-28T10:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("notBefore"));
		this.mvc.perform(send(account, agent, "{\"channel\": \"WHATSAPP\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("template"));
	}

	@Test
	void aReplyWithinTheWindowIsStillDecidedByTheGateAndAStopOpensNoWindow() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "5000.00");
		String phone = this.portfolios.firstPhone(account);
		String agent = agent("reply-gate");
		this.reports.inbound("whatsapp", "wamid.gate-" + UUID.randomUUID(), Channel.WHATSAPP, phone, null,
				"Please stop calling my office");
		this.holds.place(account.customerId(), List.of(), HoldType.CEASE, null, null, "asked us to stop", "officer");
		this.mvc.perform(send(account, agent, "{\"channel\": \"WHATSAPP\", \"text\": \"Noted.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("BLOCKED"))
			.andExpect(jsonPath("$.reasons")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("cease"))));

		AccountView other = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "5000.00");
		this.reports.inbound("whatsapp", "wamid.stop-" + UUID.randomUUID(), Channel.WHATSAPP,
				this.portfolios.firstPhone(other), null, "STOP");
		this.mvc.perform(send(other, agent, "{\"channel\": \"WHATSAPP\", \"text\": \"Sorry to see you go\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not written")));
	}

	@Test
	void theMessagesPanelShowsTheLastWhatsAppMessageAndWhenTheWindowCloses() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "7000.00");
		String phone = this.portfolios.firstPhone(account);
		String agent = agent("reply-panel");
		this.mvc
			.perform(get("/accounts/{id}/messages", account.id().value()).param("channel", "WHATSAPP")
				.with(user(agent).roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-window-none")))
			.andExpect(content().string(not(containsString("reply-form"))));
		this.reports.inbound("whatsapp", "wamid.panel-" + UUID.randomUUID(), Channel.WHATSAPP, phone, null,
				"Can I pay half now?");
		this.clock.set(NOW.plus(Duration.ofHours(2)));
		this.mvc
			.perform(get("/accounts/{id}/messages", account.id().value()).param("channel", "WHATSAPP")
				.with(user(agent).roles("MANAGER")))
			.andExpect(content().string(containsString("Can I pay half now?")))
			.andExpect(content().string(containsString("data-window-open")))
			.andExpect(content().string(containsString("reply-form")));
		this.mvc
			.perform(post("/accounts/{id}/messages/reply", account.id().value()).param("text", "Yes, half today works.")
				.with(user(agent).roles("MANAGER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-sent")))
			.andExpect(content().string(containsString("Yes, half today works.")));
		this.clock.set(NOW.plus(Duration.ofHours(25)));
		this.mvc
			.perform(post("/accounts/{id}/messages/reply", account.id().value()).param("text", "Still there?")
				.with(user(agent).roles("MANAGER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-problem")))
			.andExpect(content().string(containsString("data-window-closed")))
			.andExpect(content().string(not(containsString("reply-form"))));
	}

	private static org.springframework.test.web.servlet.RequestBuilder send(AccountView account, String agent,
			String body) {
		return post("/api/v1/accounts/{id}/messages", account.id().value()).with(manager(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private static RequestPostProcessor manager(String agent) {
		return user(agent).roles("MANAGER");
	}

	private String agent(String name) {
		this.users.createIfAbsent(new NewUser(name, name, "secret-secret-secret", Set.of(Role.AGENT, Role.MANAGER),
				List.of("en", "ml"), List.of(), "RA-" + name, LocalDate.of(2027, 12, 31)));
		return name;
	}

}
