package org.dues.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.dues.portfolio.CreditorId;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each creditor's settings for payment links and UPI; {@link LinkSettings#DEFAULTS} for a
 * creditor that set none.
 */
@Service
public class PaymentLinkSettings {

	/**
	 * A UPI virtual payment address as NPCI allows it: a handle and a PSP, one {@code @}.
	 */
	static final Pattern VPA = Pattern.compile("[a-zA-Z0-9.\\-_]{2,256}@[a-zA-Z][a-zA-Z0-9.\\-]{1,63}");

	private final JdbcClient jdbc;

	private final Clock clock;

	PaymentLinkSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The creditor's settings, or the defaults. */
	public LinkSettings of(CreditorId creditor) {
		return this.jdbc.sql("SELECT * FROM payment_link_settings WHERE creditor_id = :creditor")
			.param("creditor", creditor.value())
			.query((rs, n) -> new LinkSettings(rs.getString("upi_vpa"), rs.getString("upi_payee_name"),
					rs.getInt("default_expiry_days"), rs.getBigDecimal("min_percent")))
			.optional()
			.orElse(LinkSettings.DEFAULTS);
	}

	/**
	 * Replaces the creditor's settings.
	 * @throws InvalidInputException naming the field that is wrong; nothing is changed
	 */
	@Transactional
	public LinkSettings set(CreditorId creditor, LinkSettings settings, String who) {
		String vpa = blankToNull(settings.upiVpa());
		String name = blankToNull(settings.upiPayeeName());
		if (vpa != null && !VPA.matcher(vpa).matches()) {
			throw new InvalidInputException("upiVpa", "'%s' is not a UPI address (handle@psp)".formatted(vpa));
		}
		if (name != null && (name.length() > 99 || name.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidInputException("upiPayeeName", "must be at most 99 characters without controls");
		}
		if (vpa != null && name == null) {
			throw new InvalidInputException("upiPayeeName", "is required with a UPI address");
		}
		if (settings.defaultExpiryDays() < 1 || settings.defaultExpiryDays() > 365) {
			throw new InvalidInputException("defaultExpiryDays", "must be between 1 and 365");
		}
		BigDecimal share = settings.minPercent();
		if (share != null && (share.signum() <= 0 || share.compareTo(new BigDecimal(100)) > 0 || share.scale() > 2)) {
			throw new InvalidInputException("minPercent", "must be above 0 and at most 100, with two places at most");
		}
		this.jdbc.sql("""
				INSERT INTO payment_link_settings (creditor_id, upi_vpa, upi_payee_name, default_expiry_days,
				    min_percent, updated_at, updated_by)
				VALUES (:creditor, :vpa, :name, :days, :share, :now, :who)
				ON CONFLICT (creditor_id) DO UPDATE SET upi_vpa = excluded.upi_vpa,
				    upi_payee_name = excluded.upi_payee_name, default_expiry_days = excluded.default_expiry_days,
				    min_percent = excluded.min_percent, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by""")
			.param("creditor", creditor.value())
			.param("vpa", vpa)
			.param("name", name)
			.param("days", settings.defaultExpiryDays())
			.param("share", share)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		return of(creditor);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
