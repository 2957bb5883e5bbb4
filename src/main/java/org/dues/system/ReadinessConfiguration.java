package org.dues.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Requests before Dues is ready: Tomcat listens before the application runners (the demo
 * loader among them) have finished, and readiness stays {@code REFUSING_TRAFFIC} until
 * they have; meanwhile {@link NotReadyFilter} answers 503, ahead of the sessions and the
 * security filters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ReadinessConfiguration {

	@Bean
	FilterRegistrationBean<NotReadyFilter> notReadyFilter(ApplicationAvailability availability, MessageSource messages,
			RuntimeMode mode) {
		FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(
				new NotReadyFilter(availability, messages, mode.demo()));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

}
