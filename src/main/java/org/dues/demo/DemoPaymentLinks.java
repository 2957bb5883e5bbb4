package org.dues.demo;

import org.dues.payment.LinkSettings;
import org.dues.payment.PaymentLinkSettings;
import org.dues.portfolio.Creditors;
import org.dues.system.RuntimeMode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo creditors' payment link settings: a UPI payee for the Indian NBFC (a demo
 * address: the simulated gateway takes the payments), a week's expiry for both. Set once,
 * on a start after the demo portfolio is loaded, where none are set.
 */
@Component
@Order(11)
class DemoPaymentLinks implements ApplicationRunner {

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final PaymentLinkSettings settings;

	DemoPaymentLinks(RuntimeMode mode, Creditors creditors, PaymentLinkSettings settings) {
		this.mode = mode;
		this.creditors = creditors;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo()) {
			return;
		}
		this.creditors.findByCode("MALABAR")
			.filter((c) -> this.settings.of(c.id()).equals(LinkSettings.DEFAULTS))
			.ifPresent((c) -> this.settings.set(c.id(),
					new LinkSettings("malabarfinance.demo@okaxis", "Malabar Finance Ltd", 7, null), "system"));
		this.creditors.findByCode("LIBERTY")
			.filter((c) -> this.settings.of(c.id()).equals(LinkSettings.DEFAULTS))
			.ifPresent((c) -> this.settings.set(c.id(), new LinkSettings(null, null, 7, null), "system"));
	}

}
