package org.dues.identity;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The operator's endpoints under {@code /actuator}: health and its liveness and readiness
 * probes answer anyone (a load balancer or Kubernetes sends no credentials), with the
 * status alone unless the caller is an administrator; everything else exposed (the
 * Prometheus scrape, info) takes HTTP Basic of an administrator or of the
 * {@link ScrapeCredential}, keeps no session and answers 401 without credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ActuatorSecurity {

	static final String[] PROBES = { "/actuator/health", "/actuator/health/**" };

	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, UserLogins users, PasswordEncoder passwords, LoginThrottle throttle,
			CredentialCache credentials, SecurityStamps stamps,
			@Value("${dues.metrics.username:metrics}") String scrapeName,
			@Value("${dues.metrics.password:}") String scrapePassword) throws Exception {
		ThrottledAuthentication throttled = new ThrottledAuthentication(users, passwords, throttle);
		ScrapeCredential scrape = new ScrapeCredential(scrapeName, scrapePassword, throttle,
				new CachingBasicAuthentication(throttled, stamps, credentials));
		return http.securityMatcher("/actuator/**")
			.authenticationManager(new ProviderManager(scrape))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(PROBES)
				.permitAll()
				.anyRequest()
				.hasAnyAuthority(Role.ADMIN.authority(), ScrapeCredential.AUTHORITY))
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.addFilterAfter(new SecurityConfiguration.PasswordChangeFirst(SecurityConfiguration.paths(PROBES)),
					BasicAuthenticationFilter.class)
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(SecurityConfiguration::unauthorized)
				.accessDeniedHandler((request, response, denied) -> SecurityConfiguration.problem(response,
						HttpServletResponse.SC_FORBIDDEN, "Forbidden",
						"Only an administrator or the metrics scrape credential may read this.")))
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::headers)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
