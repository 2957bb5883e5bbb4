package org.dues.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time: the system's, which only the demo may hold at an earlier
 * instant while it writes the days before its first start ({@link ReplayClock}); tests
 * replace it with a fixed or movable clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return new ReplayClock();
	}

}
