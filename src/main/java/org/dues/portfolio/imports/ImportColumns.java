package org.dues.portfolio.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The canonical columns of an allocation file and how a file's headers map onto them.
 */
final class ImportColumns {

	static final List<String> CANONICAL = List.of("account_ref", "customer_ref", "customer_name", "currency",
			"principal_outstanding", "interest_outstanding", "fees_outstanding", "total_outstanding", "overdue_amount",
			"oldest_due_date", "product", "original_amount", "installment_amount", "open_date", "charge_off_date",
			"last_payment_date", "last_payment_amount", "date_of_birth", "national_id", "language", "phone_1",
			"phone_2", "phone_3", "email", "address_line1", "address_line2", "city", "state", "postal_code", "country");

	static final List<String> REQUIRED = List.of("account_ref", "customer_ref", "customer_name", "currency",
			"principal_outstanding", "overdue_amount");

	static final Set<String> DATES = Set.of("oldest_due_date", "open_date", "charge_off_date", "last_payment_date",
			"date_of_birth");

	private ImportColumns() {
	}

	/**
	 * {@code "Account Ref"}, {@code "account_ref"} and {@code "ACCOUNT-REF"} all become
	 * {@code accountref}.
	 */
	static String normalize(String header) {
		return header.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * The canonical column each header maps to, null for a header the import does not
	 * read (a second header of the same column is left out too, as the import refuses
	 * it).
	 */
	static List<@org.jspecify.annotations.Nullable String> matches(List<String> headers, MappingProfile profile) {
		Map<String, String> byNormalized = new LinkedHashMap<>();
		CANONICAL.forEach((c) -> byNormalized.put(normalize(c), c));
		profile.headers().forEach((from, to) -> byNormalized.put(normalize(from), to));
		List<@org.jspecify.annotations.Nullable String> matched = new ArrayList<>();
		for (String header : headers) {
			String canonical = byNormalized.get(normalize(header));
			matched.add(matched.contains(canonical) ? null : canonical);
		}
		return matched;
	}

	/**
	 * The column index of each canonical field in a file with these headers.
	 * @throws org.dues.shared.InvalidInputException listing every required column missing
	 */
	static Map<String, Integer> resolve(List<String> headers, MappingProfile profile) {
		Map<String, String> byNormalized = new LinkedHashMap<>();
		CANONICAL.forEach((c) -> byNormalized.put(normalize(c), c));
		profile.headers().forEach((from, to) -> byNormalized.put(normalize(from), to));
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<org.dues.shared.InvalidInputException.FieldError> clashes = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			String canonical = byNormalized.get(normalize(headers.get(i)));
			if (canonical == null) {
				continue;
			}
			Integer earlier = columns.putIfAbsent(canonical, i);
			if (earlier != null) {
				clashes.add(new org.dues.shared.InvalidInputException.FieldError(canonical,
						"both '%s' (column %d) and '%s' (column %d) map to %s; keep one".formatted(headers.get(earlier),
								earlier + 1, headers.get(i), i + 1, canonical)));
			}
		}
		if (!clashes.isEmpty()) {
			throw new org.dues.shared.InvalidInputException(clashes);
		}
		List<String> missing = new ArrayList<>();
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				missing.add(required);
			}
		}
		if (!missing.isEmpty()) {
			throw new org.dues.shared.InvalidInputException(missing.stream()
				.map((m) -> new org.dues.shared.InvalidInputException.FieldError(m,
						"no column of the file maps to required column " + m))
				.toList());
		}
		return columns;
	}

}
