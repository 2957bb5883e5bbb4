package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The cells the pack's parts share: rates, ratios and labels in the reader's language.
 */
final class PackCells {

	private PackCells() {
	}

	/** A rate as a share, or empty when it has nothing to divide by. */
	static ReportTable.@Nullable Rate share(Rate rate) {
		BigDecimal value = rate.value();
		return (value == null) ? null : new ReportTable.Rate(value);
	}

	/** A ratio (contacts per account) to two places, or empty. */
	static @Nullable BigDecimal ratio(Rate rate) {
		BigDecimal value = rate.value();
		return (value == null) ? null : value.setScale(2, RoundingMode.HALF_EVEN);
	}

	static String say(MessageSource messages, String key, Locale reader, Object... arguments) {
		return messages.getMessage(key, arguments, reader);
	}

	/**
	 * A compliance rule's name as the compliance pages give it, in the reader's language;
	 * the rule's code for a rule that has none.
	 */
	static String ruleName(MessageSource messages, String rule, Locale reader) {
		return messages.getMessage("compliance.page.rule." + rule, null, rule, reader);
	}

}
