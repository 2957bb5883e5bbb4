package org.dues.telephony.provider;

import org.dues.telephony.CallbackAddress;
import org.dues.telephony.TelephonyProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio Voice and Exotel are made only when their account, secret and caller id are all
 * set, and bind their settings from {@code dues.telephony.*}.
 */
class ConfiguredVoiceProvidersTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TelephonyProperties.class)
	@Import({ TwilioVoice.class, ExotelVoice.class, CallbackAddress.class })
	static class Providers {

	}

	ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Providers.class);

	@Test
	void noProviderWithoutItsSettings() {
		this.runner
			.withPropertyValues("dues.telephony.twilio.account-sid=AC1", "dues.telephony.twilio.auth-token=t",
					"dues.telephony.twilio.caller-id=", "dues.telephony.exotel.sid=s",
					"dues.telephony.exotel.api-key=k", "dues.telephony.exotel.api-token=t")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TwilioVoice.class);
				assertThat(context).doesNotHaveBean(ExotelVoice.class);
			});
	}

	@Test
	void eachProviderWithAllItsSettings() {
		this.runner
			.withPropertyValues("dues.telephony.twilio.account-sid=AC1", "dues.telephony.twilio.auth-token=t",
					"dues.telephony.twilio.caller-id=+15017122661", "dues.telephony.exotel.sid=s",
					"dues.telephony.exotel.api-key=k", "dues.telephony.exotel.api-token=t",
					"dues.telephony.exotel.caller-id=08047112345", "dues.telephony.exotel.subdomain=api.in.exotel.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(TwilioVoice.class).hasSingleBean(ExotelVoice.class);
				assertThat(context.getBean(TwilioVoice.class).callerId()).isEqualTo("+15017122661");
				assertThat(context.getBean(TelephonyProperties.class).exotel().api())
					.isEqualTo("https://api.in.exotel.com");
			});
	}

}
