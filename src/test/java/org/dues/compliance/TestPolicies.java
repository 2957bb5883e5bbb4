package org.dues.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policies as seeded by the migration, read from the migration's own text so unit
 * tests decide on exactly the data the database holds.
 */
final class TestPolicies {

	private static final String SQL = read();

	private TestPolicies() {
	}

	static ContactPolicy us() {
		return base("US");
	}

	static ContactPolicy india() {
		return base("IN");
	}

	static ContactPolicy uk() {
		return base("GB");
	}

	static ContactPolicy massachusetts() {
		return us().tightenedBy(document("US-MA").toLayer("US-MA", 1, effectiveFrom("US-MA")));
	}

	private static ContactPolicy base(String code) {
		return document(code).toPolicy(code, 1, effectiveFrom(code));
	}

	static PolicyDocument document(String code) {
		return PolicyDocument.parse(row(code).group(2));
	}

	static LocalDate effectiveFrom(String code) {
		return LocalDate.parse(row(code).group(1));
	}

	private static Matcher row(String code) {
		Matcher matcher = Pattern
			.compile("\\('" + Pattern.quote(code) + "', 1, DATE '([0-9-]+)',.*?\\n '(\\{.*?\\})'\\)", Pattern.DOTALL)
			.matcher(SQL);
		if (!matcher.find()) {
			throw new IllegalStateException("no policy " + code + " in the migration");
		}
		return matcher;
	}

	private static String read() {
		try (var in = TestPolicies.class
			.getResourceAsStream("/db/migration/V20261126210000__compliance_policies_state_audit.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
