package org.dues.customer;

import java.util.List;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database keeps to E.164 whatever writes a phone (the check that replaced a regular
 * expression with string functions must refuse exactly what the expression refused).
 */
@IntegrationTest
class PhoneStorageTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyE164NumbersAreStored() {
		UUID customer = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, created_at, updated_at)
				VALUES (:id, :creditor, :ref, 'PERSON', 'Phone Check', now(), now())""")
			.param("id", customer)
			.param("creditor", UUID.randomUUID())
			.param("ref", "PHONE-" + customer)
			.update();
		List<String> valid = List.of("+919847012345", "+1234567", "+123456789012345");
		for (int i = 0; i < valid.size(); i++) {
			insert(customer, valid.get(i), i + 1);
		}
		List<String> invalid = List.of("+0123456789", "+123456", "+1234567890123456", "919847012345", "+91984701234a",
				"+९१९८४७०१२३४५", "++19847012", "+1 2345678", "+12345678901234５", "+");
		for (String number : invalid) {
			assertThatThrownBy(() -> insert(customer, number, 9)).as(number)
				.isInstanceOf(DataIntegrityViolationException.class)
				.hasMessageContaining("customer_phones_e164_check");
		}
		assertThat(this.jdbc.sql("SELECT e164 FROM customer_phones WHERE customer_id = :id ORDER BY position")
			.param("id", customer)
			.query(String.class)
			.list()).containsExactlyElementsOf(valid);
		// Looked up by whole number, as search and inbound matching do.
		assertThat(this.jdbc.sql("SELECT customer_id FROM customer_phones WHERE e164 = ANY(:numbers)")
			.param("numbers", new String[] { "+1234567", "+10000000" })
			.query(UUID.class)
			.list()).containsExactly(customer);
	}

	private void insert(UUID customer, String e164, int position) {
		this.jdbc.sql("""
				INSERT INTO customer_phones (id, customer_id, e164, phone_type, source, position, created_at)
				VALUES (:id, :customer, :e164, 'MOBILE', 'TEST', :position, now())""")
			.param("id", UUID.randomUUID())
			.param("customer", customer)
			.param("e164", e164)
			.param("position", position)
			.update();
	}

}
