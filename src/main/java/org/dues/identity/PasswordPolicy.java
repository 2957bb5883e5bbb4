package org.dues.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a password a person chooses must be, after NIST SP 800-63B-4 (section 3.1.1.2) for
 * a password that is the only factor: at least 15 characters, up to 256 (any character,
 * spaces and every script included), no rules about digits or symbols, and not one that
 * attackers try first. "Tried first" means: in the list of the 30,000 most common
 * passwords in leaked password sets that zxcvbn ships ({@code passwords.txt} inside
 * {@code com.nulab-inc:zxcvbn} from Maven Central, derived from the Xato corpus of 10
 * million leaked passwords), one of them repeated, the user's own name, or a single
 * character or short pattern repeated.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 15;

	static final int MAX_LENGTH = 256;

	private static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/**
	 * @throws InvalidInputException naming the field {@code password} and why not
	 */
	static void check(@Nullable String username, @Nullable String password) {
		if (password == null) {
			throw new InvalidInputException("password", "is required");
		}
		String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
		int length = normalised.codePointCount(0, normalised.length());
		if (length < MIN_LENGTH) {
			throw new InvalidInputException("password",
					"must have at least %d characters (a few words make a good one)".formatted(MIN_LENGTH));
		}
		if (length > MAX_LENGTH) {
			throw new InvalidInputException("password", "must have at most %d characters".formatted(MAX_LENGTH));
		}
		String lower = normalised.toLowerCase(Locale.ROOT);
		if (common(lower) || repeated(lower)) {
			throw new InvalidInputException("password", "is too common or too easy to guess; choose another");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("password", "must not contain the user name");
		}
	}

	/** The password, or a repetition of one, is on the list. */
	private static boolean common(String lower) {
		if (COMMON.contains(lower) || COMMON.contains(lower.strip())) {
			return true;
		}
		for (int unit = 1; unit <= lower.length() / 2; unit++) {
			if (lower.length() % unit == 0 && lower.equals(lower.substring(0, unit).repeat(lower.length() / unit))) {
				return COMMON.contains(lower.substring(0, unit)) || unit <= 4;
			}
		}
		return false;
	}

	/** Few distinct characters: {@code aaaaaaaaaaaaaaa}, {@code abababababababab}. */
	private static boolean repeated(String lower) {
		return lower.codePoints().distinct().count() < 4;
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException("the common-password list " + LIST + " is missing");
			}
			Set<String> words = new HashSet<>(40_000);
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map((line) -> line.strip().toLowerCase(Locale.ROOT))
				.filter((line) -> !line.isEmpty())
				.forEach(words::add);
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
