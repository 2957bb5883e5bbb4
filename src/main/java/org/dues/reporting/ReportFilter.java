package org.dues.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: a period of days (each creditor's local days, both ends included)
 * and the dimensions it is narrowed to; a null dimension is not filtered on.
 *
 * @param from the first day
 * @param to the last day
 * @param creditor a creditor's id
 * @param product the product as placed
 * @param bucket the bucket (at the snapshot of the day before)
 * @param team a team: its members' figures
 * @param agent one agent's figures
 * @param queue a team queue (pooled accounts standing in it)
 * @param region a region (state, upper case) of the customer's address
 * @param language the customer's language (ISO 639-1)
 * @param within the agents the reader answers for (a team lead's members), or null for a
 * reader who answers for everyone (managers, compliance, administrators)
 */
public record ReportFilter(LocalDate from, LocalDate to, @Nullable UUID creditor, @Nullable String product,
		@Nullable String bucket, @Nullable UUID team, @Nullable String agent, @Nullable UUID queue,
		@Nullable String region, @Nullable String language, @Nullable Set<String> within) {

	/** The longest period one report covers. */
	public static final int LONGEST_DAYS = 800;

	public ReportFilter {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "the period ends before it starts");
		}
		if (ChronoUnit.DAYS.between(from, to) >= LONGEST_DAYS) {
			throw new InvalidInputException("to", "a report covers at most %d days".formatted(LONGEST_DAYS));
		}
		within = (within == null) ? null : Set.copyOf(within);
	}

	/** The whole portfolio over a period, for a reader who answers for everyone. */
	public static ReportFilter period(LocalDate from, LocalDate to) {
		return new ReportFilter(from, to, null, null, null, null, null, null, null, null, null);
	}

	/** The same filter over another period. */
	public ReportFilter over(LocalDate first, LocalDate last) {
		return new ReportFilter(first, last, this.creditor, this.product, this.bucket, this.team, this.agent,
				this.queue, this.region, this.language, this.within);
	}

	/** The same filter narrowed to one creditor. */
	public ReportFilter forCreditor(@Nullable UUID id) {
		return new ReportFilter(this.from, this.to, id, this.product, this.bucket, this.team, this.agent, this.queue,
				this.region, this.language, this.within);
	}

	/** The same filter for a reader who answers for these agents only. */
	public ReportFilter within(@Nullable Set<String> agents) {
		return new ReportFilter(this.from, this.to, this.creditor, this.product, this.bucket, this.team, this.agent,
				this.queue, this.region, this.language, agents);
	}

	/** The period of the same length just before this one. */
	public ReportFilter previous() {
		long days = ChronoUnit.DAYS.between(this.from, this.to) + 1;
		return over(this.from.minusDays(days), this.from.minusDays(1));
	}

	/** The days in the period. */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/**
	 * The filters applied, by name, in order, as an export names them (dates as ISO, ids
	 * as they are).
	 */
	public Map<String, String> applied() {
		Map<String, String> applied = new LinkedHashMap<>();
		applied.put("from", this.from.toString());
		applied.put("to", this.to.toString());
		put(applied, "creditor", this.creditor);
		put(applied, "product", this.product);
		put(applied, "bucket", this.bucket);
		put(applied, "team", this.team);
		put(applied, "agent", this.agent);
		put(applied, "queue", this.queue);
		put(applied, "region", this.region);
		put(applied, "language", this.language);
		return applied;
	}

	private static void put(Map<String, String> applied, String name, @Nullable Object value) {
		if (value != null) {
			applied.put(name, value.toString());
		}
	}

}
