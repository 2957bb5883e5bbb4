package org.dues.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README says what the demo loads: every creditor the demo's sources make, by its
 * code, and the number of accounts placed.
 */
class ReadmeDemoTests {

	private static final Path DEMO = Path.of("src/main/java/org/dues/demo");

	@Test
	void theReadmeNamesEveryDemoCreditorAndTheAccounts() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Pattern made = Pattern.compile("new NewCreditor\\(\"([A-Z0-9-]+)\"");
		int creditors = 0;
		try (var files = Files.list(DEMO)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher m = made.matcher(Files.readString(file));
				while (m.find()) {
					creditors++;
					assertThat(readme).as("the README names the demo creditor %s", m.group(1))
						.contains("`" + m.group(1) + "`");
				}
			}
		}
		assertThat(creditors).isEqualTo(3);
		assertThat(readme).contains("The demo has three creditors");
		int accounts = DemoData.INDIAN_ACCOUNTS + DemoData.US_ACCOUNTS + DemoData.DIALLED_ACCOUNTS
				+ DemoParties.GOLD_LOANS;
		assertThat(readme).contains(String.format(Locale.ROOT, "%,d accounts", accounts));
	}

}
