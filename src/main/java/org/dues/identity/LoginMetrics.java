package org.dues.identity;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Logins for the operator, on this node: {@code dues.logins.failed} (wrong passwords and
 * one-time codes, tagged {@code factor}), {@code dues.logins.refused} (attempts refused
 * unchecked because the user or address was throttled) and {@code dues.logins.lockouts}
 * (failures that locked a user out, tagged {@code scope}: {@code address},
 * {@code everywhere} or {@code second-factor}).
 */
@Component
class LoginMetrics implements MeterBinder {

	private final LoginTally tally;

	LoginMetrics(LoginThrottle throttle) {
		this.tally = throttle.tally();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		count(registry, "dues.logins.failed", "Wrong passwords and one-time codes", "factor", "password",
				this.tally.wrongPasswords);
		count(registry, "dues.logins.failed", "Wrong passwords and one-time codes", "factor", "code",
				this.tally.wrongCodes);
		count(registry, "dues.logins.refused", "Logins refused unchecked while throttled", "factor", "password",
				this.tally.refusedPasswords);
		count(registry, "dues.logins.refused", "Logins refused unchecked while throttled", "factor", "code",
				this.tally.refusedCodes);
		count(registry, "dues.logins.lockouts", "Users locked out by failed logins", "scope", "address",
				this.tally.lockoutsFromAddress);
		count(registry, "dues.logins.lockouts", "Users locked out by failed logins", "scope", "everywhere",
				this.tally.lockoutsEverywhere);
		count(registry, "dues.logins.lockouts", "Users locked out by failed logins", "scope", "second-factor",
				this.tally.lockoutsOfCodes);
	}

	private static void count(MeterRegistry registry, String name, String description, String tag, String value,
			LongAdder adder) {
		FunctionCounter.builder(name, adder, LongAdder::sum)
			.description(description)
			.tag(tag, value)
			.register(registry);
	}

}
