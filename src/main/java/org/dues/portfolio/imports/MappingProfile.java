package org.dues.portfolio.imports;

import org.dues.portfolio.DigitGrouping;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * How one creditor's allocation files are written: which file header means which
 * canonical column ({@code "Loan No" → account_ref}), the date format and the digit
 * grouping.
 *
 * @param headers file header → canonical column; headers are compared ignoring case,
 * spaces, {@code _} and {@code -}
 * @param dateFormat a pattern such as {@code dd/MM/yyyy}; ISO dates when null
 */
@NamedInterface("imports")
public record MappingProfile(String name, Map<String, String> headers, @Nullable String dateFormat,
		DigitGrouping grouping) {

	/** No renames, ISO dates, either grouping: the canonical format of CONTRACTS.md. */
	public static final MappingProfile CANONICAL = new MappingProfile("canonical", Map.of(), null, DigitGrouping.ANY);

	public MappingProfile {
		headers = Map.copyOf(headers);
	}

}
