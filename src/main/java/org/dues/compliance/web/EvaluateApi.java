package org.dues.compliance.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.compliance.Channel;
import org.dues.compliance.CompliancePolicies;
import org.dues.compliance.DecisionJson;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactDecider;
import org.dues.compliance.ContactDecision;
import org.dues.compliance.ContactFacts;
import org.dues.compliance.ContactPolicy;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.compliance.HoldType;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.InvalidInputException.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact decision on stated facts, by the same code that gates live contact, so
 * compliance teams can test policies and replay cases.
 */
@RestController
@Tag(name = "Compliance")
class EvaluateApi {

	private final CompliancePolicies policies;

	EvaluateApi(CompliancePolicies policies) {
		this.policies = policies;
	}

	@PostMapping("/api/v1/compliance/evaluate")
	@Operation(summary = "Decide a contact on stated facts",
			description = "Lists every rule evaluated; a blocked decision names the rule that blocked it")
	DecisionJson evaluate(@RequestBody EvaluateRequest body) {
		Parsed parsed = body.parse();
		ContactPolicy policy;
		try {
			policy = this.policies.resolve(parsed.jurisdiction(),
					LocalDate.ofInstant(parsed.facts().at(), parsed.facts().person().timeZones().get(0)));
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("jurisdiction", "no contact policy %s in force then; policies exist for %s"
				.formatted(parsed.jurisdiction(), this.policies.codes()));
		}
		ContactDecision decision = ContactDecider.decide(policy, parsed.facts());
		Instant next = decision.allowed() ? null : ContactDecider.nextOpening(policy, parsed.facts()).orElse(null);
		return DecisionJson.of(decision, next, null);
	}

	record Parsed(String jurisdiction, ContactFacts facts) {
	}

	record EvaluateRequest(@Nullable String jurisdiction, @Nullable String channel, @Nullable Instant at,
			@Nullable PersonJson person, @Nullable List<String> debts, @Nullable String purpose,
			@Nullable List<InteractionJson> history, @Nullable List<ConsentJson> consents,
			@Nullable List<HoldJson> holds, @Nullable List<BlackoutJson> blackouts,
			@Nullable List<BanJson> channelBans) {

		Parsed parse() {
			Errors errors = new Errors();
			if (this.jurisdiction == null || this.jurisdiction.isBlank()) {
				errors.add("jurisdiction", "is required: US, US-MA, IN, GB");
			}
			Channel channel = errors.enumValue("channel", this.channel, Channel::valueOf, Channel.values(), true);
			if (this.at == null) {
				errors.add("at", "is required: when the contact would happen");
			}
			PersonRole role = PersonRole.CONSUMER;
			List<ZoneId> zones = new ArrayList<>();
			String address = null;
			if (this.person == null) {
				errors.add("person", "is required");
			}
			else {
				role = Objects.requireNonNullElse(errors.enumValue("person.role", this.person.role(),
						PersonRole::valueOf, PersonRole.values(), false), PersonRole.CONSUMER);
				if (this.person.timeZones() == null || this.person.timeZones().isEmpty()) {
					errors.add("person.timeZones", "name at least one zone the person may be in");
				}
				else {
					for (String zone : this.person.timeZones()) {
						try {
							zones.add(ZoneId.of(zone));
						}
						catch (RuntimeException ex) {
							errors.add("person.timeZones",
									"'%s' is not a time zone such as America/New_York".formatted(zone));
						}
					}
				}
				address = this.person.address();
			}
			Purpose purpose = Objects.requireNonNullElse(
					errors.enumValue("purpose", this.purpose, Purpose::valueOf, Purpose.values(), false),
					Purpose.COLLECTION);
			List<ContactFacts.Interaction> interactions = new ArrayList<>();
			int i = 0;
			for (InteractionJson item : list(this.history)) {
				String at = "history[" + i++ + "]";
				if (item.at() == null) {
					errors.add(at + ".at", "is required");
				}
				Channel c = errors.enumValue(at + ".channel", item.channel(), Channel::valueOf, Channel.values(), true);
				Direction d = errors.enumValue(at + ".direction", item.direction(), Direction::valueOf,
						Direction.values(), true);
				ContactResult r = errors.enumValue(at + ".result", item.result(), ContactResult::valueOf,
						ContactResult.values(), false);
				if (item.at() != null && c != null && d != null) {
					interactions
						.add(new ContactFacts.Interaction(item.at(), c, d, set(item.debts()), r, item.address()));
				}
			}
			List<ContactFacts.Consent> consents = new ArrayList<>();
			i = 0;
			for (ConsentJson item : list(this.consents)) {
				String at = "consents[" + i++ + "]";
				ConsentKind kind = errors.enumValue(at + ".kind", item.kind(), ConsentKind::valueOf,
						ConsentKind.values(), true);
				if (item.receivedAt() == null) {
					errors.add(at + ".receivedAt", "is required");
				}
				else if (kind != null) {
					consents.add(new ContactFacts.Consent(kind, item.receivedAt(), set(item.debts()), item.until()));
				}
			}
			List<ContactFacts.Hold> holds = new ArrayList<>();
			i = 0;
			for (HoldJson item : list(this.holds)) {
				String at = "holds[" + i++ + "]";
				HoldType type = errors.enumValue(at + ".type", item.type(), HoldType::valueOf, HoldType.values(), true);
				if (item.from() == null) {
					errors.add(at + ".from", "is required: when the hold was received");
				}
				else if (type != null) {
					holds.add(new ContactFacts.Hold(type, set(item.debts()), item.from(), item.to()));
				}
			}
			List<ContactFacts.Blackout> blackouts = new ArrayList<>();
			i = 0;
			for (BlackoutJson item : list(this.blackouts)) {
				String at = "blackouts[" + i++ + "]";
				Set<DayOfWeek> days = new LinkedHashSet<>();
				for (String day : list(item.daysOfWeek())) {
					DayOfWeek parsed = errors.enumValue(at + ".daysOfWeek", day, DayOfWeek::valueOf, DayOfWeek.values(),
							true);
					if (parsed != null) {
						days.add(parsed);
					}
				}
				if (days.isEmpty()) {
					errors.add(at + ".daysOfWeek", "name at least one day, such as SUNDAY");
				}
				else if ((item.from() == null) != (item.to() == null)) {
					errors.add(at + ".to", "give both ends of the time range, or neither");
				}
				else {
					blackouts.add(new ContactFacts.Blackout(days, item.from(), item.to(), item.until()));
				}
			}
			List<ContactFacts.ChannelBan> bans = new ArrayList<>();
			i = 0;
			for (BanJson item : list(this.channelBans)) {
				Channel c = errors.enumValue("channelBans[" + i++ + "].channel", item.channel(), Channel::valueOf,
						Channel.values(), true);
				if (c != null) {
					bans.add(new ContactFacts.ChannelBan(c, item.address()));
				}
			}
			errors.throwIfAny();
			return new Parsed(this.jurisdiction.strip().toUpperCase(Locale.ROOT),
					new ContactFacts(channel, this.at, new ContactFacts.Person(role, zones, address), set(this.debts),
							purpose, interactions, consents, holds, blackouts, bans));
		}

		private static <T> List<T> list(@Nullable List<T> items) {
			return (items == null) ? List.of() : items.stream().filter((x) -> x != null).toList();
		}

		private static Set<String> set(@Nullable List<String> items) {
			return (items == null) ? Set.of() : Set.copyOf(list(items));
		}

	}

	record PersonJson(@Nullable String role, @Nullable List<String> timeZones, @Nullable String address) {
	}

	record InteractionJson(@Nullable Instant at, @Nullable String channel, @Nullable String direction,
			@Nullable List<String> debts, @Nullable String result, @Nullable String address) {
	}

	record ConsentJson(@Nullable String kind, @Nullable Instant receivedAt, @Nullable List<String> debts,
			@Nullable Instant until) {
	}

	record HoldJson(@Nullable String type, @Nullable List<String> debts, @Nullable Instant from, @Nullable Instant to) {
	}

	record BlackoutJson(@Nullable List<String> daysOfWeek, @Nullable LocalTime from, @Nullable LocalTime to,
			@Nullable LocalDate until) {
	}

	record BanJson(@Nullable String channel, @Nullable String address) {
	}

	/** Field errors gathered so that every one is reported at once. */
	static final class Errors {

		private final List<FieldError> errors = new ArrayList<>();

		void add(String field, String message) {
			this.errors.add(new FieldError(field, message));
		}

		/**
		 * Reads an enum; absent gives null, and an error when required.
		 */
		<E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String text, Function<String, E> parse,
				E[] values, boolean required) {
			if (text == null || text.isBlank()) {
				if (required) {
					add(field, "is required: one of " + List.of(values));
				}
				return null;
			}
			try {
				return parse.apply(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				add(field, "'%s' is not one of %s".formatted(text, List.of(values)));
				return null;
			}
		}

		void throwIfAny() {
			if (!this.errors.isEmpty()) {
				throw new InvalidInputException(this.errors);
			}
		}

	}

}
