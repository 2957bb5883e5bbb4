package org.dues.casework;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.dues.arrangement.ArrangementKind;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.ArrangementView;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionStatus;
import org.dues.contact.InteractionView;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentStatus;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountId;
import org.dues.shared.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's performance, per placement and in all: for each account, what happened
 * between its placement and its recall (or the end of the placement's period, or now):
 * the attempts and conversations the contact module logged, the promises, plans and
 * settlements the arrangement module took, and the payments the payment module recorded
 * that stand (a reversed payment counts for nothing), read through their modules'
 * published APIs. The commission is worked out per placement on what it collected, at its
 * rate ({@link Commission#on}).
 */
@Service
public class AgencyPerformance {

	/** The most interactions of one account read for a placement. */
	private static final int INTERACTIONS = 2_000;

	private final AgencyPlacements placements;

	private final ContactLog contacts;

	private final ArrangementManagement arrangements;

	private final PaymentManagement payments;

	AgencyPerformance(AgencyPlacements placements, ContactLog contacts, ArrangementManagement arrangements,
			PaymentManagement payments) {
		this.placements = placements;
		this.contacts = contacts;
		this.arrangements = arrangements;
		this.payments = payments;
	}

	/** The placement's performance. */
	@Transactional(readOnly = true)
	public Performance ofPlacement(UUID placementId) {
		return tally(this.placements.get(placementId)).performance();
	}

	/** The agency's performance over all its placements. */
	@Transactional(readOnly = true)
	public Performance ofAgency(String agencyCode) {
		return byPlacement(agencyCode).total();
	}

	/**
	 * The agency's performance per placement (newest first) and over all of them, each
	 * account read once.
	 */
	@Transactional(readOnly = true)
	public Breakdown byPlacement(String agencyCode) {
		Tally all = new Tally();
		Map<UUID, Performance> each = new java.util.LinkedHashMap<>();
		for (PlacementView placement : this.placements.ofAgency(agencyCode)) {
			Tally tally = tally(placement);
			each.put(placement.id(), tally.performance());
			all.add(tally);
		}
		return new Breakdown(each, all.performance());
	}

	/** An agency's performance per placement, by the placement's id, and in all. */
	public record Breakdown(Map<UUID, Performance> placements, Performance total) {

		public Breakdown {
			placements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(placements));
		}

	}

	private Tally tally(PlacementView placement) {
		Tally tally = new Tally();
		Instant ends = placement.until().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		for (AgencyPlacements.PlacedAccount placed : this.placements.accountsOf(placement.id())) {
			Instant from = placed.placedAt();
			Instant to = (placed.recalledAt() != null) ? min(ends, placed.recalledAt()) : ends;
			AccountId account = new AccountId(placed.accountId());
			tally.placed++;
			if (placed.recalledAt() == null) {
				tally.active++;
			}
			int attempts = 0;
			for (InteractionView interaction : this.contacts.timeline(account, INTERACTIONS)) {
				if (interaction.direction() == Direction.OUTBOUND && interaction.status() == InteractionStatus.LOGGED
						&& within(interaction.startedAt(), from, to)) {
					attempts++;
					if (interaction.result() == ContactResult.CONVERSATION) {
						tally.rightParty++;
					}
				}
			}
			tally.attempts += attempts;
			if (attempts > 0) {
				tally.contacted++;
			}
			for (ArrangementView arrangement : this.arrangements.ofAccount(account)) {
				if (arrangement.kind() != ArrangementKind.WAIVER && arrangement.kind() != ArrangementKind.DEFERMENT
						&& arrangement.status() != ArrangementStatus.REJECTED
						&& within(arrangement.createdAt(), from, to)) {
					tally.promises++;
					Tally.add(tally.promised, arrangement.amount());
				}
			}
			Map<Currency, Money> collected = new TreeMap<>(Tally.BY_CODE);
			for (PaymentView payment : this.payments.ofAccount(account)) {
				if (payment.status() == PaymentStatus.POSTED && within(payment.recordedAt(), from, to)) {
					Tally.add(collected, payment.amount());
				}
			}
			collected.values().forEach((money) -> Tally.add(tally.collected, money));
		}
		tally.collected.values()
			.forEach((money) -> Tally.add(tally.commission, Commission.on(money, placement.commissionRate())));
		return tally;
	}

	private static boolean within(Instant at, Instant from, Instant to) {
		return !at.isBefore(from) && at.isBefore(to);
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** Figures added up over accounts and placements. */
	private static final class Tally {

		static final java.util.Comparator<Currency> BY_CODE = java.util.Comparator.comparing(Currency::getCurrencyCode);

		int placed;

		int active;

		int contacted;

		int attempts;

		int rightParty;

		int promises;

		final Map<Currency, Money> promised = new TreeMap<>(BY_CODE);

		final Map<Currency, Money> collected = new TreeMap<>(BY_CODE);

		final Map<Currency, Money> commission = new TreeMap<>(BY_CODE);

		static void add(Map<Currency, Money> sums, Money money) {
			sums.merge(money.currency(), money, Money::plus);
		}

		void add(Tally other) {
			this.placed += other.placed;
			this.active += other.active;
			this.contacted += other.contacted;
			this.attempts += other.attempts;
			this.rightParty += other.rightParty;
			this.promises += other.promises;
			other.promised.values().forEach((m) -> add(this.promised, m));
			other.collected.values().forEach((m) -> add(this.collected, m));
			other.commission.values().forEach((m) -> add(this.commission, m));
		}

		Performance performance() {
			return new Performance(this.placed, this.active, this.contacted, this.attempts, this.rightParty,
					this.promises, new ArrayList<>(this.promised.values()), new ArrayList<>(this.collected.values()),
					new ArrayList<>(this.commission.values()));
		}

	}

}
