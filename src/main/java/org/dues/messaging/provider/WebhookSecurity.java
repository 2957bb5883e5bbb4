package org.dues.messaging.provider;

import org.dues.identity.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Providers' webhooks ({@code /webhooks/**}) and the one-click unsubscribe
 * ({@code /unsubscribe/**}) are called by machines that hold no login and no CSRF token:
 * they pass Spring Security without either, keep no session, and each handler checks its
 * caller itself (the provider's signature, the secret in the URL, the sealed token).
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**", UnsubscribeLinks.PATH + "**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityHeaders::apply)
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
