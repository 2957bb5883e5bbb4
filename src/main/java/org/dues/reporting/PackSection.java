package org.dues.reporting;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;

/**
 * A part of the management pack: the tables it adds for a request. The pack orders its
 * parts by {@link #order()}.
 */
interface PackSection {

	/** Where the part goes in the pack, lowest first. */
	int order();

	/** The part's tables, in the reader's language. */
	List<ReportTable> tables(Request request);

	/**
	 * What a pack is made for.
	 *
	 * @param period the period it covers
	 * @param creditor the creditor it is narrowed to, or null for all
	 * @param reader the reader's locale
	 * @param zone the zone its days are told in
	 */
	record Request(ReportPeriod period, @Nullable CreditorView creditor, Locale reader, ZoneId zone) {

		/** The measures' filter of the request. */
		ReportFilter filter() {
			return ReportFilter.period(this.period.from(), this.period.to())
				.forCreditor((this.creditor == null) ? null : this.creditor.id().value());
		}

	}

}
