package org.dues.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the customers stored before names had keys (V20261206151000) their
 * {@link NameKey}, a few thousand at a time, once the application has started; new and
 * changed customers get theirs when written. Until a customer has a key, search still
 * finds its name as written.
 */
@Component
class NameKeyBackfill {

	private static final Logger log = LoggerFactory.getLogger(NameKeyBackfill.class);

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	NameKeyBackfill(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void fill() {
		int total = 0;
		int done;
		do {
			done = fillBatch();
			total += done;
		}
		while (done == BATCH);
		if (total > 0) {
			log.info("Gave {} customers the Latin key of their names", total);
		}
	}

	/** Keys one batch of customers without a key; how many it keyed. */
	int fillBatch() {
		List<UUID> ids = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		this.jdbc.sql("SELECT id, name FROM customer_customers WHERE name_key IS NULL LIMIT :batch")
			.param("batch", BATCH)
			.query((rs) -> {
				ids.add(rs.getObject(1, UUID.class));
				keys.add(NameKey.of(rs.getString(2)));
			});
		if (ids.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("""
				UPDATE customer_customers c SET name_key = k.name_key
				FROM unnest(:ids::uuid[], :keys::text[]) AS k(id, name_key)
				WHERE c.id = k.id AND c.name_key IS NULL""")
			.param("ids", ids.toArray(UUID[]::new))
			.param("keys", keys.toArray(String[]::new))
			.update();
		return ids.size();
	}

}
