package org.dues.identity;

import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link LoginThrottle} saw on this node since it started, for {@link LoginMetrics}:
 * wrong passwords and codes, attempts refused unchecked while the user or address was
 * throttled, and lockouts by scope.
 */
final class LoginTally {

	final LongAdder wrongPasswords = new LongAdder();

	final LongAdder wrongCodes = new LongAdder();

	final LongAdder refusedPasswords = new LongAdder();

	final LongAdder refusedCodes = new LongAdder();

	final LongAdder lockoutsFromAddress = new LongAdder();

	final LongAdder lockoutsEverywhere = new LongAdder();

	final LongAdder lockoutsOfCodes = new LongAdder();

	void lockedOut(String scope) {
		if (LoginThrottle.EVERYWHERE.equals(scope)) {
			this.lockoutsEverywhere.increment();
		}
		else if (LoginThrottle.SECOND_FACTOR.equals(scope)) {
			this.lockoutsOfCodes.increment();
		}
		else {
			this.lockoutsFromAddress.increment();
		}
	}

}
