package org.dues.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.compliance.RuleResult;
import org.dues.contact.ContactLog;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.work.AgentCertificates;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking in at the address: the agent the visit is given to checks in with the device's
 * position (when it gave one) at the server's time. Before anything is written, the
 * agent's papers must be current (the letter of authorisation and the identity card
 * always; the recovery-agent certificate for an Indian account, as the RBI's directions
 * on recovery agents require), and the compliance gate must allow a contact on channel
 * {@code VISIT} now (India: 08:00 to 19:00 in the customer's time, holds, the week's
 * contact volume). The gate's decision is recorded as every decision is, and the visit is
 * logged as an attempt of the contact log, which frequency rules then count; a refused
 * check-in leaves the visit as it was.
 */
@Service
public class VisitCheckIns {

	private final VisitRows rows;

	private final Accounts accounts;

	private final FieldAreas areas;

	private final AgentCertificates certificates;

	private final ContactLog contacts;

	private final FieldVisits visits;

	VisitCheckIns(VisitRows rows, Accounts accounts, FieldAreas areas, AgentCertificates certificates,
			ContactLog contacts, FieldVisits visits) {
		this.rows = rows;
		this.accounts = accounts;
		this.areas = areas;
		this.certificates = certificates;
		this.contacts = contacts;
		this.visits = visits;
	}

	/**
	 * Checks the agent in at the visit's address, or says why not.
	 * @param position where the device said it was, or null when it gave nothing
	 * @throws NotFoundException if there is no such visit
	 * @throws ConflictException if the visit is not open or not the agent's
	 * @throws InvalidInputException if the position is not one
	 */
	@Transactional(noRollbackFor = Refused.class)
	public VisitView checkIn(VisitId id, @Nullable Position position, String agent) {
		VisitView visit = this.rows.lock(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
		if (!agent.equals(visit.agent())) {
			throw new ConflictException("visit %s is not given to %s".formatted(id, agent));
		}
		if (visit.status() != VisitStatus.OPEN) {
			throw new ConflictException("visit %s is %s: only an open visit is checked in".formatted(id,
					visit.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
		}
		AccountView account = this.accounts.get(visit.accountId());
		List<Reason> papers = papers(account, agent);
		if (!papers.isEmpty()) {
			throw new Refused(false, papers);
		}
		ContactLog.Attempt attempt = this.contacts.attempt(new ContactGate.Request(visit.accountId(), Set.of(),
				Channel.VISIT, visit.address(), PersonRole.CONSUMER, Purpose.COLLECTION), null, null, agent);
		if (!attempt.allowed()) {
			// the gate's decision and the blocked attempt stay recorded; the visit does
			// not
			// change
			throw new Refused(true,
					attempt.decision()
						.decision()
						.blockedBy()
						.stream()
						.map((r) -> new Reason(r.rule(), r.reason(), r.said()))
						.toList());
		}
		this.rows.checkedIn(id, attempt.decision().at(), position, attempt.interaction().id());
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * Why the agent may not visit the account's customer today, whatever the gate says:
	 * papers missing or expired; empty when they may.
	 */
	public List<Reason> papers(AccountView account, String agent) {
		List<Reason> reasons = new ArrayList<>();
		LocalDate today = this.visits.today(account);
		FieldAgentView papers = this.areas.agent(agent).orElse(null);
		if (papers == null) {
			reasons.add(new Reason("field-agent", agent + " is no field agent", Phrase.of("visit.refused.notField")));
			return reasons;
		}
		if (!papers.authorisedOn(today)) {
			reasons.add((papers.authorisationExpiresOn() == null)
					? new Reason("authorisation-letter", "no letter of authorisation is recorded for " + agent,
							Phrase.of("visit.refused.authorisation.none"))
					: new Reason("authorisation-letter",
							"the letter of authorisation expired on " + papers.authorisationExpiresOn(),
							Phrase.of("visit.refused.authorisation.expired", papers.authorisationExpiresOn())));
		}
		if (!papers.identifiedOn(today)) {
			reasons.add((papers.idCardExpiresOn() == null)
					? new Reason("identity-card", "no identity card is recorded for " + agent,
							Phrase.of("visit.refused.idCard.none"))
					: new Reason("identity-card", "the identity card expired on " + papers.idCardExpiresOn(),
							Phrase.of("visit.refused.idCard.expired", papers.idCardExpiresOn())));
		}
		if (this.certificates.needed(account)) {
			AgentCertificates.Standing standing = this.certificates.standing(agent);
			if (!standing.current()) {
				reasons
					.add(standing.expired()
							? new Reason("recovery-agent-certificate",
									"the recovery-agent certificate expired on " + standing.expiresOn(),
									Phrase.of("visit.refused.certificate.expired", standing.expiresOn()))
							: new Reason("recovery-agent-certificate", agent + " holds no recovery-agent certificate",
									Phrase.of("visit.refused.certificate.none")));
			}
		}
		return reasons;
	}

	/**
	 * Where the device said it was.
	 *
	 * @param accuracyMetres the radius the device is sure of, if it said
	 */
	public record Position(BigDecimal latitude, BigDecimal longitude, @Nullable BigDecimal accuracyMetres) {

		public Position {
			if (latitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
				throw new InvalidInputException("latitude", "must be between -90 and 90");
			}
			if (longitude == null || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
				throw new InvalidInputException("longitude", "must be between -180 and 180");
			}
			if (accuracyMetres != null && (accuracyMetres.signum() < 0
					|| accuracyMetres.compareTo(BigDecimal.valueOf(100_000_000)) >= 0)) {
				throw new InvalidInputException("accuracy", "must be a distance in metres, 0 or more");
			}
			latitude = latitude.setScale(6, java.math.RoundingMode.HALF_EVEN);
			longitude = longitude.setScale(6, java.math.RoundingMode.HALF_EVEN);
			accuracyMetres = (accuracyMetres == null) ? null
					: accuracyMetres.setScale(1, java.math.RoundingMode.HALF_EVEN);
		}

		/**
		 * The position given by parts, or null when neither latitude nor longitude is.
		 */
		public static @Nullable Position of(@Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
				@Nullable BigDecimal accuracy) {
			if (latitude == null && longitude == null) {
				return null;
			}
			if (latitude == null || longitude == null) {
				throw new InvalidInputException((latitude == null) ? "latitude" : "longitude",
						"is required with the other");
			}
			return new Position(latitude, longitude, accuracy);
		}

	}

	/**
	 * Why a check-in was refused: one rule, in the English the API answers and as a
	 * phrase for pages.
	 */
	public record Reason(String rule, String reason, @Nullable Phrase said) {

		static Reason of(RuleResult result) {
			return new Reason(result.rule(), result.reason(), result.said());
		}

	}

	/**
	 * A check-in refused: by the compliance gate ({@link #byGate()}), or because the
	 * agent's papers are not current; nothing about the visit changed.
	 */
	public static final class Refused extends RuntimeException {

		private final boolean byGate;

		private final List<Reason> reasons;

		Refused(boolean byGate, List<Reason> reasons) {
			super("check-in refused: " + String.join("; ", reasons.stream().map(Reason::reason).toList()));
			this.byGate = byGate;
			this.reasons = List.copyOf(reasons);
		}

		public boolean byGate() {
			return this.byGate;
		}

		public List<Reason> reasons() {
			return this.reasons;
		}

	}

}
