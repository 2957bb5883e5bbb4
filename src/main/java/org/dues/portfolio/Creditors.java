package org.dues.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Validator;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.Checked;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditors (clients) who place accounts with us.
 */
@Service
public class Creditors {

	private static final RowMapper<CreditorView> ROW = (rs, n) -> new CreditorView(
			new CreditorId(rs.getObject("id", java.util.UUID.class)), rs.getString("code"), rs.getString("name"),
			rs.getString("country"), Currency.getInstance(rs.getString("currency")), rs.getString("jurisdiction"),
			ZoneId.of(rs.getString("time_zone")), rs.getString("bucket_scheme"),
			new Waterfall(Arrays.stream((String[]) rs.getArray("waterfall").getArray())
				.map(BalanceComponent::valueOf)
				.toList()));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Validator validator;

	Creditors(JdbcClient jdbc, Clock clock, Validator validator) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.validator = validator;
	}

	/**
	 * Creates a creditor after checking every field.
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException if the code is taken
	 */
	@Transactional
	public CreditorView create(NewCreditor input) {
		Checked.valid(this.validator, input);
		String code = Objects.requireNonNull(input.code()).strip();
		String country = Objects.requireNonNull(input.country()).strip().toUpperCase(Locale.ROOT);
		Currency currency = Currency
			.getInstance(Objects.requireNonNull(input.currency()).strip().toUpperCase(Locale.ROOT));
		String jurisdiction = Objects.requireNonNull(input.jurisdiction()).strip().toUpperCase(Locale.ROOT);
		ZoneId zone = ZoneId.of(Objects.requireNonNull(input.timeZone()).strip());
		List<FieldError> errors = new ArrayList<>();
		// PostgreSQL must know the region by the same name
		if (!zoneKnown(zone)) {
			errors.add(new FieldError("timeZone", "must be an IANA region such as Asia/Kolkata, not an offset"));
		}
		String scheme = input.bucketScheme() != null ? input.bucketScheme().strip().toUpperCase(Locale.ROOT)
				: ("IN".equals(country) ? "RBI_SMA" : "DPD_30");
		if (!schemeKnown(scheme)) {
			errors.add(new FieldError("bucketScheme", "must be RBI_SMA or DPD_30"));
		}
		Waterfall waterfall = (input.waterfall() == null) ? Waterfall.DEFAULT
				: Objects.requireNonNull(PaymentOrder.Check.of(input.waterfall()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio_creditors WHERE lower(code) = lower(:code))")
			.param("code", code)
			.query(Boolean.class)
			.single()) {
			throw new ConflictException("creditor code '%s' is already taken".formatted(code));
		}
		CreditorId id = CreditorId.random();
		this.jdbc
			.sql("""
					INSERT INTO portfolio_creditors (id, code, name, country, currency, jurisdiction, time_zone, bucket_scheme,
					    waterfall, created_at)
					VALUES (:id, :code, :name, :country, :currency, :jurisdiction, :zone, :scheme, :waterfall, :now)""")
			.param("id", id.value())
			.param("code", code)
			.param("name", input.name().strip())
			.param("country", country)
			.param("currency", currency.getCurrencyCode())
			.param("jurisdiction", jurisdiction)
			.param("zone", zone.getId())
			.param("scheme", scheme)
			.param("waterfall", waterfall.order().stream().map(Enum::name).toArray(String[]::new))
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		return get(id);
	}

	/** Whether PostgreSQL knows the region by the same name. */
	boolean zoneKnown(ZoneId zone) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :zone)")
			.param("zone", zone.getId())
			.query(Boolean.class)
			.single();
	}

	/** Whether a bucket scheme exists. */
	boolean schemeKnown(String scheme) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio_bucket_bands WHERE scheme = :s)")
			.param("s", scheme)
			.query(Boolean.class)
			.single();
	}

	/** All creditors, by code. */
	public List<CreditorView> list() {
		return this.jdbc.sql("SELECT * FROM portfolio_creditors ORDER BY code").query(ROW).list();
	}

	/** A creditor by its code. */
	public Optional<CreditorView> findByCode(String code) {
		return this.jdbc.sql("SELECT * FROM portfolio_creditors WHERE code = :code")
			.param("code", code)
			.query(ROW)
			.optional();
	}

	/** A creditor by its code, or {@link NotFoundException}. */
	public CreditorView getByCode(String code) {
		return findByCode(code).orElseThrow(() -> new NotFoundException("creditor", code));
	}

	/** A creditor by id, or {@link NotFoundException}. */
	public CreditorView get(CreditorId id) {
		return this.jdbc.sql("SELECT * FROM portfolio_creditors WHERE id = :id")
			.param("id", id.value())
			.query(ROW)
			.optional()
			.orElseThrow(() -> new NotFoundException("creditor", id));
	}

	/**
	 * The time zone of the creditors holding most active accounts: where most of the
	 * floor's work is, and so whose day a supervisor most likely means; empty with no
	 * active account. Reads every account (0.4 s for a million): callers keep the answer.
	 */
	@Transactional(readOnly = true)
	public Optional<ZoneId> busiestZone() {
		return this.jdbc.sql("""
				SELECT c.time_zone FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
				WHERE a.status = 'ACTIVE' GROUP BY c.time_zone ORDER BY count(*) DESC, c.time_zone LIMIT 1""")
			.query(String.class)
			.optional()
			.map(ZoneId::of);
	}

}
