package org.dues.reporting;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack names a compliance rule as the compliance pages do, in the reader's language,
 * not by its code.
 */
class PackCellsTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void aBlockingRuleIsNamedInTheReadersLanguage() {
		assertThat(PackCells.ruleName(this.messages, "contact-hours", Locale.ENGLISH)).isEqualTo("Contact hours");
		assertThat(PackCells.ruleName(this.messages, "contact-hours", Locale.forLanguageTag("hi")))
			.isEqualTo("संपर्क का समय");
		assertThat(PackCells.ruleName(this.messages, "conversation-cooldown", Locale.forLanguageTag("ml")))
			.isEqualTo("സംഭാഷണത്തിനു ശേഷം");
	}

	@Test
	void aRuleWithNoNameKeepsItsCode() {
		assertThat(PackCells.ruleName(this.messages, "some-new-rule", Locale.ENGLISH)).isEqualTo("some-new-rule");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
