package org.dues.messaging.provider;

import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exotel's delivery reports: unsigned by Exotel, so taken only with the token Dues put in
 * the callback URL.
 */
class ExotelWebhooksTests {

	RecordingReports reports = new RecordingReports();

	ExotelCallbacks callbacks = new ExotelCallbacks(ExotelSmsTests.properties("http://localhost"),
			new PublicUrl("https://dues.example.in", 8080));

	MockMvc mvc = MockMvcBuilders.standaloneSetup(new ExotelWebhooks(this.callbacks, this.reports)).build();

	String token = ExotelCallbacks.derived(ExotelSmsTests.TOKEN);

	static MockHttpServletRequestBuilder report(String query, String sid, String status, String detailed, String code) {
		return post("/webhooks/exotel/sms-status" + query).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("SmsSid", sid)
			.param("To", "09847012345")
			.param("Status", status)
			.param("SmsUnits", "1")
			.param("DetailedStatus", detailed)
			.param("DetailedStatusCode", code)
			.param("DateSent", "2026-11-26 15:30:12")
			.param("CustomField", "7b6f3c56-0a43-4e43-9a59-3c1f3e2b9d10");
	}

	@Test
	void theCallbackUrlCarriesTheToken() {
		assertThat(this.callbacks.statusUrl())
			.isEqualTo("https://dues.example.in/webhooks/exotel/sms-status?token=" + this.token);
		assertThat(this.token).hasSize(32).doesNotContain(ExotelSmsTests.TOKEN);
	}

	@Test
	void aReportWithTheTokenIsTakenOnceBySmsAndStatus() throws Exception {
		this.mvc.perform(report("?token=" + this.token, "0f477d60", "sent", "DELIVERED_TO_HANDSET", "20005"))
			.andExpect(status().isOk());
		this.mvc.perform(report("?token=" + this.token, "0f477d60", "sent", "DELIVERED_TO_HANDSET", "20005"))
			.andExpect(status().isOk());

		assertThat(this.reports.statuses).containsExactly(
				new RecordingReports.Status("exotel", "0f477d60:sent", "0f477d60", MessageStatus.DELIVERED, null));
		assertThat(this.reports.repeats).containsExactly("0f477d60:sent");
	}

	@Test
	void aFailureCarriesExotelsDetailedStatus() throws Exception {
		this.mvc.perform(report("?token=" + this.token, "1a2b", "failed_dnd", "FAILED_DND", "23005"))
			.andExpect(status().isOk());

		assertThat(this.reports.statuses).singleElement().satisfies((report) -> {
			assertThat(report.status()).isEqualTo(MessageStatus.FAILED);
			assertThat(report.error()).isEqualTo("Exotel failed_dnd: FAILED_DND (23005)");
		});
	}

	@Test
	void aReportWithoutTheTokenOrWithAnotherIsRefusedAndRecorded() throws Exception {
		this.mvc.perform(report("", "0f477d60", "sent", "DELIVERED_TO_HANDSET", "20005"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(report("?token=" + ExotelCallbacks.derived("another-token"), "0f477d60", "sent",
					"DELIVERED_TO_HANDSET", "20005"))
			.andExpect(status().isUnauthorized());

		assertThat(this.reports.statuses).isEmpty();
		assertThat(this.reports.refusals).containsExactly(
				new RecordingReports.Refusal("exotel", "/webhooks/exotel/sms-status", "no token"),
				new RecordingReports.Refusal("exotel", "/webhooks/exotel/sms-status", "the token does not match"));
	}

	@Test
	void exotelsStatusesAsOurs() {
		assertThat(ExotelWebhooks.status("queued", null)).isEqualTo(MessageStatus.SENT);
		assertThat(ExotelWebhooks.status("submitted", null)).isEqualTo(MessageStatus.SENT);
		assertThat(ExotelWebhooks.status("sent", "DELIVERED_TO_OPERATOR")).isEqualTo(MessageStatus.SENT);
		assertThat(ExotelWebhooks.status("sent", null)).isEqualTo(MessageStatus.DELIVERED);
		assertThat(ExotelWebhooks.status("delivered", "DELIVERED_TO_HANDSET")).isEqualTo(MessageStatus.DELIVERED);
		assertThat(ExotelWebhooks.status("expired", null)).isEqualTo(MessageStatus.FAILED);
		assertThat(ExotelWebhooks.status("undelivered", null)).isEqualTo(MessageStatus.FAILED);
	}

}
