package org.dues.work;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.messaging.provider.ProviderReports;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A customer's SMS or WhatsApp reply reaches whoever owns each of their accounts: a
 * "reply waiting" item with its text, shown first on the worklist (in three languages),
 * once however often the webhook comes, none for a STOP, and gone once the agent opens
 * it.
 */
@IntegrationTest
class WorklistRepliesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	NextAccount work;

	@Autowired
	Worklist worklist;

	@Autowired
	ProviderReports reports;

	@Test
	void aReplyWaitsOnTheWorklistOfEachAccountsOwnerUntilOpened() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "12500.00");
		String phone = this.portfolios.firstPhone(account);
		Map<String, String> row = Portfolios.row(this.portfolios.indianNbfc(), "5000.00");
		row.put("phone_1", phone);
		AccountView elsewhere = this.portfolios.place(this.portfolios.indianNbfc(), row);
		String owner = agent("wr-owner");
		String other = agent("wr-other");
		String bystander = agent("wr-bystander");
		this.work.assign(account.id(), owner, "lead");
		this.work.assign(elsewhere.id(), other, "lead");

		String wamid = "wamid.wr-" + UUID.randomUUID();
		assertThat(this.reports.inbound("whatsapp", wamid, Channel.WHATSAPP, phone, null, "ഞാൻ പകുതി ഇന്ന് അടയ്ക്കാം"))
			.isTrue();
		// the webhook again: no second item
		assertThat(this.reports.inbound("whatsapp", wamid, Channel.WHATSAPP, phone, null, "ഞാൻ പകുതി ഇന്ന് അടയ്ക്കാം"))
			.isFalse();

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.worklist.of(owner).replies().isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.worklist.of(other).replies().isEmpty());
		Worklist.Item item = this.worklist.of(owner).replies().get(0);
		assertThat(this.worklist.of(owner).replies()).hasSize(1);
		assertThat(item.accountId()).isEqualTo(account.id());
		assertThat(item.reply()).isNotNull();
		assertThat(item.reply().text()).isEqualTo("ഞാൻ പകുതി ഇന്ന് അടയ്ക്കാം");
		assertThat(item.reply().channel()).isEqualTo(Channel.WHATSAPP);
		assertThat(item.reply().from()).isEqualTo(phone);
		assertThat(this.worklist.of(other).replies()).singleElement()
			.satisfies((i) -> assertThat(i.accountId()).isEqualTo(elsewhere.id()));
		assertThat(this.worklist.of(bystander).replies()).isEmpty();

		// on the page, first, in the agent's language
		String page = this.mvc.perform(get("/desk/worklist").with(user(owner).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Replies waiting")))
			.andExpect(content().string(containsString("ഞാൻ പകുതി ഇന്ന് അടയ്ക്കാം")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("data-section=")).isEqualTo(page.indexOf("data-section=\"replies\""));
		this.mvc.perform(get("/desk/worklist").param("lang", "ml").with(user(owner).roles("AGENT")))
			.andExpect(content().string(containsString("മറുപടി കാത്തിരിക്കുന്നവ")));
		this.mvc.perform(get("/desk/worklist").param("lang", "hi").with(user(owner).roles("AGENT")))
			.andExpect(content().string(containsString("जवाब की प्रतीक्षा में")));

		// someone else opening it leaves it waiting for its owner; the owner opening it
		// clears it
		this.mvc
			.perform(post("/desk/worklist/replies/{id}", item.reply().id()).with(user(bystander).roles("MANAGER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts/" + account.id().value()));
		assertThat(this.worklist.of(owner).replies()).hasSize(1);
		this.mvc
			.perform(post("/desk/worklist/replies/{id}", item.reply().id()).with(user(owner).roles("AGENT"))
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts/" + account.id().value()));
		assertThat(this.worklist.of(owner).replies()).isEmpty();
		assertThat(this.worklist.of(other).replies()).hasSize(1);
	}

	@Test
	void aStopPutsNothingOnTheWorklist() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "3000.00");
		String owner = agent("wr-stop");
		this.work.assign(account.id(), owner, "lead");
		String phone = this.portfolios.firstPhone(account);
		assertThat(this.reports.inbound("twilio", "SM" + UUID.randomUUID(), Channel.SMS, phone, null, "STOP")).isTrue();
		assertThat(this.reports.inbound("twilio", "SM" + UUID.randomUUID(), Channel.SMS, phone, null, "Who is this?"))
			.isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.worklist.of(owner).replies().isEmpty());
		Thread.sleep(500);
		assertThat(this.worklist.of(owner).replies()).singleElement()
			.satisfies((i) -> assertThat(i.reply().text()).isEqualTo("Who is this?"));
	}

	@Test
	void answeringOnWhatsAppTakesTheReplyOffTheWorklist() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "4000.00");
		String owner = agent("wr-answer");
		this.work.assign(account.id(), owner, "lead");
		String phone = this.portfolios.firstPhone(account);
		this.reports.inbound("whatsapp", "wamid.answer-" + UUID.randomUUID(), Channel.WHATSAPP, phone, null,
				"Can I pay on Friday?");
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.worklist.of(owner).replies().isEmpty());
		this.mvc
			.perform(post("/api/v1/accounts/{id}/messages", account.id().value()).with(user(owner).roles("AGENT"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"WHATSAPP\", \"text\": \"Friday is fine.\"}"))
			.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.worklist.of(owner).replies().isEmpty());
	}

	private String agent(String name) {
		this.users.createIfAbsent(new NewUser(name, name, "secret-secret-secret", Set.of(Role.AGENT),
				List.of("en", "ml"), List.of(), "RA-" + name, LocalDate.of(2027, 12, 31)));
		return name;
	}

}
