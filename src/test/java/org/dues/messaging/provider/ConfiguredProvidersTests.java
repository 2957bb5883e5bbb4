package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ClearedContact;
import org.dues.contact.OutboundContacts;
import org.dues.messaging.Dispatcher;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.Sending;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application with {@code DUES_TWILIO_BASE_URL} pointing at a WireMock Twilio
 * and {@code DUES_SMTP_HOST} at a GreenMail server: the adapters Spring makes from those
 * properties send real requests there, for contacts the gate cleared, and Twilio's
 * webhooks pass the security configuration without a login or a CSRF token, on their
 * signature alone; an agent's WhatsApp reply within the 24-hour window leaves through the
 * outbox and the gate to the configured Cloud API as a text message.
 */
@IntegrationTest
class ConfiguredProvidersTests {

	static final String SID = "AC00000000000000000000000000000002";

	static final String TOKEN = "configured-twilio-token";

	/** Monday 30 November 2026, 10:00 in New York: SMS and email are allowed. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		// the properties the DUES_* variables map to in application.properties
		registry.add("dues.twilio.account-sid", () -> SID);
		registry.add("dues.twilio.auth-token", () -> TOKEN);
		registry.add("dues.twilio.from", () -> "+15017122661");
		registry.add("dues.twilio.base-url", twilio::baseUrl);
		registry.add("dues.twilio.read-timeout", () -> "2s");
		registry.add("dues.mail.host", () -> "localhost");
		registry.add("dues.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("dues.mail.from", () -> "Dues Collections <collections@dues.example.com>");
		registry.add("dues.mail.starttls", () -> "false");
		registry.add("dues.public-url", () -> "https://dues.example.com");
		registry.add("dues.whatsapp.token", () -> "whatsapp-access-token");
		registry.add("dues.whatsapp.phone-number-id", () -> "106540352242922");
		registry.add("dues.whatsapp.app-secret", () -> WHATSAPP_SECRET);
		registry.add("dues.whatsapp.base-url", twilio::baseUrl);
		registry.add("dues.exotel.sid", () -> "duescollections1");
		registry.add("dues.exotel.api-key", () -> "exotel-api-key");
		registry.add("dues.exotel.api-token", () -> "exotel-api-token");
		registry.add("dues.exotel.base-url", twilio::baseUrl);
	}

	static final String WHATSAPP_SECRET = "configured-app-secret";

	@MockitoBean
	ProviderReports reports;

	@Autowired
	List<MessageProvider> providers;

	@Autowired
	OutboundContacts contacts;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	UnsubscribeLinks unsubscribe;

	@Autowired
	MockMvc mvc;

	@Autowired
	Sending sending;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExotelCallbacks exotelCallbacks;

	@Autowired
	Messages messages;

	@Autowired
	Dispatcher dispatcher;

	AccountView account;

	String email;

	@BeforeEach
	void placeAUsAccount() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		this.clock.set(MONDAY);
		Map<String, String> row = Portfolios.row(this.portfolios.usIssuer(), "2500.00");
		this.email = "maria." + row.get("account_ref").toLowerCase() + "@example.com";
		row.put("email", this.email);
		row.put("overdue_amount", "250.00");
		row.put("oldest_due_date", "2026-10-15");
		this.account = this.portfolios.place(this.portfolios.usIssuer(), row);
	}

	@AfterEach
	void resetClock() {
		this.clock.set(IntegrationTest.START);
	}

	<T extends MessageProvider> T provider(Class<T> type) {
		return this.providers.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

	ClearedContact cleared(Channel channel, String address) {
		OutboundContacts.Clearance clearance = this.contacts.clear(new ContactGate.Request(this.account.id(),
				java.util.Set.of(), channel, address, PersonRole.CONSUMER, Purpose.COLLECTION), "reminder", "tests");
		assertThat(clearance.allowed()).as("the gate allows %s now", channel).isTrue();
		return clearance.contact();
	}

	@Test
	void twilioSmsGoesToTheConfiguredBaseUrl() {
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\": \"SMconfigured0001\", \"status\": \"queued\"}")));
		ClearedContact cleared = cleared(Channel.SMS, "(212) 736-4242");
		String to = cleared.address();
		Outgoing sms = new Outgoing(UUID.randomUUID(), Channel.SMS, to, null, "Your payment of $250.00 is due", "en",
				null, null, null, null);

		TwilioSms twilioSms = provider(TwilioSms.class);
		assertThat(twilioSms.serves(new Route(to, "US"))).isTrue();
		Handover handover = twilioSms.send(cleared, sms);

		assertThat(handover).isEqualTo(new Handover("SMconfigured0001", MessageStatus.SENT));
		twilio.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withBasicAuth(new BasicCredentials(SID, TOKEN))
			.withFormParam("To", equalTo("+12127364242"))
			.withFormParam("Body", equalTo("Your payment of $250.00 is due"))
			.withFormParam("StatusCallback", equalTo("https://dues.example.com/webhooks/twilio/status")));
	}

	@Test
	void aMessageTwilioMayHaveTakenIsNotSentAgainWhileOneThatNeverReachedItIsTriedLater() {
		// Twilio takes the message but answers after the read timeout: it may have it
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\": \"SMlate0001\", \"status\": \"queued\"}")
				.withFixedDelay(3500)));
		MessageView late = this.messages.queue(NewMessage.now(this.account.id(), Channel.SMS, "reminder", "en", null),
				"system");

		assertThat(this.dispatcher.dispatch(late.id())).isEqualTo(MessageStatus.FAILED);
		MessageView failed = this.messages.get(late.id());
		assertThat(failed.lastError()).contains("did not answer").contains("not sent again");
		assertThat(failed.attempts()).isOne();

		// Twilio is down (503): it has nothing, so the message waits for its next try
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
		MessageView down = this.messages.queue(NewMessage.now(this.account.id(), Channel.SMS, "reminder", "en", null),
				"system");

		assertThat(this.dispatcher.dispatch(down.id())).isEqualTo(MessageStatus.QUEUED);
		MessageView waiting = this.messages.get(down.id());
		assertThat(waiting.nextAttemptAt()).isEqualTo(MONDAY.plusSeconds(60));
		assertThat(waiting.lastError()).contains("503");
	}

	@Test
	void aWhatsAppReplyWithinTheWindowLeavesAsTextThroughTheConfiguredCloudApi() {
		twilio.stubFor(post(urlEqualTo("/v21.0/106540352242922/messages"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"messaging_product": "whatsapp", "contacts": [{"input": "+12127364242", "wa_id": "12127364242"}],
					 "messages": [{"id": "wamid.configured-reply-0001"}]}""")));
		String phone = this.portfolios.firstPhone(this.account);
		// the customer wrote an hour ago (the webhook's reports are mocked here: as
		// Reports keeps it)
		this.jdbc.sql("""
				INSERT INTO messaging_inbound (id, provider, channel, from_address, text, stop, received_at)
				VALUES (:id, 'whatsapp', 'WHATSAPP', :from, 'Can I pay on Friday?', false, :at)""")
			.param("id", UUID.randomUUID())
			.param("from", phone)
			.param("at", java.sql.Timestamp.from(MONDAY.minusSeconds(3600)))
			.update();

		MessageView sent = this.sending.reply(this.account.id(), "Friday is fine.", null, "tests");

		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.provider()).isEqualTo("whatsapp");
		assertThat(sent.providerId()).isEqualTo("wamid.configured-reply-0001");
		twilio.verify(postRequestedFor(urlEqualTo("/v21.0/106540352242922/messages"))
			.withHeader("Authorization", equalTo("Bearer whatsapp-access-token"))
			.withRequestBody(equalToJson("""
					{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "text",
					 "text": {"preview_url": false, "body": "Friday is fine. Reply STOP to opt out."}}"""
				.formatted(phone))));
	}

	@Test
	void emailGoesToTheConfiguredSmtpHost() throws Exception {
		ClearedContact cleared = cleared(Channel.EMAIL, this.email);
		UUID id = UUID.randomUUID();
		String link = this.unsubscribe.url(this.email);
		Outgoing email = new Outgoing(id, Channel.EMAIL, this.email, "Payment reminder", "Dear Maria, $250.00 is due.",
				"en", null, null, link, null);

		Handover handover = provider(SmtpEmail.class).send(cleared, email);

		assertThat(handover.providerId()).isEqualTo(id + "@dues.example.com");
		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getMessageID()).isEqualTo("<" + id + "@dues.example.com>");
		assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<" + link + ">");
		assertThat(link).startsWith("https://dues.example.com/unsubscribe/");
	}

	@Test
	void webhooksAndOneClickUnsubscribePassWithoutLoginOrCsrfOnTheirOwnProof() throws Exception {
		Map<String, String> delivered = new TreeMap<>(Map.of("MessageSid", "SMconfigured0002", "MessageStatus",
				"delivered", "AccountSid", SID, "To", "+12127364242", "From", "+15017122661"));
		StringBuilder data = new StringBuilder("https://dues.example.com/webhooks/twilio/status");
		delivered.forEach((name, value) -> data.append(name).append(value));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String signature = Base64.getEncoder()
			.encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));

		var request = MockMvcRequestBuilders.post("/webhooks/twilio/status")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		delivered.forEach(request::param);
		this.mvc.perform(request.header("X-Twilio-Signature", signature)).andExpect(status().isNoContent());
		var unsigned = MockMvcRequestBuilders.post("/webhooks/twilio/status")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		delivered.forEach(unsigned::param);
		this.mvc.perform(unsigned).andExpect(status().isUnauthorized());
		String link = this.unsubscribe.url(this.email);
		this.mvc
			.perform(MockMvcRequestBuilders.post(link.substring("https://dues.example.com".length()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());

		verify(this.reports).status("twilio", "SMconfigured0002:delivered", "SMconfigured0002", MessageStatus.DELIVERED,
				null);
		verify(this.reports).refused("twilio", "/webhooks/twilio/status", "no X-Twilio-Signature");
		verify(this.reports).optOut(eq(Channel.EMAIL), eq(this.email), anyString());
		verifyNoMoreInteractions(this.reports);
	}

	@Test
	void everyConfiguredProviderIsABeanAndItsWebhooksTakeTheirProofThroughTheWholeChain() throws Exception {
		assertThat(this.providers).extracting(MessageProvider::name).contains("twilio", "smtp", "whatsapp", "exotel");
		byte[] notification = WhatsAppWebhooksTests.MESSAGE.getBytes(StandardCharsets.UTF_8);
		String exotelToken = this.exotelCallbacks.statusUrl().replaceAll(".*token=", "");

		this.mvc
			.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp")
				.contentType(MediaType.APPLICATION_JSON)
				.content(notification)
				.header("X-Hub-Signature-256", WhatsAppWebhooksTests.sign(WHATSAPP_SECRET, notification)))
			.andExpect(status().isOk());
		this.mvc
			.perform(MockMvcRequestBuilders.post("/webhooks/exotel/sms-status?token=" + exotelToken)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("SmsSid", "0f477d60")
				.param("Status", "failed")
				.param("DetailedStatus", "FAILED_DLT_TEMPLATE")
				.param("DetailedStatusCode", "23082"))
			.andExpect(status().isOk());
		this.mvc
			.perform(MockMvcRequestBuilders.post("/webhooks/exotel/sms-status")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("SmsSid", "0f477d60")
				.param("Status", "sent"))
			.andExpect(status().isUnauthorized());

		verify(this.reports).inbound("whatsapp", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGCBEQjA2RDg3QzlFNjM5QjQ1MzAA",
				Channel.WHATSAPP, "+919847012345", "+15550783881", "നിർത്തുക");
		verify(this.reports).status("exotel", "0f477d60:failed", "0f477d60", MessageStatus.FAILED,
				"Exotel failed: FAILED_DLT_TEMPLATE (23082)");
		verify(this.reports).refused("exotel", "/webhooks/exotel/sms-status", "no token");
		verifyNoMoreInteractions(this.reports);
	}

}
