package org.dues.arrangement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dues.identity.Role;
import org.dues.portfolio.CreditorId;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.AuditedChange;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authority matrix: per creditor and role, what may be agreed without approval.
 * Creditors without their own row get the defaults: agents up to a 10% discount, no
 * waivers, plans of 12 months, no first-payment minimum, 30-day deferments; team leads
 * 30%, any waiver, 24 months, 60 days; managers 50%, 36 months, 90 days; administrators
 * anything. Compliance officers agree nothing.
 */
@Service
public class AuthorityMatrix {

	private static final Map<Role, int[]> DEFAULTS = Map.of(Role.AGENT, new int[] { 10, 0, 12, 30 }, Role.TEAM_LEAD,
			new int[] { 30, -1, 24, 60 }, Role.MANAGER, new int[] { 50, -1, 36, 90 }, Role.ADMIN,
			new int[] { 100, -1, 120, 366 });

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuthorityMatrix(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The authority of a role for a creditor. */
	public Authority of(CreditorId creditor, Currency currency, Role role) {
		Optional<Authority> own = this.jdbc.sql("""
				SELECT * FROM arrangement_authority WHERE creditor_id = :creditor AND role = :role""")
			.param("creditor", creditor.value())
			.param("role", role.name())
			.query((rs, n) -> authority(rs, currency))
			.optional();
		return own.orElseGet(() -> defaults(role, currency));
	}

	/** The strongest authority among a user's roles. */
	public Authority strongest(CreditorId creditor, Currency currency, java.util.Collection<Role> roles) {
		Authority best = null;
		for (Role role : roles) {
			Authority authority = of(creditor, currency, role);
			if (best == null || authority.maxDiscountPct().compareTo(best.maxDiscountPct()) > 0
					|| authority.longestPlanMonths() > best.longestPlanMonths()) {
				best = authority;
			}
		}
		return (best != null) ? best : defaults(Role.COMPLIANCE, currency);
	}

	/**
	 * The roles that may agree arrangements (all but compliance), each with its authority
	 * for the creditor, whether it is the creditor's own or the defaults (version 0), and
	 * its version.
	 */
	@Transactional(readOnly = true)
	public List<AuthorityEntry> entries(CreditorId creditor, Currency currency) {
		Map<Role, AuthorityEntry> own = new EnumMap<>(Role.class);
		this.jdbc.sql("SELECT * FROM arrangement_authority WHERE creditor_id = :creditor")
			.param("creditor", creditor.value())
			.query((rs) -> {
				Role role = Role.valueOf(rs.getString("role"));
				OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
				own.put(role, new AuthorityEntry(role, authority(rs, currency), rs.getInt("version"),
						(changed == null) ? null : changed.toInstant(), rs.getString("changed_by")));
			});
		return DEFAULTS.keySet()
			.stream()
			.sorted()
			.map((role) -> own.getOrDefault(role, new AuthorityEntry(role, defaults(role, currency), 0, null, null)))
			.toList();
	}

	/**
	 * Sets a role's authority for a creditor, whatever its version (the API's), and
	 * records the change in the audit trail as made by {@code by}.
	 * @throws InvalidInputException for a percentage outside 0-100 or a negative count
	 */
	@Transactional
	public void set(CreditorId creditor, Role role, Authority authority, String by) {
		write(creditor, role, authority, null, by);
	}

	/**
	 * Sets a role's authority for a creditor as edited on {@code version} (0 for the
	 * defaults), and records the change in the audit trail.
	 * @throws InvalidInputException for a percentage outside 0-100 or a negative count
	 * @throws StaleAuthorityException when the role's authority changed meanwhile
	 */
	@Transactional
	public AuthorityEntry set(CreditorId creditor, Currency currency, Role role, Authority authority, int version,
			String by) {
		write(creditor, role, authority, version, by);
		return entries(creditor, currency).stream().filter((e) -> e.role() == role).findFirst().orElseThrow();
	}

	private void write(CreditorId creditor, Role role, Authority authority, @Nullable Integer version, String by) {
		if (authority.maxDiscountPct().signum() < 0 || authority.maxDiscountPct().compareTo(BigDecimal.valueOf(100)) > 0
				|| authority.minFirstPaymentPct().signum() < 0
				|| authority.minFirstPaymentPct().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("authority", "percentages must lie between 0 and 100");
		}
		if (authority.longestPlanMonths() < 0 || authority.maxDefermentDays() < 0) {
			throw new InvalidInputException("authority", "months and days must not be negative");
		}
		Optional<Integer> current = this.jdbc.sql("""
				SELECT version FROM arrangement_authority WHERE creditor_id = :creditor AND role = :role FOR UPDATE""")
			.param("creditor", creditor.value())
			.param("role", role.name())
			.query(Integer.class)
			.optional();
		if (version != null && current.orElse(0) != version) {
			throw new StaleAuthorityException(role, current.orElse(0));
		}
		Authority before = of(creditor, authority.smallestInstalment().currency(), role);
		int written = this.jdbc.sql("""
				INSERT INTO arrangement_authority (creditor_id, role, max_discount_pct, max_waiver, longest_plan_months,
				    smallest_instalment, min_first_payment_pct, max_deferment_days, version, changed_at, changed_by)
				VALUES (:creditor, :role, :discount, :waiver, :months, :smallest, :first, :days, 1, :now, :by)
				ON CONFLICT (creditor_id, role) DO UPDATE SET max_discount_pct = EXCLUDED.max_discount_pct,
				    max_waiver = EXCLUDED.max_waiver, longest_plan_months = EXCLUDED.longest_plan_months,
				    smallest_instalment = EXCLUDED.smallest_instalment,
				    min_first_payment_pct = EXCLUDED.min_first_payment_pct,
				    max_deferment_days = EXCLUDED.max_deferment_days,
				    version = arrangement_authority.version + 1, changed_at = EXCLUDED.changed_at,
				    changed_by = EXCLUDED.changed_by
				WHERE CAST(:version AS integer) IS NULL OR arrangement_authority.version = CAST(:version AS integer)""")
			.param("creditor", creditor.value())
			.param("role", role.name())
			.param("discount", authority.maxDiscountPct())
			.param("waiver", (authority.maxWaiver() == null) ? null : authority.maxWaiver().amount())
			.param("months", authority.longestPlanMonths())
			.param("smallest", authority.smallestInstalment().amount())
			.param("first", authority.minFirstPaymentPct())
			.param("days", authority.maxDefermentDays())
			.param("now", OffsetDateTime.now(this.clock))
			.param("by", by)
			.param("version", version)
			.update();
		if (written == 0) {
			// another edit took the row between the check and the write
			throw new StaleAuthorityException(role, current.orElse(0) + 1);
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("role", role.name());
		changes.put("before", figures(before));
		changes.put("after", figures(authority));
		this.events.publishEvent(new AuditedChange(by, "AUTHORITY_CHANGED",
				"creditor-authority:" + creditor.value() + "/" + role.name(), changes));
	}

	private static Map<String, @Nullable Object> figures(Authority authority) {
		Map<String, @Nullable Object> figures = new LinkedHashMap<>();
		figures.put("maxDiscountPct", authority.maxDiscountPct().stripTrailingZeros().toPlainString());
		figures.put("maxWaiver",
				(authority.maxWaiver() == null) ? null : authority.maxWaiver().amount().toPlainString());
		figures.put("longestPlanMonths", authority.longestPlanMonths());
		figures.put("smallestInstalment", authority.smallestInstalment().amount().toPlainString());
		figures.put("minFirstPaymentPct", authority.minFirstPaymentPct().stripTrailingZeros().toPlainString());
		figures.put("maxDefermentDays", authority.maxDefermentDays());
		figures.put("currency", authority.smallestInstalment().currencyCode());
		return figures;
	}

	private static Authority authority(java.sql.ResultSet rs, Currency currency) throws java.sql.SQLException {
		return new Authority(rs.getBigDecimal("max_discount_pct"),
				(rs.getBigDecimal("max_waiver") == null) ? null : new Money(rs.getBigDecimal("max_waiver"), currency),
				rs.getInt("longest_plan_months"), new Money(rs.getBigDecimal("smallest_instalment"), currency),
				rs.getBigDecimal("min_first_payment_pct"), rs.getInt("max_deferment_days"));
	}

	static Authority defaults(Role role, Currency currency) {
		int[] d = DEFAULTS.getOrDefault(role, new int[] { 0, 0, 0, 0 });
		return new Authority(BigDecimal.valueOf(d[0]),
				(d[1] < 0) ? null : new Money(BigDecimal.valueOf(d[1]), currency), d[2], Money.zero(currency),
				BigDecimal.ZERO, d[3]);
	}

}
