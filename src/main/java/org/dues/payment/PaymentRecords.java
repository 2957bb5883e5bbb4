package org.dues.payment;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A payment and a payment link, for the scope check: each lies in its account. */
@Configuration(proxyBeanMethods = false)
class PaymentRecords {

	@Bean
	RecordLocator paymentLocator(JdbcClient jdbc) {
		return RecordLocator.byId("payment", jdbc, "SELECT account_id FROM payment_payments WHERE id = :id",
				RecordReach::account);
	}

	@Bean
	RecordLocator paymentLinkLocator(JdbcClient jdbc) {
		return RecordLocator.byId("paymentLink", jdbc, "SELECT account_id FROM payment_links WHERE id = :id",
				RecordReach::account);
	}

}
