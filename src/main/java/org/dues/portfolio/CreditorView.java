package org.dues.portfolio;

import java.time.ZoneId;
import java.util.Currency;

/**
 * A creditor as read.
 */
public record CreditorView(CreditorId id, String code, String name, String country, Currency currency,
		String jurisdiction, ZoneId timeZone, String bucketScheme, Waterfall waterfall) {
}
