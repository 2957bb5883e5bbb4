package org.dues.compliance.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactPolicy;
import org.dues.compliance.HoldType;
import org.dues.shared.InvalidInputException;
import org.dues.shared.validation.StatedReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A creditor's own contact-policy layer as a form: each part left empty is the
 * jurisdiction's; a part given only in some of its fields takes the others from the
 * jurisdiction (a call limit of 3 keeps its 7 days). Volume limits are kept as they are
 * (they are changed through the API). {@code version} is the layer's version the form was
 * read at, so that a change made meanwhile is not overwritten.
 *
 * @param hoursFrom each channel's first minute ({@code HH:mm}), by channel
 * @param hoursTo each channel's end, by channel
 * @param consent {@code false}: the person's consent never lifts the hours rule; empty:
 * as the jurisdiction
 * @param holdAction each hold type's {@code BLOCK} or {@code WARN}, by type
 * @param holdNotices whether notices may go out during each hold type ({@code true},
 * {@code false})
 * @param holdReplies whether one reply to the person may
 */
record LayerForm(@Nullable Map<String, @Pattern(regexp = TIME) @Nullable String> hoursFrom,
		@Nullable Map<String, @Pattern(regexp = TIME) @Nullable String> hoursTo, @Min(1) @Nullable Integer maxCalls,
		@Min(1) @Max(366) @Nullable Integer days, @Min(0) @Max(366) @Nullable Integer cooldownDays,
		@Min(1) @Max(366) @Nullable Integer consentDays, @Min(0) @Max(1440) @Nullable Integer replyMinutes,
		@Pattern(regexp = "|false") @Nullable String consent,
		@Nullable Map<String, @Pattern(regexp = "|BLOCK|WARN") @Nullable String> holdAction,
		@Nullable Map<String, @Pattern(regexp = FLAG) @Nullable String> holdNotices,
		@Nullable Map<String, @Pattern(regexp = FLAG) @Nullable String> holdReplies,
		@Pattern(regexp = FLAG) @Nullable String locationOnly, @Pattern(regexp = FLAG) @Nullable String once,
		@Pattern(regexp = FLAG) @Nullable String noPressure,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveFrom,
		@StatedReason @Nullable String reason, @NotNull @Min(0) @Nullable Integer version) {

	static final String TIME = "|([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

	static final String FLAG = "|true|false";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The form showing a layer as stored, at its version. */
	static LayerForm of(JsonNode layer, int version) {
		Map<String, String> from = new LinkedHashMap<>();
		Map<String, String> to = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> hours : layer.path("hours").properties()) {
			from.put(hours.getKey(), text(hours.getValue().path("from")));
			to.put(hours.getKey(), text(hours.getValue().path("to")));
		}
		Map<String, String> action = new LinkedHashMap<>();
		Map<String, String> notices = new LinkedHashMap<>();
		Map<String, String> replies = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> hold : layer.path("holds").properties()) {
			action.put(hold.getKey(), text(hold.getValue().path("action")));
			notices.put(hold.getKey(), text(hold.getValue().path("noticesAllowed")));
			replies.put(hold.getKey(), text(hold.getValue().path("repliesAllowed")));
		}
		JsonNode frequency = layer.path("callFrequency");
		JsonNode third = layer.path("thirdParty");
		JsonNode reply = layer.path("replyWindow");
		return new LayerForm(from, to, number(frequency.path("maxCalls")), number(frequency.path("days")),
				number(frequency.path("conversationCooldownDays")), number(frequency.path("consentDays")),
				reply.isString() ? (int) Duration.parse(reply.asString("")).toMinutes() : null,
				layer.path("inconvenientTimeConsent").isBoolean() ? text(layer.path("inconvenientTimeConsent")) : "",
				action, notices, replies, text(third.path("locationOnly")), text(third.path("once")),
				text(third.path("noPressure")), null, null, version);
	}

	/**
	 * The whole layer the form describes, over the jurisdiction's policy, keeping the
	 * stored layer's volume limits.
	 * @throws InvalidInputException naming the field of a part that cannot be completed
	 * from the jurisdiction (an end of hours without a start where the jurisdiction has
	 * none)
	 */
	ObjectNode layer(ContactPolicy base, JsonNode stored) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		ObjectNode layer = NODES.objectNode();
		ObjectNode hours = NODES.objectNode();
		for (Channel channel : Channel.outbound()) {
			String from = value(this.hoursFrom, channel.name());
			String to = value(this.hoursTo, channel.name());
			if (from == null && to == null) {
				continue;
			}
			ContactPolicy.Window own = base.hours().get(channel);
			if (own == null && (from == null || to == null)) {
				errors.add(new InvalidInputException.FieldError(
						((from == null) ? "hoursFrom" : "hoursTo") + "[" + channel + "]",
						"give both ends: the jurisdiction sets no hours for this channel"));
				continue;
			}
			hours.set(channel.name(),
					NODES.objectNode()
						.put("from", (from != null) ? from : own.from().toString())
						.put("to", (to != null) ? to : own.to().toString()));
		}
		if (!hours.isEmpty()) {
			layer.set("hours", hours);
		}
		if ("false".equals(this.consent)) {
			layer.put("inconvenientTimeConsent", false);
		}
		if (this.replyMinutes != null) {
			layer.put("replyWindow", Duration.ofMinutes(this.replyMinutes).toString());
		}
		if (this.maxCalls != null || this.days != null || this.cooldownDays != null || this.consentDays != null) {
			ContactPolicy.CallFrequency own = base.callFrequency();
			if (own == null && (this.maxCalls == null || this.days == null || this.cooldownDays == null
					|| this.consentDays == null)) {
				errors.add(new InvalidInputException.FieldError("maxCalls",
						"give all four numbers: the jurisdiction sets no call limit"));
			}
			else {
				layer.set("callFrequency",
						NODES.objectNode()
							.put("maxCalls", (this.maxCalls != null) ? this.maxCalls : own.maxCalls())
							.put("days", (this.days != null) ? this.days : own.days())
							.put("conversationCooldownDays",
									(this.cooldownDays != null) ? this.cooldownDays : own.conversationCooldownDays())
							.put("consentDays", (this.consentDays != null) ? this.consentDays : own.consentDays()));
			}
		}
		if (stored.has("volumeLimits")) {
			layer.set("volumeLimits", stored.get("volumeLimits").deepCopy());
		}
		ObjectNode holds = NODES.objectNode();
		for (HoldType type : HoldType.values()) {
			String action = value(this.holdAction, type.name());
			String notices = value(this.holdNotices, type.name());
			String replies = value(this.holdReplies, type.name());
			if (action == null && notices == null && replies == null) {
				continue;
			}
			ContactPolicy.HoldEffect own = base.holds().get(type);
			if (own == null && (action == null || notices == null || replies == null)) {
				errors.add(new InvalidInputException.FieldError("holdAction[" + type + "]",
						"give all three: the jurisdiction does not name this hold"));
				continue;
			}
			holds.set(type.name(), NODES.objectNode()
				.put("action", (action != null) ? action : own.action().name())
				.put("noticesAllowed", (notices != null) ? Boolean.parseBoolean(notices) : own.noticesAllowed())
				.put("repliesAllowed", (replies != null) ? Boolean.parseBoolean(replies) : own.repliesAllowed()));
		}
		if (!holds.isEmpty()) {
			layer.set("holds", holds);
		}
		if (blankless(this.locationOnly) != null || blankless(this.once) != null
				|| blankless(this.noPressure) != null) {
			ContactPolicy.ThirdParty own = base.thirdParty();
			layer.set("thirdParty",
					NODES.objectNode()
						.put("locationOnly", flag(this.locationOnly, own.locationOnly()))
						.put("once", flag(this.once, own.once()))
						.put("noPressure", flag(this.noPressure, own.noPressure())));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return layer;
	}

	/**
	 * The merge patch (RFC 7396) that makes one layer into another: what differs is set,
	 * what is gone is null, what is equal is left out; empty when nothing changed.
	 */
	static ObjectNode patch(JsonNode from, JsonNode to) {
		ObjectNode patch = NODES.objectNode();
		for (Map.Entry<String, JsonNode> old : from.properties()) {
			if (!to.has(old.getKey())) {
				patch.putNull(old.getKey());
			}
		}
		for (Map.Entry<String, JsonNode> now : to.properties()) {
			JsonNode old = from.get(now.getKey());
			if (old == null || !old.isObject() || !now.getValue().isObject()) {
				if (old == null || !old.equals(now.getValue())) {
					patch.set(now.getKey(), now.getValue().deepCopy());
				}
			}
			else {
				ObjectNode inner = patch(old, now.getValue());
				if (!inner.isEmpty()) {
					patch.set(now.getKey(), inner);
				}
			}
		}
		return patch;
	}

	/** What the form shows for a channel's start. */
	public String fromOf(String channel) {
		return shown(this.hoursFrom, channel);
	}

	/** What the form shows for a channel's end. */
	public String toOf(String channel) {
		return shown(this.hoursTo, channel);
	}

	/** What the form shows for a hold type's action. */
	public String actionOf(String type) {
		return shown(this.holdAction, type);
	}

	/** What the form shows for whether notices may go out during a hold type. */
	public String noticesOf(String type) {
		return shown(this.holdNotices, type);
	}

	/** What the form shows for whether a reply may go out during a hold type. */
	public String repliesOf(String type) {
		return shown(this.holdReplies, type);
	}

	private static String shown(@Nullable Map<String, @Nullable String> map, String key) {
		String value = value(map, key);
		return (value == null) ? "" : value;
	}

	private static boolean flag(@Nullable String given, boolean otherwise) {
		return (blankless(given) != null) ? Boolean.parseBoolean(given) : otherwise;
	}

	private static @Nullable String value(@Nullable Map<String, @Nullable String> map, String key) {
		return (map == null) ? null : blankless(map.get(key));
	}

	private static @Nullable String blankless(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String text(JsonNode node) {
		return node.isMissingNode() || node.isNull() ? "" : node.asString("");
	}

	private static @Nullable Integer number(JsonNode node) {
		return node.isNumber() ? node.asInt() : null;
	}

}
