package org.dues.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code reporting_account_snapshots}: one per month, named
 * {@code reporting_account_snapshots_pYYYYMM}, created ahead of the days that fill them
 * and dropped whole when their last day is older than the retention (dropping a partition
 * frees its space at once, where deleting a month's rows would not).
 */
@Component
class SnapshotPartitions {

	static final String PARENT = "reporting_account_snapshots";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

	private final JdbcClient jdbc;

	SnapshotPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the partitions of the months from {@code first} to {@code last}, if
	 * missing.
	 */
	void ensure(YearMonth first, YearMonth last) {
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			this.jdbc.sql("SELECT reporting_snapshot_partition_make(:day)")
				.param("day", month.atDay(1))
				.query(Boolean.class)
				.single();
		}
	}

	/** The months that have a partition, oldest first. */
	List<YearMonth> months() {
		List<String> names = this.jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = CAST(:parent AS regclass) ORDER BY c.relname""")
			.param("parent", PARENT)
			.query(String.class)
			.list();
		List<YearMonth> months = new ArrayList<>();
		for (String name : names) {
			String suffix = name.substring(name.lastIndexOf("_p") + 2);
			months.add(YearMonth.parse(suffix, SUFFIX));
		}
		return months;
	}

	/**
	 * Drops every partition whose days all fall before {@code keepFrom}.
	 * @return the months dropped
	 */
	List<YearMonth> dropBefore(LocalDate keepFrom) {
		List<YearMonth> dropped = new ArrayList<>();
		for (YearMonth month : months()) {
			if (!month.atEndOfMonth().isBefore(keepFrom)) {
				continue;
			}
			this.jdbc.sql("SELECT reporting_snapshot_partition_drop(:day)")
				.param("day", month.atDay(1))
				.query(Boolean.class)
				.single();
			dropped.add(month);
		}
		return dropped;
	}

	static String name(YearMonth month) {
		return PARENT + "_p" + month.format(SUFFIX);
	}

}
