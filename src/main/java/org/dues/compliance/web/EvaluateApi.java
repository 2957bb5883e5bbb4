package org.dues.compliance.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import org.dues.shared.Choice;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.BothOrNeither;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
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
	DecisionJson evaluate(@RequestBody @Valid EvaluateRequest body) {
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

	record EvaluateRequest(@NotBlank(message = "is required: US, US-MA, IN, GB") @Nullable String jurisdiction,
			@OneOf(value = Channel.class, required = true) @Nullable String channel,
			@NotNull(message = "is required: when the contact would happen") @Nullable Instant at,
			@NotNull(message = Keys.REQUIRED) @Valid @Nullable PersonJson person, @Nullable List<String> debts,
			@OneOf(Purpose.class) @Nullable String purpose, @Nullable List<@Valid InteractionJson> history,
			@Nullable List<@Valid ConsentJson> consents, @Nullable List<@Valid HoldJson> holds,
			@Nullable List<@Valid BlackoutJson> blackouts, @Nullable List<@Valid BanJson> channelBans) {

		/** The facts, once the request is valid. */
		Parsed parse() {
			PersonJson who = Objects.requireNonNull(this.person);
			PersonRole role = Choice.orElse("person.role", who.role(), PersonRole.class, PersonRole.CONSUMER);
			List<ZoneId> zones = list(who.timeZones()).stream().map(ZoneId::of).toList();
			List<ContactFacts.Interaction> interactions = list(this.history).stream()
				.map((item) -> new ContactFacts.Interaction(Objects.requireNonNull(item.at()),
						Choice.of("channel", item.channel(), Channel.class),
						Choice.of("direction", item.direction(), Direction.class), set(item.debts()),
						Choice.orNull("result", item.result(), ContactResult.class), item.address()))
				.toList();
			List<ContactFacts.Consent> consents = list(this.consents).stream()
				.map((item) -> new ContactFacts.Consent(Choice.of("kind", item.kind(), ConsentKind.class),
						Objects.requireNonNull(item.receivedAt()), set(item.debts()), item.until()))
				.toList();
			List<ContactFacts.Hold> holds = list(this.holds).stream()
				.map((item) -> new ContactFacts.Hold(Choice.of("type", item.type(), HoldType.class), set(item.debts()),
						Objects.requireNonNull(item.from()), item.to()))
				.toList();
			List<ContactFacts.Blackout> blackouts = list(this.blackouts).stream().map((item) -> {
				Set<DayOfWeek> days = new LinkedHashSet<>();
				list(item.daysOfWeek()).forEach((day) -> days.add(Choice.of("daysOfWeek", day, DayOfWeek.class)));
				return new ContactFacts.Blackout(days, item.from(), item.to(), item.until());
			}).toList();
			List<ContactFacts.ChannelBan> bans = list(this.channelBans).stream()
				.map((item) -> new ContactFacts.ChannelBan(Choice.of("channel", item.channel(), Channel.class),
						item.address()))
				.toList();
			return new Parsed(Objects.requireNonNull(this.jurisdiction).strip().toUpperCase(Locale.ROOT),
					new ContactFacts(Choice.of("channel", this.channel, Channel.class), Objects.requireNonNull(this.at),
							new ContactFacts.Person(role, zones, who.address()), set(this.debts),
							Choice.orElse("purpose", this.purpose, Purpose.class, Purpose.COLLECTION), interactions,
							consents, holds, blackouts, bans));
		}

		private static <T> List<T> list(@Nullable List<T> items) {
			return (items == null) ? List.of() : items.stream().filter((x) -> x != null).toList();
		}

		private static Set<String> set(@Nullable List<String> items) {
			return (items == null) ? Set.of() : Set.copyOf(list(items));
		}

	}

	record PersonJson(@OneOf(PersonRole.class) @Nullable String role, @ZoneNames @Nullable List<String> timeZones,
			@Nullable String address) {
	}

	record InteractionJson(@NotNull(message = Keys.REQUIRED) @Nullable Instant at,
			@OneOf(value = Channel.class, required = true) @Nullable String channel,
			@OneOf(value = Direction.class, required = true) @Nullable String direction, @Nullable List<String> debts,
			@OneOf(ContactResult.class) @Nullable String result, @Nullable String address) {
	}

	record ConsentJson(@OneOf(value = ConsentKind.class, required = true) @Nullable String kind,
			@NotNull(message = Keys.REQUIRED) @Nullable Instant receivedAt, @Nullable List<String> debts,
			@Nullable Instant until) {
	}

	record HoldJson(@OneOf(value = HoldType.class, required = true) @Nullable String type, @Nullable List<String> debts,
			@NotNull(message = "is required: when the hold was received") @Nullable Instant from,
			@Nullable Instant to) {
	}

	@BothOrNeither(first = "from", second = "to")
	record BlackoutJson(
			@NotEmpty(message = "name at least one day, such as SUNDAY") @Nullable List<@OneOf(value = DayOfWeek.class,
					required = true) String> daysOfWeek,
			@Nullable LocalTime from, @Nullable LocalTime to, @Nullable LocalDate until) {
	}

	record BanJson(@OneOf(value = Channel.class, required = true) @Nullable String channel, @Nullable String address) {
	}

}
