package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a previewed bulk send's messages into the outbox: each rendered once for its
 * account, to the address the preview chose, and inserted in batches, without asking the
 * gate again (the {@link Dispatcher} asks it when each leaves). The same columns as
 * {@link Messages#queue}, which makes one message at a time.
 */
@Component
class BulkOutbox {

	private static final String INSERT = """
			INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, template_id,
			    template_version, language, address, subject, body, parameters, status, next_attempt_at, bulk_id,
			    created_at, created_by, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)""";

	private final BulkPreviews previews;

	private final Messages messages;

	private final JdbcTemplate batch;

	private final JdbcClient jdbc;

	private final Clock clock;

	BulkOutbox(BulkPreviews previews, Messages messages, JdbcTemplate batch, JdbcClient jdbc, Clock clock) {
		this.previews = previews;
		this.messages = messages;
		this.batch = batch;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a message to each addressed account under the bulk id.
	 * @return how many were queued
	 */
	int queue(UUID bulk, List<BulkPreviews.Each> each, Channel channel, String template, @Nullable String language,
			@Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt, String actor) {
		List<BulkPreviews.Each> addressed = each.stream().filter((e) -> e.address() != null).toList();
		BulkPreviews.Loaded loaded = this.previews.load(addressed.stream().map(BulkPreviews.Each::account).toList(),
				channel, template, language);
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		String sendersName = this.messages.sendersName(actor);
		List<Object[]> rows = new ArrayList<>(addressed.size());
		List<UUID> ids = new ArrayList<>(addressed.size());
		for (BulkPreviews.Each one : addressed) {
			AccountView account = loaded.accounts().get(new AccountId(one.account()));
			if (account == null) {
				continue;
			}
			CustomerView customer = loaded.customers().get(account.customerId());
			CreditorView creditor = loaded.creditor(account);
			TemplateView chosen = loaded.template(account, customer);
			Rendered rendered = this.messages.renderAs(chosen, account, creditor, customer, sendersName, null, actor);
			Instant leaves = (scheduledAt != null) ? scheduledAt.atZone(creditor.timeZone()).toInstant()
					: (notBefore != null) ? notBefore : now;
			UUID id = UUID.randomUUID();
			ids.add(id);
			rows.add(new Object[] { id, account.id().value(), account.customerId().value(), creditor.id().value(),
					channel.name(), chosen.purpose().name(), chosen.id(), chosen.version(), chosen.language(),
					one.address(), rendered.subject(), rendered.body(), rendered.parameters().toArray(String[]::new),
					Timestamp.from(leaves.isBefore(now) ? now : leaves), bulk, at, actor, at });
		}
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		if (!ids.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO messaging_message_events (message_id, at, status, detail)
					SELECT unnest(CAST(:ids AS uuid[])), :now, 'QUEUED', :detail""")
				.param("ids", ids.toArray(UUID[]::new))
				.param("now", at)
				.param("detail", "bulk send " + bulk)
				.update();
		}
		return ids.size();
	}

}
