package org.dues.reporting;

import java.time.Instant;
import java.util.List;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An agent's day on the floor.
 *
 * @param working the account they have open now, if any
 * @param lastAttempt their latest outbound attempt today
 * @param attempts outbound contacts made (not blocked)
 * @param rightPartyContacts conversations with the customer
 * @param blocked attempts the gate blocked
 * @param promises promises, plans and settlements agreed
 * @param promised their amounts, by currency
 * @param paid payments received today and credited to the agent (see {@link CreditedAs}),
 * less those of them reversed today, by currency
 */
public record AgentDay(String agent, String name, @Nullable Working working, @Nullable Instant lastAttempt,
		long attempts, long rightPartyContacts, long blocked, long promises, List<Money> promised, List<Money> paid) {

	/** Whether the agent has no account open. */
	public boolean idle() {
		return this.working == null;
	}

	/** The account an agent has open now, and since when. */
	public record Working(AccountId accountId, String accountRef, Instant since) {
	}

}
