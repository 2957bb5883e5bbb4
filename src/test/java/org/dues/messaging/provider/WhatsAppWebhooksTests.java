package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The WhatsApp Cloud API's webhook with notifications shaped as Meta documents them,
 * signed here as Meta signs them: {@code sha256=} and the hex HMAC-SHA256 of the raw body
 * keyed with the app secret.
 */
class WhatsAppWebhooksTests {

	static final String SECRET = "meta-app-secret";

	RecordingReports reports = new RecordingReports();

	MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new WhatsAppWebhooks(new WhatsAppProperties("token", "106540352242922", SECRET, "verify-me",
				"https://graph.facebook.com", "v21.0", Duration.ofSeconds(1), Duration.ofSeconds(1)), this.reports))
		.build();

	static String sign(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	static MockHttpServletRequestBuilder notification(byte[] body) {
		return post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static final String STATUSES = """
			{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
			 "messaging_product": "whatsapp",
			 "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
			 "statuses": [
			  {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA", "status": "delivered",
			   "timestamp": "1750263773", "recipient_id": "919847012345",
			   "conversation": {"id": "6ceb9d929c1c8d9fd4ab07d2a2e3c2a0", "origin": {"type": "utility"}},
			   "pricing": {"billable": true, "pricing_model": "PMP", "category": "utility"}},
			  {"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCMzZDNTc1RkE5QzA1NUFBNUEA", "status": "failed",
			   "timestamp": "1750263774", "recipient_id": "919847012346",
			   "errors": [{"code": 131026, "title": "Message undeliverable",
			    "message": "Message undeliverable", "error_data": {"details": "Message Undeliverable."}}]}]},
			 "field": "messages"}]}]}""";

	static final String MESSAGE = """
			{"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
			 "messaging_product": "whatsapp",
			 "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
			 "contacts": [{"profile": {"name": "Lakshmi Menon"}, "wa_id": "919847012345"}],
			 "messages": [{"from": "919847012345", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGCBEQjA2RDg3QzlFNjM5QjQ1MzAA",
			  "timestamp": "1750263780", "type": "text", "text": {"body": "നിർത്തുക"}}]},
			 "field": "messages"}]}]}""";

	@Test
	void metaVerifiesTheWebhookWithTheVerifyToken() throws Exception {
		this.mvc
			.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe")
				.param("hub.verify_token", "verify-me")
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isOk())
			.andExpect(content().string("1158201444"));
		this.mvc
			.perform(get("/webhooks/whatsapp").param("hub.mode", "subscribe")
				.param("hub.verify_token", "guess")
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isForbidden());
		assertThat(this.reports.refusals).hasSize(1);
	}

	@Test
	void signedStatusesAreReportedOnceByWamidAndStatus() throws Exception {
		byte[] body = STATUSES.getBytes(StandardCharsets.UTF_8);

		this.mvc.perform(notification(body).header("X-Hub-Signature-256", sign(SECRET, body)))
			.andExpect(status().isOk());
		this.mvc.perform(notification(body).header("X-Hub-Signature-256", sign(SECRET, body)))
			.andExpect(status().isOk());

		assertThat(this.reports.statuses).containsExactly(
				new RecordingReports.Status("whatsapp",
						"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA:delivered",
						"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA", MessageStatus.DELIVERED, null),
				new RecordingReports.Status("whatsapp",
						"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCMzZDNTc1RkE5QzA1NUFBNUEA:failed",
						"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCMzZDNTc1RkE5QzA1NUFBNUEA", MessageStatus.FAILED,
						"WhatsApp error 131026 Message undeliverable"));
		assertThat(this.reports.repeats).hasSize(2);
	}

	@Test
	void aSignedMessageFromAPersonIsReportedInE164() throws Exception {
		byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);

		this.mvc.perform(notification(body).header("X-Hub-Signature-256", sign(SECRET, body)))
			.andExpect(status().isOk());

		assertThat(this.reports.inbound).containsExactly(
				new RecordingReports.Inbound("whatsapp", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGCBEQjA2RDg3QzlFNjM5QjQ1MzAA",
						Channel.WHATSAPP, "+919847012345", "+15550783881", "നിർത്തുക"));
	}

	@Test
	void aBadOrMissingSignatureIsRefusedAndRecorded() throws Exception {
		byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
		byte[] changed = MESSAGE.replace("നിർത്തുക", "hello").getBytes(StandardCharsets.UTF_8);

		this.mvc.perform(notification(body).header("X-Hub-Signature-256", sign("another-secret", body)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(notification(changed).header("X-Hub-Signature-256", sign(SECRET, body)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(notification(body)).andExpect(status().isUnauthorized());

		assertThat(this.reports.inbound).isEmpty();
		assertThat(this.reports.refusals).extracting(RecordingReports.Refusal::why)
			.containsExactly("X-Hub-Signature-256 does not match", "X-Hub-Signature-256 does not match",
					"no X-Hub-Signature-256");
	}

}
