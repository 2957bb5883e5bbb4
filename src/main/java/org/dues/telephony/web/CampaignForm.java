package org.dues.telephony.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dues.telephony.CampaignView;
import org.dues.telephony.NewCampaign;
import org.jspecify.annotations.Nullable;

/**
 * The campaign form of the campaigns page, for making a campaign and for changing one:
 * the retries per outcome as six numbers (a number left empty takes its default), the
 * caller ids one rule a line ({@code caller id}, {@code prefix caller id} or
 * {@code creditor prefix caller id}, {@code *} for any creditor or prefix), the agents
 * separated by commas or spaces.
 */
record CampaignForm(@Nullable String name, @Nullable UUID queueId, @Nullable String mode, @Nullable String hoursFrom,
		@Nullable String hoursTo, @Nullable String zone, @Nullable BigDecimal maxDialRatio,
		@Nullable Integer wrapSeconds, @Nullable Integer busyMinutes, @Nullable Integer busyTries,
		@Nullable Integer noAnswerMinutes, @Nullable Integer noAnswerTries, @Nullable Integer machineMinutes,
		@Nullable Integer machineTries, @Nullable String callerIds, @Nullable String members,
		@Nullable Integer version) {

	NewCampaign campaign() {
		CampaignView.Retries defaults = CampaignView.Retries.DEFAULTS;
		CampaignView.Retries retries = new CampaignView.Retries(
				new CampaignView.Retry(Objects.requireNonNullElse(this.busyMinutes, defaults.busy().minutes()),
						Objects.requireNonNullElse(this.busyTries, defaults.busy().maxTries())),
				new CampaignView.Retry(Objects.requireNonNullElse(this.noAnswerMinutes, defaults.noAnswer().minutes()),
						Objects.requireNonNullElse(this.noAnswerTries, defaults.noAnswer().maxTries())),
				new CampaignView.Retry(Objects.requireNonNullElse(this.machineMinutes, defaults.machine().minutes()),
						Objects.requireNonNullElse(this.machineTries, defaults.machine().maxTries())));
		List<String> names = (this.members == null) ? List.of()
				: Arrays.stream(this.members.split("[,\\s]+")).filter((m) -> !m.isBlank()).toList();
		return new NewCampaign(this.name, this.queueId, this.mode, this.hoursFrom, this.hoursTo, this.zone,
				this.maxDialRatio, this.wrapSeconds, retries, rules(this.callerIds), names);
	}

	/**
	 * The caller id rules, one a line: the last word the caller id, the one before it the
	 * prefix, the first of three the creditor's code; {@code *} for any.
	 */
	static List<CampaignView.CallerIdRule> rules(@Nullable String text) {
		List<CampaignView.CallerIdRule> rules = new ArrayList<>();
		if (text == null) {
			return rules;
		}
		for (String line : text.split("\\R")) {
			String[] words = line.strip().split("\\s+");
			if (words.length == 1 && words[0].isEmpty()) {
				continue;
			}
			String callerId = words[words.length - 1];
			String prefix = (words.length >= 2) ? any(words[words.length - 2]) : "";
			String creditor = (words.length >= 3) ? any(words[words.length - 3]) : "";
			if (words.length > 3) {
				// more words than a rule has: the caller id is what the service will
				// refuse
				callerId = line.strip();
			}
			rules.add(new CampaignView.CallerIdRule(creditor, prefix, callerId));
		}
		return rules;
	}

	/** The rules as the form shows them, one a line. */
	static String text(List<CampaignView.CallerIdRule> rules) {
		StringBuilder text = new StringBuilder();
		for (CampaignView.CallerIdRule rule : rules) {
			if (!rule.creditor().isEmpty()) {
				text.append(rule.creditor()).append(' ');
			}
			if (!rule.creditor().isEmpty() || !rule.prefix().isEmpty()) {
				text.append(rule.prefix().isEmpty() ? "*" : rule.prefix()).append(' ');
			}
			text.append(rule.callerId()).append('\n');
		}
		return text.toString();
	}

	private static String any(String word) {
		return "*".equals(word) ? "" : word;
	}

}
