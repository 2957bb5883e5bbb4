package org.dues.compliance;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's holds, consents, inconvenient times and banned media, for the scope check:
 * each is the customer's, so it lies in every account of the customer, and whoever may
 * work one of them reaches it (as the account's compliance panel shows them all).
 */
@Configuration(proxyBeanMethods = false)
class RestrictionRecords {

	@Bean
	RecordLocator holdLocator(JdbcClient jdbc, Accounts accounts) {
		return locator("hold", "compliance_holds", jdbc, accounts);
	}

	@Bean
	RecordLocator consentLocator(JdbcClient jdbc, Accounts accounts) {
		return locator("consent", "compliance_consents", jdbc, accounts);
	}

	@Bean
	RecordLocator blackoutLocator(JdbcClient jdbc, Accounts accounts) {
		return locator("blackout", "compliance_blackouts", jdbc, accounts);
	}

	@Bean
	RecordLocator channelBanLocator(JdbcClient jdbc, Accounts accounts) {
		return locator("channel-ban", "compliance_channel_bans", jdbc, accounts);
	}

	private static RecordLocator locator(String kind, String table, JdbcClient jdbc, Accounts accounts) {
		return RecordLocator.of(kind,
				(key, context) -> RecordLocator.uuid(key)
					.flatMap((id) -> jdbc.sql("SELECT customer_id FROM " + table + " WHERE id = :id")
						.param("id", id)
						.query(UUID.class)
						.optional())
					.flatMap((customer) -> Optional.of(RecordReach.accounts(accountsOf(accounts, customer)))));
	}

	private static Set<UUID> accountsOf(Accounts accounts, UUID customer) {
		return accounts.ofCustomer(new CustomerId(customer))
			.stream()
			.map(AccountView::id)
			.map((id) -> id.value())
			.collect(Collectors.toSet());
	}

}
