package org.dues.arrangement;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import org.dues.identity.Role;
import org.dues.portfolio.CreditorId;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;

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

	AuthorityMatrix(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The authority of a role for a creditor. */
	public Authority of(CreditorId creditor, Currency currency, Role role) {
		Optional<Authority> own = this.jdbc.sql("""
				SELECT * FROM arrangement_authority WHERE creditor_id = :creditor AND role = :role""")
			.param("creditor", creditor.value())
			.param("role", role.name())
			.query((rs, n) -> new Authority(rs.getBigDecimal("max_discount_pct"),
					(rs.getBigDecimal("max_waiver") == null) ? null
							: new Money(rs.getBigDecimal("max_waiver"), currency),
					rs.getInt("longest_plan_months"), new Money(rs.getBigDecimal("smallest_instalment"), currency),
					rs.getBigDecimal("min_first_payment_pct"), rs.getInt("max_deferment_days")))
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

	/** Sets a role's authority for a creditor. */
	@Transactional
	public void set(CreditorId creditor, Role role, Authority authority) {
		if (authority.maxDiscountPct().signum() < 0 || authority.maxDiscountPct().compareTo(BigDecimal.valueOf(100)) > 0
				|| authority.minFirstPaymentPct().signum() < 0
				|| authority.minFirstPaymentPct().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("authority", "percentages must lie between 0 and 100");
		}
		if (authority.longestPlanMonths() < 0 || authority.maxDefermentDays() < 0) {
			throw new InvalidInputException("authority", "months and days must not be negative");
		}
		this.jdbc.sql("""
				INSERT INTO arrangement_authority (creditor_id, role, max_discount_pct, max_waiver, longest_plan_months,
				    smallest_instalment, min_first_payment_pct, max_deferment_days)
				VALUES (:creditor, :role, :discount, :waiver, :months, :smallest, :first, :days)
				ON CONFLICT (creditor_id, role) DO UPDATE SET max_discount_pct = EXCLUDED.max_discount_pct,
				    max_waiver = EXCLUDED.max_waiver, longest_plan_months = EXCLUDED.longest_plan_months,
				    smallest_instalment = EXCLUDED.smallest_instalment,
				    min_first_payment_pct = EXCLUDED.min_first_payment_pct,
				    max_deferment_days = EXCLUDED.max_deferment_days""")
			.param("creditor", creditor.value())
			.param("role", role.name())
			.param("discount", authority.maxDiscountPct())
			.param("waiver", (authority.maxWaiver() == null) ? null : authority.maxWaiver().amount())
			.param("months", authority.longestPlanMonths())
			.param("smallest", authority.smallestInstalment().amount())
			.param("first", authority.minFirstPaymentPct())
			.param("days", authority.maxDefermentDays())
			.update();
	}

	static Authority defaults(Role role, Currency currency) {
		int[] d = DEFAULTS.getOrDefault(role, new int[] { 0, 0, 0, 0 });
		return new Authority(BigDecimal.valueOf(d[0]),
				(d[1] < 0) ? null : new Money(BigDecimal.valueOf(d[1]), currency), d[2], Money.zero(currency),
				BigDecimal.ZERO, d[3]);
	}

}
