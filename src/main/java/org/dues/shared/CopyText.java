package org.dues.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes one row of PostgreSQL {@code COPY ... (FORMAT csv)} input: fields quoted when
 * needed, {@code null} as an empty unquoted field, arrays as array literals, a NUL
 * character (which PostgreSQL text cannot hold) as U+FFFD.
 */
public final class CopyText {

	private final StringBuilder out;

	private boolean first = true;

	public CopyText(StringBuilder out) {
		this.out = out;
	}

	public CopyText add(@Nullable String value) {
		separator();
		if (value != null) {
			quote(value);
		}
		return this;
	}

	/** An array of text, as {@code {"a","b"}}. */
	public CopyText addArray(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return add(literal.append('}').toString());
	}

	public void end() {
		this.out.append('\n');
	}

	private void separator() {
		if (!this.first) {
			this.out.append(',');
		}
		this.first = false;
	}

	private void quote(String value) {
		if (value.indexOf('\u0000') >= 0) {
			// PostgreSQL text cannot hold NUL; a rejected row's reference may, as it
			// came.
			value = value.replace('\u0000', '\uFFFD');
		}
		if (value.indexOf('"') < 0) {
			this.out.append('"').append(value).append('"');
			return;
		}
		this.out.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

}
