package org.dues.payment.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway for a currency: Razorpay for INR and Stripe for USD and GBP when
 * configured, otherwise the simulated gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RazorpayProperties.class, StripeProperties.class })
class Gateways {

	private static final Logger log = LoggerFactory.getLogger(Gateways.class);

	private final List<Gateway> real = new ArrayList<>();

	private final SimulatedGateway simulated;

	Gateways(RazorpayProperties razorpay, StripeProperties stripe, SimulatedGateway simulated, Clock clock) {
		this.simulated = simulated;
		if (razorpay.configured()) {
			this.real.add(new RazorpayGateway(razorpay));
		}
		if (stripe.configured()) {
			this.real.add(new StripeGateway(stripe, clock));
		}
		log.info("Payment gateways: {}", this.real.isEmpty() ? "simulated only"
				: this.real.stream().map(Gateway::name).toList() + ", simulated for other currencies");
	}

	/** The gateway that takes payments in the currency. */
	Gateway forCurrency(Currency currency) {
		return this.real.stream().filter((g) -> g.handles(currency)).findFirst().orElse(this.simulated);
	}

	/** A configured real gateway by name. */
	Optional<Gateway> named(String name) {
		return this.real.stream().filter((g) -> g.name().equals(name)).findFirst();
	}

	SimulatedGateway simulated() {
		return this.simulated;
	}

}
