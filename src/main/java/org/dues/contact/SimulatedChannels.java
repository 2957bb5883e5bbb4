package org.dues.contact;

import java.util.Locale;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Simulated SMS and email adapters for the embedded default and demos: they log what a
 * provider would send and report it delivered. Real providers arrive with the messaging
 * module; these never stand in for them in production ({@code dues.channels.simulated}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dues.channels.simulated", havingValue = "true", matchIfMissing = true)
class SimulatedChannels {

	private static final Logger log = LoggerFactory.getLogger(SimulatedChannels.class);

	@Bean
	ChannelAdapter simulatedSms() {
		return new Simulated(Channel.SMS);
	}

	@Bean
	ChannelAdapter simulatedEmail() {
		return new Simulated(Channel.EMAIL);
	}

	private record Simulated(Channel channel) implements ChannelAdapter {

		@Override
		public ContactResult deliver(ClearedContact contact) {
			log.info("Simulated {} to {} (decision {}): {}", this.channel.name().toLowerCase(Locale.ROOT),
					contact.address(), contact.decisionId(), contact.content());
			return ContactResult.DELIVERED;
		}

	}

}
