package org.dues.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.shared.PhraseJson;
import org.dues.system.Actor;
import org.dues.system.Corrections;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What holds, consents, blackouts and bans share: a reason is required, a receipt time
 * may not lie in the future, and lifting one records who, when and why, once.
 */
@Component
class Restrictions {

	/** The tables of lift-able restrictions, named so no SQL is built from input. */
	enum Kind {

		HOLD("compliance_holds", "HOLD_LIFTED", "placed", "this hold"),
		CONSENT("compliance_consents", "CONSENT_REVOKED", "recorded", "this consent"),
		BLACKOUT("compliance_blackouts", "BLACKOUT_LIFTED", "recorded", "this inconvenient time"),
		BAN("compliance_channel_bans", "BAN_LIFTED", "recorded", "this banned medium");

		final String table;

		final String liftAction;

		/** The prefix of the columns saying who recorded it and when. */
		final String madeColumns;

		final String named;

		Kind(String table, String liftAction, String madeColumns, String named) {
			this.table = table;
			this.liftAction = liftAction;
			this.madeColumns = madeColumns;
			this.named = named;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final Corrections corrections;

	Restrictions(JdbcClient jdbc, Clock clock, AuditTrail audit, Corrections corrections) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.corrections = corrections;
	}

	Instant now() {
		return this.clock.instant();
	}

	static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why, as the person or document stated it");
		}
		String text = reason.strip();
		if (text.length() > 1000) {
			throw new InvalidInputException("reason", "must be at most 1000 characters");
		}
		if (!text.matches("[\\P{Cc}\\n\\r\\t]+")) {
			throw new InvalidInputException("reason", "must not contain control characters");
		}
		return text;
	}

	/**
	 * When a restriction stops: the earlier of its own end and its lifting; null when
	 * neither is set.
	 */
	static @Nullable Instant earlier(@Nullable Instant end, @Nullable Instant lifted) {
		if (lifted == null) {
			return end;
		}
		return (end == null || lifted.isBefore(end)) ? lifted : end;
	}

	/** When it was received: now when absent; never in the future. */
	Instant received(@Nullable Instant receivedAt) {
		Instant now = now();
		if (receivedAt == null) {
			return now;
		}
		if (receivedAt.isAfter(now)) {
			throw new InvalidInputException("receivedAt", "%s lies in the future".formatted(receivedAt));
		}
		return receivedAt;
	}

	/**
	 * Lifts a restriction once, audited; returns whose it was. Compliance officers, leads
	 * and above lift any; whoever recorded it, their own within the correction window.
	 */
	CustomerId lift(Kind kind, UUID id, @Nullable String why, Actor actor) {
		return lift(kind, id, why, null, actor);
	}

	/**
	 * As {@link #lift(Kind, UUID, String, Actor)}, with the reason as pages say it (holds
	 * only keep one).
	 */
	CustomerId lift(Kind kind, UUID id, @Nullable String why, @Nullable Phrase said, Actor actor) {
		if (said != null && kind != Kind.HOLD) {
			throw new IllegalArgumentException("only a hold keeps its lift's phrase");
		}
		String text = reason(why);
		Instant now = now();
		record Made(String by, Instant at) {
		}
		this.jdbc
			.sql("SELECT %1$s_by AS by, %1$s_at AS at FROM %2$s WHERE id = :id FOR UPDATE".formatted(kind.madeColumns,
					kind.table))
			.param("id", id)
			.query((rs, n) -> new Made(rs.getString("by"), rs.getTimestamp("at").toInstant()))
			.optional()
			.ifPresent((made) -> this.corrections.check(actor, kind.named, made.by(), made.at(),
					Corrections.COMPLIANCE_LEADS_AND_ABOVE));
		UUID customer = this.jdbc
			.sql("UPDATE " + kind.table + " SET lifted_at = :now, lifted_by = :actor, lift_reason = :reason"
					+ ((said != null) ? ", lift_said = CAST(:said AS jsonb)" : "")
					+ " WHERE id = :id AND lifted_at IS NULL RETURNING customer_id")
			.param("now", java.sql.Timestamp.from(now))
			.param("actor", actor.name())
			.param("reason", text)
			.param("said", PhraseJson.write(said))
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (customer == null) {
			boolean exists = this.jdbc.sql("SELECT count(*) FROM " + kind.table + " WHERE id = :id")
				.param("id", id)
				.query(Integer.class)
				.single() > 0;
			if (exists) {
				throw new ConflictException("%s %s was already lifted".formatted(kind.name().toLowerCase(), id));
			}
			throw new NotFoundException(kind.name().toLowerCase(java.util.Locale.ROOT), id);
		}
		this.audit.record(actor.name(), kind.liftAction, "customer:" + customer,
				java.util.Map.of("id", id.toString(), "reason", text));
		return new CustomerId(customer);
	}

}
