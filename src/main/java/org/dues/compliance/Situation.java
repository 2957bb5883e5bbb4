package org.dues.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.dues.compliance.ContactFacts.Consent;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A policy and the facts it is applied to, with the readings several rules share: local
 * dates, whether the contact is a reply, which consents are in force.
 */
record Situation(ContactPolicy policy, ContactFacts facts) {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

	Instant at() {
		return this.facts.at();
	}

	static LocalDate localDate(Instant moment, ZoneId zone) {
		return LocalDate.ofInstant(moment, zone);
	}

	static String local(Instant moment, ZoneId zone) {
		return LOCAL.format(moment.atZone(zone)) + " " + zone.getId();
	}

	/** A channel's name as pages say it. */
	static Phrase said(Channel channel) {
		return Phrase.of("channel." + channel);
	}

	/**
	 * The weekday and time of a moment in a zone, as pages say it ("Fri 12:30 pm"): the
	 * person's local time, which the reader's zone would misstate.
	 */
	static Phrase localSaid(Instant moment, ZoneId zone) {
		java.time.ZonedDateTime local = moment.atZone(zone);
		return Phrase.of("rule.dayTime", Phrase.of("day." + local.getDayOfWeek()), local.toLocalTime());
	}

	/** A debt as reasons name it, as pages say it. */
	static Phrase debtSaid(String debt) {
		return debt.isEmpty() ? Phrase.of("rule.debt.any") : Phrase.of("rule.debt", debt);
	}

	/** A moment in the person's first zone (UTC when none is known), for reasons. */
	String local(Instant moment) {
		List<ZoneId> zones = this.facts.person().timeZones();
		return local(moment, zones.isEmpty() ? ZoneOffset.UTC : zones.get(0));
	}

	/**
	 * The person's latest contact in this medium that we may still answer once: it came
	 * in within the policy's reply window and nothing has gone out in the same medium
	 * since.
	 */
	Optional<Interaction> replyTo() {
		Interaction inbound = null;
		for (Interaction interaction : this.facts.history()) {
			if (interaction.at().isAfter(at()) || interaction.channel() != this.facts.channel()) {
				continue;
			}
			if (interaction.direction() == Direction.INBOUND) {
				inbound = interaction;
			}
			else if (inbound != null) {
				inbound = null;
			}
		}
		if (inbound == null || inbound.at().plus(this.policy.replyWindow()).isBefore(at())) {
			return Optional.empty();
		}
		return Optional.of(inbound);
	}

	/**
	 * A consent to more calls about this debt in force at the moment: received by then,
	 * within its days counted in every zone of the person (the day of receipt is day 1),
	 * not past its stated end or revocation, and not ended by a later telephone
	 * conversation about the debt.
	 */
	Optional<Consent> callConsent(String debt, Instant moment) {
		ContactPolicy.CallFrequency frequency = this.policy.callFrequency();
		if (frequency == null) {
			return Optional.empty();
		}
		for (Consent consent : this.facts.consents()) {
			if (consent.kind() != ConsentKind.ADDITIONAL_CALLS || moment.isBefore(consent.receivedAt())
					|| (consent.until() != null && !moment.isBefore(consent.until()))
					|| !ContactFacts.concerns(consent.debts(), debtSet(debt))) {
				continue;
			}
			boolean inDays = true;
			for (ZoneId zone : this.facts.person().timeZones()) {
				LocalDate last = localDate(consent.receivedAt(), zone).plusDays(frequency.consentDays() - 1L);
				inDays &= !localDate(moment, zone).isAfter(last);
			}
			if (inDays && !conversationBetween(debt, consent.receivedAt(), moment)) {
				return Optional.of(consent);
			}
		}
		return Optional.empty();
	}

	private boolean conversationBetween(String debt, Instant after, Instant until) {
		for (Interaction interaction : this.facts.history()) {
			if (interaction.isConversation() && interaction.at().isAfter(after) && interaction.at().isBefore(until)
					&& ContactFacts.concerns(interaction.debts(), debtSet(debt))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A consent to contact at an otherwise inconvenient time in force now: until its
	 * stated end, or without one only on the local day it was received (the conservative
	 * reading).
	 */
	Optional<Consent> timeConsent() {
		for (Consent consent : this.facts.consents()) {
			if (consent.kind() != ConsentKind.INCONVENIENT_TIME || at().isBefore(consent.receivedAt())) {
				continue;
			}
			boolean inForce;
			if (consent.until() != null) {
				inForce = at().isBefore(consent.until());
			}
			else {
				inForce = this.facts.person()
					.timeZones()
					.stream()
					.allMatch((zone) -> localDate(consent.receivedAt(), zone).equals(localDate(at(), zone)));
			}
			if (inForce) {
				return Optional.of(consent);
			}
		}
		return Optional.empty();
	}

	/**
	 * The debt as a set; {@code ""} (a contact naming no debt) and null stand for every
	 * debt.
	 */
	static java.util.Set<String> debtSet(@Nullable String debt) {
		return (debt == null || debt.isEmpty()) ? java.util.Set.of() : java.util.Set.of(debt);
	}

}
