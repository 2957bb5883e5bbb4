package org.dues.reporting;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A part of the management pack: the tables it adds for a period, a creditor (or all) and
 * a reader. The pack orders its parts by {@link #order()}.
 */
interface PackSection {

	/** Where the part goes in the pack, lowest first. */
	int order();

	/** The part's tables, in the reader's language. */
	List<ReportTable> tables(ReportPeriod period, @Nullable String creditor, Locale reader, ZoneId zone);

}
