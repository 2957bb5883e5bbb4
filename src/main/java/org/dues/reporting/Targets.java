package org.dues.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly targets of agents, teams and creditors ({@code reporting_targets}): set by a
 * manager on the page or the API, or imported from a sheet ({@link TargetSheets}), read
 * by whom {@link TargetReader} lets read them. Effective-dated: a change marks the values
 * it replaces (who, when) and adds the new ones, never overwriting.
 */
@Service
public class Targets {

	/** How a target came to be set. */
	public enum Source {

		PAGE, API, IMPORT

	}

	private final JdbcClient jdbc;

	private final TargetSubjects subjects;

	private final Clock clock;

	Targets(JdbcClient jdbc, TargetSubjects subjects, Clock clock) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.clock = clock;
	}

	/**
	 * Sets the subject's target for the month to exactly the values given: a measure left
	 * out is cleared, an unchanged value is left as it is (nothing is written when
	 * nothing changes).
	 * @return the target, and whether the subject had none for the month before
	 * @throws InvalidInputException naming {@code id} for an unknown subject, or
	 * {@code collected} for a creditor's target in another currency than its own
	 */
	@Transactional
	public Set set(YearMonth period, TargetScope scope, String key, TargetValues values, String by, Source source) {
		TargetSubjects.Subject subject = this.subjects.resolve(scope, key, values);
		Map<String, BigDecimal> wanted = rows(values);
		Map<String, Current> current = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, measure, currency, value FROM reporting_targets
				WHERE period = :period AND scope = :scope AND scope_id = :id AND replaced_at IS NULL
				FOR UPDATE""").params(key(period, scope, subject.id())).query((rs) -> {
			current.put(rowKey(TargetMeasure.valueOf(rs.getString(2)), rs.getString(3)),
					new Current(rs.getObject(1, UUID.class), rs.getBigDecimal(4)));
		});
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Map.Entry<String, Current> row : current.entrySet()) {
			BigDecimal value = wanted.get(row.getKey());
			if (value == null || value.compareTo(row.getValue().value()) != 0) {
				this.jdbc.sql("UPDATE reporting_targets SET replaced_by = :by, replaced_at = :now WHERE id = :id")
					.param("by", by)
					.param("now", now)
					.param("id", row.getValue().id())
					.update();
			}
		}
		for (Map.Entry<String, BigDecimal> row : wanted.entrySet()) {
			Current was = current.get(row.getKey());
			if (was != null && was.value().compareTo(row.getValue()) == 0) {
				continue;
			}
			String[] parts = row.getKey().split(":", -1);
			this.jdbc
				.sql("""
						INSERT INTO reporting_targets (id, period, scope, scope_id, measure, currency, value, set_by, set_at,
						    source)
						VALUES (:uuid, :period, :scope, :id, :measure, :currency, :value, :by, :now, :source)""")
				.params(key(period, scope, subject.id()))
				.param("uuid", UUID.randomUUID())
				.param("measure", parts[0])
				.param("currency", parts[1].isEmpty() ? null : parts[1])
				.param("value", row.getValue())
				.param("by", by)
				.param("now", now)
				.param("source", source.name())
				.update();
		}
		return new Set(get(period, scope, subject.id()).orElseThrow(), current.isEmpty());
	}

	/**
	 * The targets the reader reads, of the month and kind asked for (null: any), by
	 * month, kind and name.
	 */
	@Transactional(readOnly = true)
	public List<Target> list(TargetReader reader, @Nullable YearMonth period, @Nullable TargetScope scope) {
		Map<String, Object> p = new LinkedHashMap<>();
		String where = "replaced_at IS NULL";
		if (period != null) {
			where += " AND period = :period";
			p.put("period", period.toString());
		}
		if (scope != null) {
			where += " AND scope = :scope";
			p.put("scope", scope.name());
		}
		List<Target> targets = targets(where, p);
		return targets.stream()
			.filter((t) -> reader.reads(t.scope(), t.id()))
			.sorted(Comparator.comparing(Target::period)
				.reversed()
				.thenComparing(Target::scope)
				.thenComparing(Target::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The subject's target for the month, if one is set. */
	@Transactional(readOnly = true)
	public Optional<Target> get(YearMonth period, TargetScope scope, String id) {
		Map<String, Object> p = key(period, scope, id);
		return targets("replaced_at IS NULL AND period = :period AND scope = :scope AND scope_id = :id", p).stream()
			.findFirst();
	}

	/**
	 * Every value the subject's target for the month had, newest first.
	 * @throws NotFoundException when the reader does not read it or it was never set
	 */
	@Transactional(readOnly = true)
	public List<Target.Change> history(TargetReader reader, YearMonth period, TargetScope scope, String key) {
		String id = this.subjects.find(scope, key).map(TargetSubjects.Subject::id).orElse(key);
		if (!reader.reads(scope, id)) {
			throw new NotFoundException("target", period + "/" + scope + "/" + key);
		}
		List<Target.Change> changes = this.jdbc.sql("""
				SELECT measure, currency, value, set_by, set_at, source, replaced_by, replaced_at FROM reporting_targets
				WHERE period = :period AND scope = :scope AND scope_id = :id ORDER BY set_at DESC, measure, currency""")
			.params(key(period, scope, id))
			.query((rs, n) -> new Target.Change(
					TargetMeasure.valueOf(rs.getString(1)), (rs.getString(2) == null) ? null : rs.getString(2)
						.strip(),
					rs.getBigDecimal(3)
						.setScale((rs.getString(2) == null) ? 0
								: Math.max(0, Currency.getInstance(rs.getString(2).strip()).getDefaultFractionDigits()),
								java.math.RoundingMode.UNNECESSARY),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
					(rs.getTimestamp(8) == null) ? null : rs.getTimestamp(8).toInstant()))
			.list();
		if (changes.isEmpty()) {
			throw new NotFoundException("target", period + "/" + scope + "/" + key);
		}
		return changes;
	}

	private List<Target> targets(String where, Map<String, Object> params) {
		Map<String, Builder> built = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT period, scope, scope_id, measure, currency, value, set_by, set_at FROM reporting_targets
				WHERE %s ORDER BY period, scope, scope_id, set_at""".formatted(where)).params(params).query((rs) -> {
			Builder b = built.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
					(k) -> new Builder());
			b.period = YearMonth.parse(rs.getString(1));
			b.scope = TargetScope.valueOf(rs.getString(2));
			b.id = rs.getString(3);
			BigDecimal value = rs.getBigDecimal(6);
			switch (TargetMeasure.valueOf(rs.getString(4))) {
				case COLLECTED ->
					b.collected.add(
							Money.of(
									value.setScale(
											Math.max(0,
													Currency.getInstance(rs.getString(5).strip())
														.getDefaultFractionDigits()),
											java.math.RoundingMode.UNNECESSARY),
									Currency.getInstance(rs.getString(5).strip())));
				case PROMISES_KEPT -> b.promisesKept = value.longValueExact();
				case ACCOUNTS_RESOLVED -> b.accountsResolved = value.longValueExact();
			}
			b.setBy = rs.getString(7);
			b.setAt = rs.getTimestamp(8).toInstant();
		});
		List<Target> targets = new ArrayList<>();
		for (Builder b : built.values()) {
			b.collected.sort(Comparator.comparing(Money::currencyCode));
			targets.add(new Target(Objects.requireNonNull(b.period), Objects.requireNonNull(b.scope),
					Objects.requireNonNull(b.id), this.subjects.name(b.scope, b.id),
					new TargetValues(b.collected, b.promisesKept, b.accountsResolved), Objects.requireNonNull(b.setBy),
					Objects.requireNonNull(b.setAt)));
		}
		return targets;
	}

	private static Map<String, BigDecimal> rows(TargetValues values) {
		Map<String, BigDecimal> rows = new LinkedHashMap<>();
		values.collected().forEach((m) -> rows.put(rowKey(TargetMeasure.COLLECTED, m.currencyCode()), m.amount()));
		if (values.promisesKept() != null) {
			rows.put(rowKey(TargetMeasure.PROMISES_KEPT, null), BigDecimal.valueOf(values.promisesKept()));
		}
		if (values.accountsResolved() != null) {
			rows.put(rowKey(TargetMeasure.ACCOUNTS_RESOLVED, null), BigDecimal.valueOf(values.accountsResolved()));
		}
		return rows;
	}

	private static String rowKey(TargetMeasure measure, @Nullable String currency) {
		return measure.name() + ":" + ((currency == null) ? "" : currency.strip());
	}

	private static Map<String, Object> key(YearMonth period, TargetScope scope, String id) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("period", period.toString());
		p.put("scope", scope.name());
		p.put("id", id);
		return p;
	}

	/**
	 * The month of a target, as {@code YYYY-MM}.
	 * @throws InvalidInputException naming {@code period} otherwise, or for a year before
	 * 2000 or after 2999
	 */
	public static YearMonth period(@Nullable String text) {
		try {
			YearMonth period = YearMonth.parse(Objects.requireNonNull(text).strip());
			if (period.getYear() >= 2000 && period.getYear() <= 2999) {
				return period;
			}
		}
		catch (RuntimeException ex) {
			// told below
		}
		throw new InvalidInputException("period", "'%s' is not a month as YYYY-MM (2000-01 to 2999-12)".formatted(text),
				Phrase.of("target.error.period", String.valueOf(text)));
	}

	/**
	 * The kind of target, {@code AGENT}, {@code TEAM} or {@code CREDITOR} (any case).
	 * @throws InvalidInputException naming {@code scope} otherwise
	 */
	public static TargetScope scope(@Nullable String text) {
		try {
			return TargetScope.valueOf(Objects.requireNonNull(text).strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("scope", "'%s' is not AGENT, TEAM or CREDITOR".formatted(text),
					Phrase.of("target.error.scope", String.valueOf(text)));
		}
	}

	/** A target set, and whether it is the subject's first for the month. */
	public record Set(Target target, boolean created) {
	}

	private record Current(UUID id, BigDecimal value) {
	}

	private static final class Builder {

		@Nullable YearMonth period;

		@Nullable TargetScope scope;

		@Nullable String id;

		final List<Money> collected = new ArrayList<>();

		@Nullable Long promisesKept;

		@Nullable Long accountsResolved;

		@Nullable String setBy;

		@Nullable Instant setAt;

	}

}
