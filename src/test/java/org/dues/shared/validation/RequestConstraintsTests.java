package org.dues.shared.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request constraints as Spring builds them (validators given the clock bean), on
 * records like the modules' requests: each violation names its field, once, with its
 * message.
 */
class RequestConstraintsTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final GenericApplicationContext context = new GenericApplicationContext();

	final Validator validator = validator();

	Validator validator() {
		this.context.registerBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));
		this.context.refresh();
		LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
		factory.setApplicationContext(this.context);
		factory.afterPropertiesSet();
		return factory;
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	record Pay(@NotBlank(message = Keys.REQUIRED) @Amount @Nullable String amount) {
	}

	@EndsAfterStart(start = "receivedAt", end = "endsAt")
	record Hold(@NotInFuture @Nullable Instant receivedAt, @Nullable Instant endsAt) {
	}

	record Choose(@OneOf(Kind.class) @Nullable String kind, @IsoDate @Nullable String on,
			@CurrencyCode @Nullable String currency) {
	}

	enum Kind {

		CASH, UPI

	}

	List<String> errors(Object request) {
		Set<ConstraintViolation<Object>> violations = this.validator.validate(request);
		return violations.stream().map((v) -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
	}

	@Test
	void anAmountHasNoMorePlacesThanAnyCurrency() {
		assertThat(errors(new Pay("10.55555"))).containsExactly("amount: '10.55555' has more than 4 decimal places");
		assertThat(errors(new Pay("10.555"))).as("a dinar's three places").isEmpty();
		assertThat(errors(new Pay("10.55"))).isEmpty();
		assertThat(errors(new Pay("10.5500"))).as("trailing zeros are no places").isEmpty();
		assertThat(errors(new Pay("2600"))).isEmpty();
	}

	@Test
	void anAmountIsADecimalAboveZeroAndBelowTheLimit() {
		assertThat(errors(new Pay("abc"))).containsExactly("amount: 'abc' is not a decimal amount such as 2600.00");
		assertThat(errors(new Pay("1e5"))).containsExactly("amount: '1e5' is not a decimal amount such as 2600.00");
		assertThat(errors(new Pay("0"))).containsExactly("amount: must be greater than zero");
		assertThat(errors(new Pay("-5"))).containsExactly("amount: must be greater than zero");
		assertThat(errors(new Pay("1000000000000.01"))).containsExactly("amount: is too large");
		assertThat(errors(new Pay(" "))).containsExactly("amount: is required");
		assertThat(errors(new Pay(null))).containsExactly("amount: is required");
	}

	@Test
	void textACallerSentIsNeverInterpolated() {
		assertThat(errors(new Pay("${1+1}")))
			.containsExactly("amount: '${1+1}' is not a decimal amount such as 2600.00");
		assertThat(errors(new Pay("{dues.validation.required}")))
			.containsExactly("amount: '{dues.validation.required}' is not a decimal amount such as 2600.00");
	}

	@Test
	void aClassLevelRuleNamesTheFieldItConcerns() {
		Instant received = NOW.minusSeconds(3600);
		assertThat(errors(new Hold(received, received.minusSeconds(1))))
			.containsExactly("endsAt: must come after " + received);
		assertThat(errors(new Hold(received, received.plusSeconds(1)))).isEmpty();
		assertThat(errors(new Hold(null, NOW.minusSeconds(1)))).as("an absent start is now, by the injected clock")
			.containsExactly("endsAt: must come after " + NOW);
		assertThat(errors(new Hold(null, null))).isEmpty();
	}

	@Test
	void notInTheFutureIsByTheInjectedClock() {
		assertThat(errors(new Hold(NOW, null))).isEmpty();
		assertThat(errors(new Hold(NOW.plusSeconds(1), null)))
			.containsExactly("receivedAt: " + NOW.plusSeconds(1) + " lies in the future");
	}

	@Test
	void choicesDatesAndCurrencies() {
		assertThat(errors(new Choose("upi", "2026-12-01", "inr"))).isEmpty();
		assertThat(errors(new Choose("PIGEON", "2026-13-01", "RUPEES"))).containsExactly(
				"currency: must be an ISO 4217 currency code", "kind: 'PIGEON' is not one of [CASH, UPI]",
				"on: '2026-13-01' is not a date yyyy-MM-dd");
		assertThat(errors(new Choose(null, "0001-01-01", null)))
			.containsExactly("on: must lie between 1900-01-01 and 2199-12-31");
	}

}
