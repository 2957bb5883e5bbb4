package org.dues.arrangement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.arrangement.ArrangementView.InstalmentView;
import org.dues.shared.Money;
import org.dues.shared.Phrase;

/**
 * Where an active arrangement stands, given what has been paid towards it since it was
 * made and the creditor's local date: a pure function. Payments fill the oldest open
 * instalment first. An instalment not paid in full by its date plus the grace days is
 * missed. A promise is kept when its total is paid (within the tolerance), broken (partly
 * kept if something was paid) when any of its dates passes its grace unpaid. A plan is
 * completed when every instalment is paid, broken at the creditor's number of missed
 * instalments. A settlement completes when the agreed amount is paid, breaks like a plan,
 * and lapses if its offer expires before anything is paid.
 */
final class Progress {

	private Progress() {
	}

	/** The arrangement moved on, and the events that moving raises. */
	record Result(ArrangementView arrangement, List<Object> events) {

		boolean changed(ArrangementView before) {
			return !this.arrangement.equals(before);
		}

	}

	static Result evaluate(ArrangementView a, Money paid, LocalDate today, Settings.Values settings, Instant now) {
		if (a.status() != ArrangementStatus.ACTIVE) {
			return new Result(a, List.of());
		}
		List<Object> events = new ArrayList<>();
		List<InstalmentView> instalments = new ArrayList<>();
		Money left = paid.isNegative() ? Money.zero(paid.currency()) : paid;
		int missed = 0;
		for (InstalmentView i : a.instalments()) {
			Money applied = left.min(i.amount());
			left = left.minus(applied);
			InstalmentStatus status;
			if (applied.compareTo(i.amount()) >= 0) {
				status = InstalmentStatus.PAID;
			}
			else if (today.isAfter(i.dueOn().plusDays(settings.graceDays()))) {
				status = InstalmentStatus.MISSED;
				missed++;
				if (i.status() != InstalmentStatus.MISSED && a.kind() != ArrangementKind.PROMISE) {
					events.add(new Events.InstalmentMissed(a.id(), a.accountId(), i.seq(), i.dueOn(), i.amount(),
							applied));
				}
			}
			else {
				status = applied.isPositive() ? InstalmentStatus.PARTIAL : InstalmentStatus.PENDING;
			}
			instalments.add(new InstalmentView(i.seq(), i.dueOn(), i.amount(), applied, status));
		}
		ArrangementStatus status = ArrangementStatus.ACTIVE;
		String reason = null;
		Phrase said = null;
		boolean partial = false;
		switch (a.kind()) {
			case PROMISE -> {
				if (paid.compareTo(a.amount().minus(settings.tolerance())) >= 0) {
					status = ArrangementStatus.KEPT;
					reason = "paid " + paid.amount().toPlainString();
					said = Phrase.of("format.arrangement.kept", paid);
					events.add(new Events.PromiseKept(a.id(), a.accountId(), a.amount()));
				}
				else if (missed > 0) {
					status = ArrangementStatus.BROKEN;
					partial = paid.isPositive();
					reason = partial ? "partly kept: %s of %s paid".formatted(paid.amount().toPlainString(),
							a.amount().amount().toPlainString()) : "nothing paid by the date and grace";
					said = partial ? Phrase.of("format.arrangement.partlyKept", paid, a.amount())
							: Phrase.of("format.arrangement.nothingPaid");
					events.add(new Events.PromiseBroken(a.id(), a.accountId(), a.amount(), paid,
							a.instalments().get(0).dueOn()));
				}
			}
			case PLAN, SETTLEMENT -> {
				boolean allPaid = instalments.stream().allMatch((i) -> i.status() == InstalmentStatus.PAID);
				if (allPaid) {
					status = ArrangementStatus.COMPLETED;
					reason = "every instalment paid";
					said = Phrase.of("format.arrangement.allPaid");
					if (a.kind() == ArrangementKind.PLAN) {
						events.add(new Events.PlanCompleted(a.id(), a.accountId()));
					}
				}
				else if (missed >= settings.missedToBreak()) {
					status = ArrangementStatus.BROKEN;
					reason = "%d instalment%s missed".formatted(missed, (missed == 1) ? "" : "s");
					said = Phrase.of("format.arrangement.missed", missed);
					events.add(new Events.PlanBroken(a.id(), a.accountId(), a.kind()));
				}
				else if (a.kind() == ArrangementKind.SETTLEMENT && a.offerExpiresOn() != null
						&& today.isAfter(a.offerExpiresOn()) && !paid.isPositive()) {
					status = ArrangementStatus.BROKEN;
					reason = "the offer lapsed on %s with nothing paid".formatted(a.offerExpiresOn());
					said = Phrase.of("format.arrangement.lapsed", a.offerExpiresOn());
					events.add(new Events.PlanBroken(a.id(), a.accountId(), a.kind()));
				}
			}
			default -> {
			}
		}
		boolean closed = status != ArrangementStatus.ACTIVE;
		ArrangementView updated = new ArrangementView(a.id(), a.accountId(), a.kind(), status, a.amount(),
				a.balanceAtStart(), paid, a.frequency(), a.channel(), a.component(), a.defermentDays(),
				a.offerExpiresOn(), a.reason(), a.createdAt(), a.createdBy(), closed ? now : null,
				closed ? "system" : null, reason, partial, instalments, a.approval(), said);
		return new Result(updated, events);
	}

}
