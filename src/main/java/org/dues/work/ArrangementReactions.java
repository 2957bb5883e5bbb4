package org.dues.work;

import org.dues.arrangement.Events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A broken promise or plan makes a follow-up for the account's agent the next day.
 */
@Component
class ArrangementReactions {

	private final FollowUps followUps;

	ArrangementReactions(FollowUps followUps) {
		this.followUps = followUps;
	}

	@ApplicationModuleListener
	void on(Events.PromiseBroken broken) {
		this.followUps.raiseForNextDay(broken.account(), "PROMISE_BROKEN", broken.arrangement().toString(),
				(broken.paid().isPositive() ? "Promise of %s due %s partly kept (%s paid)"
						: "Promise of %s due %s broken%s")
					.formatted(broken.amount().amount().toPlainString(), broken.dueOn(),
							broken.paid().isPositive() ? broken.paid().amount().toPlainString() : ""));
	}

	@ApplicationModuleListener
	void on(Events.PlanBroken broken) {
		this.followUps.raiseForNextDay(broken.account(), "PLAN_BROKEN", broken.arrangement().toString(),
				"%s broken: instalments missed".formatted(
						broken.kind() == org.dues.arrangement.ArrangementKind.SETTLEMENT ? "Settlement" : "Plan"));
	}

}
