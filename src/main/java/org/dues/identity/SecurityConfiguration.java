package org.dues.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in: the API at {@code /api/**} takes HTTP Basic on every request and keeps no
 * session; the web UI logs in with a form, keeps a session and checks CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	private static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request");

	private static final AuthenticationEntryPoint LOGIN = new LoginUrlAuthenticationEntryPoint("/login");

	static final String[] PUBLIC = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
			"/actuator/health", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, UserManagement users, PasswordEncoder passwords,
			CredentialCache credentials) throws Exception {
		return http.securityMatcher("/api/**")
			.authenticationProvider(new CachingBasicAuthentication(users, passwords, credentials))
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/creditors", "/api/v1/creditors/*/accounts",
						"/api/v1/creditors/*/mappings", "/api/v1/imports")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/teams")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name(), Role.TEAM_LEAD.name())
				.requestMatchers("/api/v1/users", "/api/v1/users/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/api/v1/teams", "/api/v1/teams/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers("/api/v1/queues", "/api/v1/queues/**", "/api/v1/assignments", "/api/v1/supervisor/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/imports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/payments", "/api/v1/accounts/*/payments/**",
						"/api/v1/accounts/*/contacts", "/api/v1/accounts/*/contacts/**",
						"/api/v1/accounts/*/dispositions", "/api/v1/accounts/*/notes")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*/contact-policy")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*/authority/*")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/accounts/*/assignment")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/work/**")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/approvals", "/api/v1/approvals/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/promises", "/api/v1/accounts/*/plans",
						"/api/v1/accounts/*/settlements", "/api/v1/accounts/*/waivers", "/api/v1/accounts/*/deferments",
						"/api/v1/arrangements/*/cancel")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/compliance/**")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/holds/*/lift", "/api/v1/blackouts/*/lift",
						"/api/v1/channel-bans/*/lift")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(
					(request, response, ex) -> problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
							"Send HTTP Basic credentials of a Dues user.")))
			.exceptionHandling((ex) -> ex.accessDeniedHandler((request, response, denied) -> problem(response,
					HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this.")))
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::headers)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((auth) -> auth.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers("/imports", "/imports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/desk/next", "/accounts/*/desk/call", "/accounts/*/desk/outcome",
						"/accounts/*/desk/notes")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/admin", "/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/queues", "/queues/**", "/supervisor", "/supervisor/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/approvals", "/approvals/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/accounts/*/compliance/holds/*/lift",
						"/accounts/*/compliance/blackouts/*/lift", "/accounts/*/compliance/bans/*/lift")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint((request, response, denied) -> {
				if (HTMX.matches(request)) {
					htmxRedirect(response, "/login");
				}
				else {
					LOGIN.commence(request, response, denied);
				}
			}))
			.sessionManagement((session) -> session.invalidSessionStrategy((request, response) -> {
				request.getSession(true);
				if (HTMX.matches(request)) {
					htmxRedirect(response, "/login?expired");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
			}))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID").permitAll())
			.headers(SecurityConfiguration::headers)
			.build();
	}

	/**
	 * Pages load scripts and styles from Dues itself only, nothing inline (htmx's
	 * indicator styles are in dues.css); no framing; no referrer beyond the origin to
	 * other sites; no camera, microphone, location or payment APIs; HSTS on requests that
	 * came over TLS (Spring Security writes it only for those).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
			+ "display-capture=()";

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY))
			.frameOptions((frames) -> frames.deny())
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

	/** An htmx request whose session is gone: send the whole page to the login form. */
	private static void htmxRedirect(HttpServletResponse response, String location) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("HX-Redirect", location);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Dues\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title,
					status, detail));
	}

}
