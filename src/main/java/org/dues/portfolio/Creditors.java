package org.dues.portfolio;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creditors (clients) who place accounts with us.
 */
@Service
public class Creditors {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final RowMapper<CreditorView> ROW = (rs, n) -> new CreditorView(
			new CreditorId(rs.getObject("id", java.util.UUID.class)), rs.getString("code"), rs.getString("name"),
			rs.getString("country"), Currency.getInstance(rs.getString("currency")), rs.getString("jurisdiction"),
			ZoneId.of(rs.getString("time_zone")), rs.getString("bucket_scheme"),
			new Waterfall(Arrays.stream((String[]) rs.getArray("waterfall").getArray())
				.map(BalanceComponent::valueOf)
				.toList()));

	private final JdbcClient jdbc;

	private final Clock clock;

	Creditors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates a creditor after checking every field.
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException if the code is taken
	 */
	@Transactional
	public CreditorView create(NewCreditor input) {
		List<FieldError> errors = new ArrayList<>();
		String code = input.code() == null ? "" : input.code().strip();
		if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
			errors.add(new FieldError("code", "must be 1-32 letters, digits, '_' or '-'"));
		}
		if (input.name() == null || input.name().isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		else if (input.name().strip().length() > 200) {
			errors.add(new FieldError("name", "must be at most 200 characters"));
		}
		String country = input.country() == null ? "" : input.country().strip().toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(country)) {
			errors.add(new FieldError("country", "must be an ISO 3166 alpha-2 country code"));
		}
		Currency currency = null;
		try {
			currency = Currency.getInstance(input.currency() == null ? "" : input.currency().strip());
			if (currency.getCurrencyCode().startsWith("X") || currency.getDefaultFractionDigits() < 0) {
				errors
					.add(new FieldError("currency", "must be a national currency, not " + currency.getCurrencyCode()));
			}
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
		}
		String jurisdiction = input.jurisdiction() == null ? "" : input.jurisdiction().strip().toUpperCase(Locale.ROOT);
		if (!jurisdiction.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
			errors
				.add(new FieldError("jurisdiction", "must be a country code, optionally with a region: US, US-MA, IN"));
		}
		else if (COUNTRIES.contains(country) && !jurisdiction.startsWith(country)) {
			errors.add(new FieldError("jurisdiction", "must lie in the creditor's country " + country));
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(input.timeZone() == null ? "" : input.timeZone().strip());
			// Offsets are refused: PostgreSQL reads "UTC+05:30" POSIX-style, west of
			// Greenwich, the
			// opposite of Java, so only names both agree on (IANA regions) are safe.
			if (zone instanceof ZoneOffset || zone.getId().matches(".*[+-]\\d.*")
					|| !this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :zone)")
						.param("zone", zone.getId())
						.query(Boolean.class)
						.single()) {
				errors.add(new FieldError("timeZone", "must be an IANA region such as Asia/Kolkata, not an offset"));
				zone = null;
			}
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Kolkata"));
		}
		String scheme = input.bucketScheme() != null ? input.bucketScheme().strip().toUpperCase(Locale.ROOT)
				: ("IN".equals(country) ? "RBI_SMA" : "DPD_30");
		if (!this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio_bucket_bands WHERE scheme = :s)")
			.param("s", scheme)
			.query(Boolean.class)
			.single()) {
			errors.add(new FieldError("bucketScheme", "must be RBI_SMA or DPD_30"));
		}
		Waterfall waterfall = Waterfall.DEFAULT;
		if (input.waterfall() != null) {
			try {
				waterfall = new Waterfall(input.waterfall()
					.stream()
					.map((c) -> BalanceComponent.valueOf(String.valueOf(c).strip().toUpperCase(Locale.ROOT)))
					.toList());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("waterfall", "must list FEES, INTEREST and PRINCIPAL once each"));
			}
		}
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
