package org.dues.arrangement;

import java.time.Clock;
import java.time.LocalDate;

import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.Source;
import org.dues.shared.Phrase;

import org.springframework.stereotype.Component;

/**
 * Puts an arrangement in force: a promise, plan or settlement becomes active; a waiver is
 * posted to the ledger and a deferment moves the oldest due date, each then complete.
 */
@Component
class Activation {

	private final Arrangements arrangements;

	private final AccountLedger ledger;

	private final Clock clock;

	Activation(Arrangements arrangements, AccountLedger ledger, Clock clock) {
		this.arrangements = arrangements;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Applies an approved or within-authority arrangement; returns it as it now stands.
	 */
	ArrangementView apply(ArrangementView a, LocalDate today, String actor) {
		var now = this.clock.instant();
		Source source = new Source("ARRANGEMENT", a.id().toString(), actor, a.reason());
		switch (a.kind()) {
			case WAIVER -> {
				this.ledger.waive(a.accountId(), BalanceComponent.valueOf(a.component()), a.amount(), today, source);
				close(a, "waiver of %s %s posted".formatted(a.amount().amount().toPlainString(), a.component()),
						Phrase.of("format.arrangement.waived", a.amount(), Phrase.of("arr.component." + a.component())),
						actor);
			}
			case DEFERMENT -> {
				LocalDate due = this.ledger.deferOldestDueDate(a.accountId(), a.defermentDays());
				close(a, "oldest due date deferred by %d days to %s".formatted(a.defermentDays(), due),
						Phrase.of("format.arrangement.deferred", a.defermentDays(), due), actor);
			}
			default -> {
				this.arrangements.activate(a.id(), now);
				this.arrangements.history(a.id(), now, actor, "ACTIVATED", "in force");
			}
		}
		return this.arrangements.get(a.id());
	}

	private void close(ArrangementView a, String detail, Phrase said, String actor) {
		var now = this.clock.instant();
		this.arrangements.activate(a.id(), now);
		ArrangementView done = new ArrangementView(a.id(), a.accountId(), a.kind(), ArrangementStatus.COMPLETED,
				a.amount(), a.balanceAtStart(), a.paid(), a.frequency(), a.channel(), a.component(), a.defermentDays(),
				a.offerExpiresOn(), a.reason(), a.createdAt(), a.createdBy(), now, actor, detail, false,
				a.instalments(), a.approval(), said);
		this.arrangements.progress(done);
		this.arrangements.history(a.id(), now, actor, "COMPLETED", detail);
	}

}
