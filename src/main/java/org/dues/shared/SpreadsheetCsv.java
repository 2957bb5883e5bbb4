package org.dues.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: a cell that a spreadsheet would
 * take for a formula, one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return, goes out prefixed with a single quote and quoted, as OWASP's
 * guidance on CSV injection says, so {@code =HYPERLINK(...)} arrives as the text
 * {@code '=HYPERLINK(...)}. A plain number ({@code -1250.50}, {@code +919847012345}) is
 * left as it is: it cannot call a function. Every CSV export writes its rows through
 * this; an XLSX export passes its text cells through {@link #neutralize}.
 */
public final class SpreadsheetCsv {

	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)*");

	private final Appendable out;

	public SpreadsheetCsv(Appendable out) {
		this.out = out;
	}

	/** Writes one row, ended by CRLF; a null cell is written empty. */
	public SpreadsheetCsv row(List<? extends @Nullable String> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.append(',');
				}
				String cell = cells.get(i);
				if (cell != null) {
					cell(cell);
				}
			}
			this.out.append("\r\n");
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void cell(String value) throws IOException {
		String text = neutralize(value);
		boolean quoted = !text.equals(value) || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
				|| text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
		if (quoted) {
			this.out.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		else {
			this.out.append(text);
		}
	}

	/**
	 * The text of a cell as a spreadsheet should show it: prefixed with a single quote
	 * when it would otherwise be read as a formula.
	 */
	public static String neutralize(String value) {
		if (value.isEmpty() || NUMBER.matcher(value).matches()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

}
