package org.dues.portfolio.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.imports.MappingProfiles;
import org.jspecify.annotations.Nullable;

/**
 * The mapping profile form, as shown and as posted: for each column of the allocation
 * file, the header (or headers, separated by {@code |}) that the creditor's files use for
 * it, in a field named {@code column.<column>}; blank for the column's own name.
 *
 * @param original the saved profile's name when the form edits one, blank for a new one
 * @param version the version the form was filled on
 * @param columns column → the header text as typed
 */
public record MappingForm(String creditor, String original, @Nullable Integer version, String name, String dateFormat,
		String grouping, Map<String, String> columns) {

	static final String COLUMN = "column.";

	static MappingForm blank(@Nullable CreditorView creditor) {
		return new MappingForm((creditor == null) ? "" : creditor.code(), "", null, "", "", "ANY", Map.of());
	}

	static MappingForm of(CreditorView creditor, MappingProfiles.SavedProfile saved) {
		Map<String, String> columns = new LinkedHashMap<>();
		saved.profile()
			.headers()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> columns.merge(e.getValue(), e.getKey(), (a, b) -> a + " | " + b));
		return new MappingForm(creditor.code(), saved.profile().name(), saved.version(), saved.profile().name(),
				(saved.profile().dateFormat() == null) ? "" : saved.profile().dateFormat(),
				saved.profile().grouping().name(), columns);
	}

	static MappingForm posted(Map<String, String> params) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String column : MappingProfiles.columns()) {
			String value = params.get(COLUMN + column);
			if (value != null && !value.isBlank()) {
				columns.put(column, value.strip());
			}
		}
		Integer version;
		try {
			version = Integer.valueOf(params.getOrDefault("version", "").strip());
		}
		catch (NumberFormatException ex) {
			version = null;
		}
		return new MappingForm(text(params, "creditor"), text(params, "original"), version, text(params, "name"),
				text(params, "dateFormat"), text(params, "grouping"), columns);
	}

	private static String text(Map<String, String> params, String name) {
		String value = params.get(name);
		return (value == null) ? "" : value.strip();
	}

	MappingForm forCreditor(CreditorView creditor) {
		return new MappingForm(creditor.code(), this.original, this.version, this.name, this.dateFormat, this.grouping,
				this.columns);
	}

	/** The profile's headers: each header typed for a column → that column. */
	Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		this.columns.forEach((column, typed) -> {
			for (String header : typed.split("\\|")) {
				if (!header.isBlank()) {
					headers.put(header.strip(), column);
				}
			}
		});
		return headers;
	}

	/** The header text typed for a column, blank if none. */
	public String header(String column) {
		return this.columns.getOrDefault(column, "");
	}

	/**
	 * The form's field an error of {@link MappingProfiles} names: {@code name},
	 * {@code dateFormat}, {@code grouping}, {@code file} or {@code column.<column>} for a
	 * header; null for one no field shows.
	 */
	@Nullable String fieldOf(String error) {
		if (error.equals("name") || error.equals("dateFormat") || error.equals("grouping") || error.equals("file")) {
			return error;
		}
		if (error.startsWith("headers.")) {
			String header = error.substring("headers.".length());
			String column = headers().get(header);
			return (column == null) ? null : COLUMN + column;
		}
		return null;
	}

}
