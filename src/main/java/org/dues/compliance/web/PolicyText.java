package org.dues.compliance.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactPolicy;
import org.dues.compliance.ContactPolicy.CallFrequency;
import org.dues.compliance.ContactPolicy.HoldEffect;
import org.dues.compliance.ContactPolicy.ThirdParty;
import org.dues.compliance.ContactPolicy.VolumeLimit;
import org.dues.compliance.ContactPolicy.Window;
import org.dues.compliance.HoldType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * A contact policy in the reader's words: each part of a {@link ContactPolicy} (a
 * channel's hours, the call limit, what a hold does, …) as a sentence, and what a
 * creditor's layer changes, part by part, beside the jurisdiction's.
 */
final class PolicyText {

	private final MessageSource messages;

	private final Locale locale;

	PolicyText(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** A whole policy, part by part, in the order the rules apply. */
	List<Part> parts(ContactPolicy policy) {
		List<Part> parts = new ArrayList<>();
		for (Channel channel : Channel.outbound()) {
			parts.add(new Part(hoursOf(channel), window(policy.hours().get(channel))));
		}
		parts.add(new Part(msg("compliance.page.policy.consent"), consent(policy.inconvenientTimeConsent())));
		parts.add(new Part(msg("compliance.page.policy.replyWindow"), reply(policy.replyWindow())));
		parts.add(new Part(msg("compliance.page.policy.callFrequency"), frequency(policy.callFrequency())));
		for (VolumeLimit limit : policy.volumeLimits()) {
			parts.add(new Part(msg("compliance.page.policy.volumeLimit", limit.name()), limit(limit)));
		}
		for (HoldType type : HoldType.values()) {
			parts.add(new Part(holdOf(type), hold(policy.holds().get(type))));
		}
		parts.add(new Part(msg("compliance.page.policy.thirdParty"), third(policy.thirdParty())));
		return parts;
	}

	/**
	 * What a creditor's layer changes: each part it sets, the jurisdiction's beside the
	 * creditor's.
	 */
	List<Change> changes(ContactPolicy base, ContactPolicy.Layer layer) {
		List<Change> changes = new ArrayList<>();
		for (Channel channel : Channel.outbound()) {
			Window window = layer.hours().get(channel);
			if (window != null) {
				changes.add(new Change(hoursOf(channel), window(base.hours().get(channel)), window(window)));
			}
		}
		if (layer.inconvenientTimeConsent() != null) {
			changes.add(new Change(msg("compliance.page.policy.consent"), consent(base.inconvenientTimeConsent()),
					consent(layer.inconvenientTimeConsent())));
		}
		if (layer.replyWindow() != null) {
			changes.add(new Change(msg("compliance.page.policy.replyWindow"), reply(base.replyWindow()),
					reply(layer.replyWindow())));
		}
		if (layer.callFrequency() != null) {
			changes.add(new Change(msg("compliance.page.policy.callFrequency"), frequency(base.callFrequency()),
					frequency(layer.callFrequency())));
		}
		for (VolumeLimit limit : layer.volumeLimits()) {
			changes.add(new Change(msg("compliance.page.policy.volumeLimit", limit.name()),
					msg("compliance.page.policy.added"), limit(limit)));
		}
		for (HoldType type : HoldType.values()) {
			HoldEffect effect = layer.holds().get(type);
			if (effect != null) {
				changes.add(new Change(holdOf(type), hold(base.holds().get(type)), hold(effect)));
			}
		}
		if (layer.thirdParty() != null) {
			changes.add(new Change(msg("compliance.page.policy.thirdParty"), third(base.thirdParty()),
					third(layer.thirdParty())));
		}
		return changes;
	}

	String hoursOf(Channel channel) {
		return msg("compliance.page.policy.hours", msg("channel." + channel.name()));
	}

	String holdOf(HoldType type) {
		return msg("compliance.page.policy.hold", msg("hold." + type.name()));
	}

	String window(@Nullable Window window) {
		if (window == null) {
			return msg("compliance.page.policy.anyTime");
		}
		if (!window.from().isBefore(window.to())) {
			return msg("compliance.page.policy.closed");
		}
		return window.from() + "–" + window.to();
	}

	String consent(boolean lifts) {
		return msg(lifts ? "compliance.page.policy.consent.lifts" : "compliance.page.policy.consent.never");
	}

	String reply(Duration window) {
		return msg("compliance.page.policy.minutes", window.toMinutes());
	}

	String frequency(@Nullable CallFrequency frequency) {
		return (frequency == null) ? msg("compliance.page.policy.noLimit") : msg("compliance.page.policy.frequency",
				frequency.maxCalls(), frequency.days(), frequency.conversationCooldownDays(), frequency.consentDays());
	}

	String limit(VolumeLimit limit) {
		String channels = limit.channels()
			.stream()
			.sorted()
			.map((c) -> msg("channel." + c.name()))
			.collect(Collectors.joining(", "));
		return msg(limit.perDebt() ? "compliance.page.policy.limit.perDebt" : "compliance.page.policy.limit.person",
				limit.max(), channels, limit.days(), action(limit.action()));
	}

	String hold(@Nullable HoldEffect effect) {
		if (effect == null) {
			return msg("compliance.page.policy.hold.unnamed");
		}
		return action(effect.action()) + "; "
				+ msg(effect.noticesAllowed() ? "compliance.page.policy.notices.yes"
						: "compliance.page.policy.notices.no")
				+ "; " + msg(effect.repliesAllowed() ? "compliance.page.policy.replies.yes"
						: "compliance.page.policy.replies.no");
	}

	String third(ThirdParty third) {
		List<String> rules = new ArrayList<>();
		if (third.locationOnly()) {
			rules.add(msg("compliance.page.policy.third.locationOnly"));
		}
		if (third.once()) {
			rules.add(msg("compliance.page.policy.third.once"));
		}
		if (third.noPressure()) {
			rules.add(msg("compliance.page.policy.third.noPressure"));
		}
		return rules.isEmpty() ? msg("compliance.page.policy.third.none") : String.join("; ", rules);
	}

	String action(ContactPolicy.Action action) {
		return msg("compliance.page.policy.action." + action.name());
	}

	private String msg(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	/** A part of a policy: what it governs and what it says. */
	record Part(String name, String says) {
	}

	/** A part a layer changes: the jurisdiction's, and the creditor's instead. */
	record Change(String name, String jurisdiction, String creditor) {
	}

}
