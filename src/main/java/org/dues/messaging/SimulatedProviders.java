package org.dues.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;
import org.dues.messaging.provider.Handover;
import org.dues.messaging.provider.MessageProvider;
import org.dues.messaging.provider.Outgoing;
import org.dues.messaging.provider.ProviderReports;
import org.dues.messaging.provider.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default and the demo's providers: they take SMS, email and WhatsApp
 * messages as a real provider would (an id at once, a delivery report a moment later, a
 * share of failures), and the Sandbox page shows what they took as the customer would see
 * it and answers as the customer. Never a stand-in for a provider in production
 * ({@code dues.messaging.simulated=false}); a configured real provider always wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dues.messaging.simulated", havingValue = "true", matchIfMissing = true)
class SimulatedProviders {

	@Bean
	Reporter simulatedReporter(ObjectProvider<ProviderReports> reports,
			@Value("${dues.messaging.simulated.delay:2s}") Duration delay,
			@Value("${dues.messaging.simulated.failure-share:0.04}") double failures) {
		return new Reporter(reports, delay, failures);
	}

	@Bean
	MessageProvider simulatedSmsProvider(Reporter reporter) {
		return new Simulated(Channel.SMS, reporter);
	}

	@Bean
	MessageProvider simulatedEmailProvider(Reporter reporter) {
		return new Simulated(Channel.EMAIL, reporter);
	}

	@Bean
	MessageProvider simulatedWhatsAppProvider(Reporter reporter) {
		return new Simulated(Channel.WHATSAPP, reporter);
	}

	/**
	 * Sends the delivery reports a moment after each message, as a provider's webhook.
	 */
	static final class Reporter implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(Reporter.class);

		private final ObjectProvider<ProviderReports> reports;

		private final Duration delay;

		private final double failures;

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "simulated-provider");
			thread.setDaemon(true);
			return thread;
		});

		Reporter(ObjectProvider<ProviderReports> reports, Duration delay, double failures) {
			this.reports = reports;
			this.delay = delay;
			this.failures = failures;
		}

		void later(String providerId, UUID messageId) {
			// the same message always fares the same: its id decides
			boolean fails = Math.floorMod(messageId.hashCode(), 1000) < this.failures * 1000;
			MessageStatus status = fails ? MessageStatus.FAILED : MessageStatus.DELIVERED;
			this.timer.schedule(() -> {
				try {
					this.reports.getObject()
						.status(Providers.SIMULATED, providerId + ":" + status, providerId, status,
								fails ? "30008 Unknown error (simulated)" : null);
				}
				catch (RuntimeException ex) {
					log.warn("The simulated report for {} failed", providerId, ex);
				}
			}, this.delay.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void destroy() {
			this.timer.shutdownNow();
		}

	}

	private record Simulated(Channel channel, Reporter reporter) implements MessageProvider {

		@Override
		public String name() {
			return Providers.SIMULATED;
		}

		@Override
		public boolean serves(Route route) {
			return true;
		}

		@Override
		public boolean idempotent() {
			return true;
		}

		@Override
		public Handover send(ClearedContact cleared, Outgoing message) {
			String id = "SIM" + message.messageId().toString().replace("-", "");
			this.reporter.later(id, message.messageId());
			return new Handover(id, MessageStatus.SENT);
		}

	}

}
