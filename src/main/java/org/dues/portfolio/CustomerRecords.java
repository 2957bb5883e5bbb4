package org.dues.portfolio;

import java.util.Set;
import java.util.UUID;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer for the scope check ({@code customer}): the customer lies in every account
 * they are on, as borrower or related party (customer's face
 * {@code customer_party_facts}), so whoever may work one of them reaches the customer; a
 * customer on no account only the roles that see everything.
 */
@Configuration(proxyBeanMethods = false)
class CustomerRecords {

	@Bean
	RecordLocator customerLocator(JdbcClient jdbc) {
		return RecordLocator.of("customer",
				(key, context) -> RecordLocator.uuid(key)
					.filter((id) -> jdbc.sql("SELECT true FROM customer_routing_facts WHERE customer_id = :id")
						.param("id", id)
						.query(Boolean.class)
						.optional()
						.isPresent())
					.map((id) -> RecordReach.accounts(Set.copyOf(jdbc.sql("""
							SELECT id FROM portfolio_accounts WHERE customer_id = :id
							UNION SELECT account_id FROM customer_party_facts WHERE customer_id = :id""")
						.param("id", id)
						.query(UUID.class)
						.list()))));
	}

}
