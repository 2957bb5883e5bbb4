package org.dues.work;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dues.portfolio.AccountStatus;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which accounts a queue holds: every filter given must match (an empty list or a null
 * bound does not filter). Amounts compare with the account's balance (principal, interest
 * and fees) in its own currency.
 *
 * @param creditors creditor codes
 * @param buckets bucket names ({@code SMA-1}, {@code 31-60})
 * @param regions the customer's state or region on any address ({@code KL}, {@code NY})
 * @param languages the customer's language (ISO 639-1)
 * @param statuses account statuses; {@code ACTIVE} when none are given
 * @param arrangements where the account stands with arrangements
 */
public record QueueFilters(List<String> creditors, List<String> buckets, @Nullable Integer dpdMin,
		@Nullable Integer dpdMax, @Nullable BigDecimal balanceMin, @Nullable BigDecimal balanceMax,
		List<String> languages, List<String> regions, List<AccountStatus> statuses,
		List<ArrangementState> arrangements) {

	public QueueFilters {
		creditors = clean(creditors, true);
		buckets = clean(buckets, true);
		languages = clean(languages, false);
		regions = clean(regions, true);
		statuses = (statuses == null || statuses.isEmpty()) ? List.of(AccountStatus.ACTIVE) : List.copyOf(statuses);
		arrangements = (arrangements == null) ? List.of() : List.copyOf(arrangements);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (dpdMin != null && dpdMin < 0) {
			errors.add(new InvalidInputException.FieldError("dpdMin", "must not be negative"));
		}
		if (dpdMin != null && dpdMax != null && dpdMax < dpdMin) {
			errors.add(new InvalidInputException.FieldError("dpdMax", "must not be below dpdMin"));
		}
		if (balanceMin != null && balanceMin.signum() < 0) {
			errors.add(new InvalidInputException.FieldError("balanceMin", "must not be negative"));
		}
		if (balanceMin != null && balanceMax != null && balanceMax.compareTo(balanceMin) < 0) {
			errors.add(new InvalidInputException.FieldError("balanceMax", "must not be below balanceMin"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/** Every active account. */
	public static QueueFilters everything() {
		return new QueueFilters(List.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(),
				List.of());
	}

	/**
	 * The filters as a SQL condition on {@code a} (portfolio_account_facts) and
	 * {@code cu} (customer_routing_facts), its parameters put into {@code params} named
	 * with the prefix.
	 */
	String sql(String prefix, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add("a.status = ANY(:" + prefix + "statuses)");
		params.put(prefix + "statuses", this.statuses.stream().map(Enum::name).toArray(String[]::new));
		if (!this.creditors.isEmpty()) {
			where.add("a.creditor_id IN (SELECT c.id FROM portfolio_creditor_facts c WHERE c.code = ANY(:" + prefix
					+ "creditors))");
			params.put(prefix + "creditors", this.creditors.toArray(String[]::new));
		}
		if (!this.buckets.isEmpty()) {
			where.add("a.bucket = ANY(:" + prefix + "buckets)");
			params.put(prefix + "buckets", this.buckets.toArray(String[]::new));
		}
		if (this.dpdMin != null) {
			where.add("a.days_past_due >= :" + prefix + "dpdMin");
			params.put(prefix + "dpdMin", this.dpdMin);
		}
		if (this.dpdMax != null) {
			where.add("a.days_past_due <= :" + prefix + "dpdMax");
			params.put(prefix + "dpdMax", this.dpdMax);
		}
		if (this.balanceMin != null) {
			where.add("a.principal + a.interest + a.fees >= :" + prefix + "balanceMin");
			params.put(prefix + "balanceMin", this.balanceMin);
		}
		if (this.balanceMax != null) {
			where.add("a.principal + a.interest + a.fees <= :" + prefix + "balanceMax");
			params.put(prefix + "balanceMax", this.balanceMax);
		}
		if (!this.languages.isEmpty()) {
			where.add("cu.language = ANY(:" + prefix + "languages)");
			params.put(prefix + "languages", this.languages.toArray(String[]::new));
		}
		if (!this.regions.isEmpty()) {
			where.add("EXISTS (SELECT 1 FROM customer_region_facts ad WHERE ad.customer_id = a.customer_id"
					+ " AND ad.region = ANY(:" + prefix + "regions))");
			params.put(prefix + "regions", this.regions.toArray(String[]::new));
		}
		if (!this.arrangements.isEmpty()) {
			where.add("(" + String.join(" OR ", this.arrangements.stream().map((s) -> s.sql).toList()) + ")");
		}
		return "(" + String.join(" AND ", where) + ")";
	}

	private static List<String> clean(@Nullable List<String> values, boolean upper) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter((v) -> v != null && !v.isBlank())
			.map(String::strip)
			.map((v) -> upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}

}
