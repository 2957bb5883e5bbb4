package org.dues.reporting;

import java.util.Locale;

/**
 * The measures reports state, each with its definition as an analyst would write it, in
 * the messages under {@link #nameKey()} and {@link #definitionKey()} (English, Hindi and
 * Malayalam); docs/reporting.md says the same at length.
 */
public enum Measure {

	COLLECTED_GROSS, REVERSED, COLLECTED_NET, PAYMENTS, COLLECTION_RATE, LIQUIDATION_RATE, RIGHT_PARTY_CONTACT_RATE,
	PROMISE_RATE, PROMISE_KEPT_RATE, ROLL_FORWARD_RATE, CURE_RATE, ROLL_BACK_RATE, AVERAGE_DAYS_TO_PAY,
	CONTACTS_PER_ACCOUNT, ATTEMPTS_PER_AGENT_HOUR, BLOCKED_BY_RULE;

	/** The message key of the measure's name. */
	public String nameKey() {
		return "report.measure." + key() + ".name";
	}

	/** The message key of the measure's definition. */
	public String definitionKey() {
		return "report.measure." + key() + ".definition";
	}

	private String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
