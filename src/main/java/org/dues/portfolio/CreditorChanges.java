package org.dues.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Validator;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.Checked;
import org.dues.system.AuditedChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a creditor's name, time zone, currency, bucket scheme and payment waterfall,
 * with the same checks as {@link Creditors#create}. An edit names the version it was made
 * on and is refused when the creditor changed meanwhile. The waterfall applies to
 * payments posted after the change: a payment is allocated once, when it posts, and its
 * ledger entry keeps that allocation (a reversal undoes exactly it). A new time zone or
 * bucket scheme re-ages the creditor's accounts in the same transaction. The currency is
 * fixed once accounts are placed (their balances, payments and the authority matrix's
 * amounts are in it). Every change goes into the audit trail with each field before and
 * after.
 */
@Service
public class CreditorChanges {

	private final Creditors creditors;

	private final JdbcClient jdbc;

	private final Aging aging;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CreditorChanges(Creditors creditors, JdbcClient jdbc, Aging aging, Validator validator,
			ApplicationEventPublisher events, Clock clock) {
		this.creditors = creditors;
		this.jdbc = jdbc;
		this.aging = aging;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	/** A creditor as its edit form shows it, or {@link NotFoundException}. */
	@Transactional(readOnly = true)
	public CreditorSettings current(String code) {
		CreditorView creditor = this.creditors.getByCode(code);
		return this.jdbc.sql("""
				SELECT version, changed_at, changed_by,
				    EXISTS (SELECT 1 FROM portfolio_accounts a WHERE a.creditor_id = c.id) AS has_accounts
				FROM portfolio_creditors c WHERE c.id = :id""").param("id", creditor.id().value()).query((rs, n) -> {
			OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
			return new CreditorSettings(creditor, rs.getInt("version"), rs.getBoolean("has_accounts"),
					(changed == null) ? null : changed.toInstant(), rs.getString("changed_by"));
		}).single();
	}

	/**
	 * Changes the creditor as the edit says.
	 * @param version the version the edit was made on
	 * @throws InvalidInputException naming each bad field
	 * @throws StaleVersionException when the creditor is no longer at {@code version}
	 * @throws NotFoundException for an unknown creditor
	 */
	@Transactional
	public CreditorSettings change(String code, CreditorChange change, int version, String by) {
		Checked.valid(this.validator, change);
		CreditorView before = this.creditors.getByCode(code);
		int locked = this.jdbc.sql("SELECT version FROM portfolio_creditors WHERE id = :id FOR UPDATE")
			.param("id", before.id().value())
			.query(Integer.class)
			.single();
		if (locked != version) {
			throw new StaleVersionException("the creditor " + before.code(), locked);
		}
		// read again under the lock: the row as it is now
		before = this.creditors.get(before.id());
		List<FieldError> errors = new ArrayList<>();
		ZoneId zone = ZoneId.of(Objects.requireNonNull(change.timeZone()).strip());
		if (!this.creditors.zoneKnown(zone)) {
			errors.add(new FieldError("timeZone", "must be an IANA region such as Asia/Kolkata, not an offset"));
		}
		String scheme = Objects.requireNonNull(change.bucketScheme()).strip().toUpperCase(Locale.ROOT);
		if (!this.creditors.schemeKnown(scheme)) {
			errors.add(new FieldError("bucketScheme", "must be RBI_SMA or DPD_30"));
		}
		Currency currency = (change.currency() == null || change.currency().isBlank()) ? before.currency()
				: Currency.getInstance(change.currency().strip().toUpperCase(Locale.ROOT));
		if (!currency.equals(before.currency()) && current(code).hasAccounts()) {
			errors.add(new FieldError("currency",
					"cannot change once accounts are placed: they are in " + before.currency().getCurrencyCode()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Waterfall waterfall = Objects.requireNonNull(PaymentOrder.Check.of(Objects.requireNonNull(change.waterfall())));
		String name = Objects.requireNonNull(change.name()).strip();
		this.jdbc.sql("""
				UPDATE portfolio_creditors SET name = :name, time_zone = :zone, currency = :currency,
				    bucket_scheme = :scheme, waterfall = :waterfall, version = version + 1, changed_at = :now,
				    changed_by = :by
				WHERE id = :id""")
			.param("id", before.id().value())
			.param("name", name)
			.param("zone", zone.getId())
			.param("currency", currency.getCurrencyCode())
			.param("scheme", scheme)
			.param("waterfall", waterfall.order().stream().map(Enum::name).toArray(String[]::new))
			.param("now", OffsetDateTime.now(this.clock))
			.param("by", by)
			.update();
		CreditorView after = this.creditors.get(before.id());
		if (!after.timeZone().equals(before.timeZone()) || !after.bucketScheme().equals(before.bucketScheme())) {
			this.aging.age(after.id());
		}
		Map<String, Object> changed = differences(before, after);
		if (!changed.isEmpty()) {
			this.events.publishEvent(new AuditedChange(by, "CREDITOR_CHANGED", "creditor:" + after.code(), changed));
		}
		return current(code);
	}

	/** Each field that changed, with its value before and after. */
	private static Map<String, Object> differences(CreditorView before, CreditorView after) {
		Map<String, Object> changed = new LinkedHashMap<>();
		put(changed, "name", before.name(), after.name());
		put(changed, "timeZone", before.timeZone().getId(), after.timeZone().getId());
		put(changed, "currency", before.currency().getCurrencyCode(), after.currency().getCurrencyCode());
		put(changed, "bucketScheme", before.bucketScheme(), after.bucketScheme());
		put(changed, "waterfall", names(before.waterfall()), names(after.waterfall()));
		return changed;
	}

	private static void put(Map<String, Object> changed, String field, Object before, Object after) {
		if (!before.equals(after)) {
			changed.put(field, Map.of("before", before, "after", after));
		}
	}

	private static List<String> names(Waterfall waterfall) {
		return waterfall.order().stream().map(Enum::name).toList();
	}

}
