package org.dues.messaging.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.TestAgents;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.messaging.provider.ProviderReports;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A chat from the pay page to the desk: it waits for an agent who speaks the customer's
 * language and reaches the account (a manager who reaches everything but speaks only
 * English is not offered it), the agent's replies about the debt and the payment link
 * wait for the right-party verification, the link goes into the chat in the customer's
 * language, and on closing the whole transcript is on the account's timeline as an
 * inbound conversation.
 */
@IntegrationTest
class ChatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	PaymentLinks links;

	@Autowired
	Chats chats;

	@Autowired
	ChatRouter router;

	@Autowired
	ContactLog contacts;

	@Autowired
	ProviderReports reports;

	@Test
	void aChatFromThePayPageReachesAnAgentWhoSpeaksTheLanguageWhoVerifiesSendsALinkAndCloses() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		Map<String, String> row = Portfolios.row(creditor, "45000.00");
		row.put("overdue_amount", "4500.00");
		row.put("oldest_due_date", LocalDate.of(2026, 10, 1).toString());
		row.put("language", "ml");
		AccountView account = this.portfolios.place(creditor, row);
		PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String speaker = this.agents.certifiedAgent("chat-ml", "Chat ML", "chat-secret", "RA-CHAT-1",
				LocalDate.of(2027, 12, 31), "ml", "en");
		this.agents.mayWorkEveryPooledAccount(speaker);
		String boss = this.agents.manager("chat-boss", "chat-secret");
		RequestPostProcessor asBoss = SecurityMockMvcRequestPostProcessors.user(boss).roles("MANAGER");
		RequestPostProcessor asAgent = SecurityMockMvcRequestPostProcessors.user(speaker).roles("AGENT");

		// the manager reaches every account but speaks only English
		this.mvc.perform(post("/desk/chats/ready").param("ready", "true").with(asBoss).with(csrf()))
			.andExpect(status().isOk());
		String started = this.mvc
			.perform(post("/pay/{token}/chat", link.token()).param("lang", "ml").param("text", "എനിക്ക് ഒരു സംശയം"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID chat = UUID.fromString(JsonPath.read(started, "$.chat"));
		String secret = JsonPath.read(started, "$.secret");
		assertThat(this.chats.get(chat).status()).isEqualTo(ChatStatus.WAITING);
		assertThat(this.chats.get(chat).language()).isEqualTo("ml");

		// the Malayalam speaker goes ready and is given it
		this.mvc.perform(post("/desk/chats/ready").param("ready", "true").with(asAgent).with(csrf()))
			.andExpect(status().isOk());
		ChatView given = this.chats.get(chat);
		assertThat(given.status()).isEqualTo(ChatStatus.ACTIVE);
		assertThat(given.agent()).isEqualTo(speaker);
		this.mvc.perform(post("/desk/chats/ready").param("ready", "false").with(asBoss).with(csrf()));

		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/desk/chats").session(session).with(asAgent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("എനിക്ക് ഒരു സംശയം")))
			.andExpect(content().string(containsString("data-chat-unverified")))
			.andExpect(content().string(containsString(account.accountRef())));
		// before the verification: no payment link, no reply about the debt
		this.mvc.perform(post("/desk/chats/{id}/link", chat).session(session).with(asAgent).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Verify the customer")));
		this.mvc.perform(
				post("/desk/chats/{id}/canned", chat).param("key", "DUES").session(session).with(asAgent).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/desk/chats/{id}/canned", chat).param("key", "VERIFY")
				.session(session)
				.with(asAgent)
				.with(csrf()))
			.andExpect(status().isNoContent());
		// another agent does not reach the chat
		this.mvc
			.perform(post("/desk/chats/{id}/messages", chat).param("text", "hello")
				.with(SecurityMockMvcRequestPostProcessors.user(boss).roles("MANAGER"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		// the customer writes with the chat's secret, and only with it
		this.mvc
			.perform(post("/pay/{token}/chat/{id}/messages", link.token(), chat).param("secret", "guess")
				.param("text", "01-01-1980"))
			.andExpect(status().isNotFound());
		String ref = account.accountRef();
		this.mvc
			.perform(post("/pay/{token}/chat/{id}/messages", link.token(), chat).param("secret", secret)
				.param("text", "എന്റെ അക്കൗണ്ട് നമ്പറിന്റെ അവസാനം " + ref.substring(ref.length() - 4)))
			.andExpect(status().isNoContent());

		// the desk's verification, then the link
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", account.id().value())
				.param("answer", ref.substring(ref.length() - 4))
				.session(session)
				.with(asAgent)
				.with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/desk/chats").session(session).with(asAgent))
			.andExpect(content()
				.string(containsString("data-chat=\"" + chat + "\" data-status=\"ACTIVE\" data-verified=\"true\"")));
		this.mvc.perform(post("/desk/chats/{id}/link", chat).session(session).with(asAgent).with(csrf()))
			.andExpect(status().isNoContent());
		List<ChatLine> lines = this.chats.lines(chat, 0);
		ChatLine sent = lines.get(lines.size() - 1);
		assertThat(sent.sender()).isEqualTo(ChatSender.AGENT);
		assertThat(sent.text()).startsWith("നിങ്ങളുടെ സുരക്ഷിത പേയ്മെന്റ് ലിങ്ക് ഇതാ: ").contains("/pay/");
		assertThat(this.chats.get(chat).verified()).isTrue();
		this.mvc.perform(
				post("/desk/chats/{id}/canned", chat).param("key", "DUES").session(session).with(asAgent).with(csrf()))
			.andExpect(status().isNoContent());

		this.mvc.perform(post("/desk/chats/{id}/close", chat).session(session).with(asAgent).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.chats.get(chat).status()).isEqualTo(ChatStatus.CLOSED);
		this.mvc
			.perform(post("/pay/{token}/chat/{id}/messages", link.token(), chat).param("secret", secret)
				.param("text", "ഇനിയും"))
			.andExpect(status().isConflict());

		List<InteractionView> timeline = this.contacts.timeline(account.id(), 20);
		InteractionView transcript = timeline.stream()
			.filter((i) -> i.channel() == Channel.CHAT)
			.findFirst()
			.orElseThrow();
		assertThat(transcript.direction()).isEqualTo(Direction.INBOUND);
		assertThat(transcript.result()).isEqualTo(ContactResult.CONVERSATION);
		assertThat(transcript.agent()).isEqualTo(speaker);
		assertThat(transcript.note()).contains("customer: എനിക്ക് ഒരു സംശയം")
			.contains(speaker + ": " + sent.text())
			.contains("ഏജന്റ് നിങ്ങളുടെ തിരിച്ചറിയൽ സ്ഥിരീകരിച്ചു.")
			.contains("ചാറ്റ് അവസാനിച്ചു.");
		// on the account's timeline as the agent reads it: in the reader's language, each
		// line's time in the reader's zone with the zone named, not the UTC the note
		// keeps
		String desk = this.mvc
			.perform(
					get("/accounts/{id}/desk", account.id().value()).param("lang", "ml").session(session).with(asAgent))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String shown = org.jsoup.Jsoup.parse(desk).select("#timeline").text();
		assertThat(shown).contains("ചാറ്റ് രേഖ (പേയ്മെന്റ് പേജ്, മലയാളം", "ഉപഭോക്താവ്: എനിക്ക് ഒരു സംശയം")
			.doesNotContain("Chat transcript", "customer: ")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
		// the compliance panel's latest contacts too
		String panel = this.mvc
			.perform(get("/accounts/{id}/compliance", account.id().value()).param("lang", "hi")
				.session(session)
				.with(asAgent))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(panel).select("[data-timeline]").text()).contains("चैट प्रतिलेख (", "ग्राहक: ")
			.doesNotContain("Chat transcript")
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
		this.mvc.perform(post("/desk/chats/ready").param("ready", "false").with(asAgent).with(csrf()));
	}

	@Test
	void aChatWaitsForAnAgentWhoReachesItsAccountAndNoAgentTakesMoreThanTheirShare() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		String agent = this.agents.certifiedAgent("chat-hi", "Chat HI", "chat-secret", "RA-CHAT-2",
				LocalDate.of(2027, 12, 31), "hi", "en");
		this.agents.mayWorkEveryPooledAccount(agent);
		RequestPostProcessor asAgent = SecurityMockMvcRequestPostProcessors.user(agent).roles("AGENT");
		this.mvc.perform(post("/desk/chats/ready").param("ready", "true").with(asAgent).with(csrf()));
		// a Malayalam customer's chat in Hindi: the agent speaks Hindi but does not reach
		// the account (its pool routes it to Malayalam speakers)
		Map<String, String> mlRow = Portfolios.row(creditor, "1000.00");
		mlRow.put("overdue_amount", "100.00");
		mlRow.put("oldest_due_date", "2026-10-01");
		mlRow.put("language", "ml");
		AccountView notTheirs = this.portfolios.place(creditor, mlRow);
		PaymentLinkView mlLink = this.links.create(notTheirs.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		Chats.Started outside = this.chats.start(mlLink.token(), "hi", "नमस्ते");
		assertThat(this.chats.get(outside.chat().id()).status()).isEqualTo(ChatStatus.WAITING);

		int most = this.router.most();
		for (int i = 0; i <= most; i++) {
			Map<String, String> row = Portfolios.row(creditor, "1000.00");
			row.put("overdue_amount", "100.00");
			row.put("oldest_due_date", "2026-10-01");
			row.put("language", "hi");
			AccountView account = this.portfolios.place(creditor, row);
			PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
			this.chats.start(link.token(), "hi", "नमस्ते " + i);
		}
		assertThat(this.chats.of(agent)).hasSize(most);
		// closing one gives the agent the next waiting chat
		ChatView first = this.chats.of(agent).get(0);
		this.chats.close(first.id(), agent, "बंद");
		assertThat(this.chats.of(agent)).hasSize(most);
		assertThat(this.chats.get(outside.chat().id()).status()).isEqualTo(ChatStatus.WAITING);
		for (ChatView open : this.chats.of(agent)) {
			this.chats.close(open.id(), agent, "बंद");
		}
		this.router.ready(agent, false);
	}

	@Test
	void aWhatsAppMessageOfACustomerJoinsTheChatQueue() {
		CreditorView creditor = this.portfolios.indianNbfc();
		Map<String, String> row = Portfolios.row(creditor, "1000.00");
		row.put("language", "ml");
		AccountView account = this.portfolios.place(creditor, row);
		String number = this.portfolios.firstPhone(account);
		this.reports.inbound("whatsapp", "wamid.chat-" + UUID.randomUUID(), Channel.WHATSAPP, number, null, "ഹലോ");
		this.reports.inbound("whatsapp", "wamid.chat-" + UUID.randomUUID(), Channel.WHATSAPP, number, null,
				"ബാക്കി എത്ര?");
		List<UUID> open = this.chatsOf(number);
		assertThat(open).hasSize(1);
		ChatView chat = this.chats.get(open.get(0));
		assertThat(chat.channel()).isEqualTo(ChatChannel.WHATSAPP);
		assertThat(chat.language()).isEqualTo("ml");
		assertThat(chat.accountId()).isEqualTo(account.id());
		assertThat(this.chats.lines(chat.id(), 0)).extracting(ChatLine::text).containsExactly("ഹലോ", "ബാക്കി എത്ര?");
	}

	private List<UUID> chatsOf(String number) {
		return this.jdbc.sql("SELECT id FROM messaging_chats WHERE address = :a AND status <> 'CLOSED'")
			.param("a", number)
			.query(UUID.class)
			.list();
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

}
