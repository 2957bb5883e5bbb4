package org.dues.identity;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationProvider;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The scrape credential is a machine's: a short password or a blank name stops the start
 * with what to fix; none configured means there is no scrape credential.
 */
class ScrapeCredentialTests {

	@Test
	void aShortPasswordOrABlankNameIsRefusedAtStart() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new ScrapeCredential("metrics", "fifteen-chars!!", null, new TestingAuthenticationProvider()))
			.withMessageContaining("DUES_METRICS_PASSWORD must be at least 16 characters");
		assertThatIllegalStateException()
			.isThrownBy(() -> new ScrapeCredential(" ", "sixteen-chars!!!", null, new TestingAuthenticationProvider()));
		assertThatCode(
				() -> new ScrapeCredential("metrics", "sixteen-chars!!!", null, new TestingAuthenticationProvider()))
			.doesNotThrowAnyException();
		assertThatCode(() -> new ScrapeCredential("metrics", "", null, new TestingAuthenticationProvider()))
			.doesNotThrowAnyException();
	}

}
