package org.dues.identity;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two ways in: the API at {@code /api/**} takes HTTP Basic on every request and keeps no
 * session; the web UI logs in with a form, keeps a session (in PostgreSQL, see
 * {@link SessionTermination}) and checks CSRF tokens. Both check passwords behind
 * {@link LoginThrottle}. A web login of a user enrolled in a second factor, or holding a
 * role named in {@code DUES_MFA_REQUIRED_ROLES}, must also give a one-time code (Spring
 * Security's multi-factor authorization, factor {@link LoginFactors#TOTP}) before any
 * page; a user whose password was generated must change it first. The operator's
 * endpoints under {@code /actuator} have a chain of their own, {@link ActuatorSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	/** Every role but the field agent's: who works at a desk. */
	private static final String[] DESK = { Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(),
			Role.COMPLIANCE.name(), Role.ADMIN.name() };

	private static final String[] RECORDING_LISTENERS = { Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(),
			Role.COMPLIANCE.name() };

	private static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request");

	private static final AuthenticationEntryPoint LOGIN = new LoginUrlAuthenticationEntryPoint("/login");

	static final String[] PUBLIC = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			// the customers' pay pages: the token is the authority (forms keep CSRF)
			"/pay/**" };

	/** The pay page's chat widget (see messaging's ChatWidget). */
	static final String[] CHAT_WIDGET = { "/pay/*/chat", "/pay/*/chat/**" };

	/** Pages a login that still owes its second factor may reach. */
	static final String[] SECOND_STEP = { "/login/totp", "/account/totp", "/account/totp/**", "/logout" };

	/** Pages a login that must change its password may reach. */
	static final String[] PASSWORD_STEP = { "/account/password", "/login/totp", "/account/totp", "/account/totp/**",
			"/logout" };

	/*
	 * Each chain checks passwords through its own manager with no parent behind it: a
	 * parent would check a refused password a second time (and count it twice).
	 */

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, UserLogins users, PasswordEncoder passwords, LoginThrottle throttle,
			CredentialCache credentials, SecurityStamps stamps) throws Exception {
		ThrottledAuthentication throttled = new ThrottledAuthentication(users, passwords, throttle);
		return http.securityMatcher("/api/**")
			.authenticationManager(new ProviderManager(new CachingBasicAuthentication(throttled, stamps, credentials)))
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/creditors", "/api/v1/creditors/*/accounts",
						"/api/v1/creditors/*/mappings", "/api/v1/imports", "/api/v1/accounts/*/parties")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/teams")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name(), Role.TEAM_LEAD.name())
				.requestMatchers("/api/v1/users", "/api/v1/users/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/api/v1/teams", "/api/v1/teams/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				// a queue's filters are what its team reaches: a manager's decision, not
				// the lead's
				.requestMatchers(HttpMethod.POST, "/api/v1/queues")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/queues/*")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.DELETE, "/api/v1/queues/*")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/queues", "/api/v1/queues/**", "/api/v1/assignments", "/api/v1/supervisor/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/imports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				// reports: leads (their teams' agents), managers, compliance,
				// administrators
				.requestMatchers("/api/v1/reports/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				// managers set targets; agents read their own, leads their teams' (the
				// reporting module's TargetReader narrows the list)
				.requestMatchers(HttpMethod.PUT, "/api/v1/targets/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/targets", "/api/v1/targets/**")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// what is remitted to creditors, and the agency's commission on it
				.requestMatchers("/api/v1/creditors/*/remittances", "/api/v1/creditors/*/remittances/**",
						"/api/v1/creditors/*/remittance-terms", "/api/v1/remittances/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers("/api/v1/creditors/*/payment-link-settings")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/payment-links",
						"/api/v1/accounts/*/payment-links/**", "/api/v1/payment-links/bulk")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/creditors/*/bank-accounts", "/api/v1/creditors/*/bank-accounts/**",
						"/api/v1/bank-statement-mappings/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers("/api/v1/bank-statements", "/api/v1/bank-statements/**", "/api/v1/unapplied-payments",
						"/api/v1/unapplied-payments/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/payments", "/api/v1/accounts/*/payments/**",
						"/api/v1/accounts/*/contacts", "/api/v1/accounts/*/contacts/**",
						"/api/v1/accounts/*/dispositions", "/api/v1/accounts/*/notes")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*/contact-policy")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PATCH, "/api/v1/creditors/*/contact-policy")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/creditors/*/contact-policy/versions")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*/authority/*")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/accounts/*/assignment")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/work/**")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/approvals", "/api/v1/approvals/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// dial campaigns: leads and managers make, start and stop them
				.requestMatchers("/api/v1/campaigns", "/api/v1/campaigns/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/promises", "/api/v1/accounts/*/plans",
						"/api/v1/accounts/*/settlements", "/api/v1/accounts/*/waivers", "/api/v1/accounts/*/deferments",
						"/api/v1/arrangements/*/cancel")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// casework: a dispute's verification and the outcomes of disputes and
				// complaints are decided by leads, managers and compliance; legal
				// referrals are made by leads and managers and approved by managers
				.requestMatchers(HttpMethod.POST, "/api/v1/disputes/*/verification", "/api/v1/disputes/*/resolution",
						"/api/v1/complaints/*/resolution")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/legal-referrals/*/approval")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/legal-referrals", "/api/v1/legal-referrals/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/creditors/*/casework-settings")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/compliance/**")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// templates are written by managers, compliance and administrators;
				// anyone
				// previews one with an account they reach
				.requestMatchers(HttpMethod.POST, "/api/v1/templates/*/preview")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/v1/templates")
				.hasAnyRole(Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/templates/*", "/api/v1/creditors/*/messaging")
				.hasAnyRole(Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/messages", "/api/v1/messages/bulk",
						"/api/v1/messages/bulk/*/queue", "/api/v1/messages/bulk/*/cancel")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// every creditor's letters with names and addresses: the administrator
				// hands them to the print vendor
				.requestMatchers("/api/v1/print-batches", "/api/v1/print-batches/**")
				.hasRole(Role.ADMIN.name())
				// field visits: asked for from the desk; checked in and closed by the
				// field
				// agent they are given to; given out by leads and managers
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/visits")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/visits/*/check-in", "/api/v1/visits/*/outcome")
				.hasRole(Role.FIELD_AGENT.name())
				.requestMatchers(HttpMethod.PUT, "/api/v1/visits/*/assignment")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/visits", "/api/v1/visits/**")
				.hasAnyRole(Role.FIELD_AGENT.name(), Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(),
						Role.COMPLIANCE.name(), Role.ADMIN.name())
				// a field agent reads the accounts of their visits and works their
				// visits;
				// nothing of the creditors' set-up or the templates, and no compliance
				// record is theirs to write (the desk's and compliance's)
				.requestMatchers("/api/v1/creditors", "/api/v1/creditors/**", "/api/v1/templates",
						"/api/v1/templates/**")
				.hasAnyRole(DESK)
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/affordability", "/api/v1/accounts/*/blackouts",
						"/api/v1/accounts/*/channel-bans", "/api/v1/accounts/*/consents", "/api/v1/accounts/*/holds",
						"/api/v1/blackouts/*/lift", "/api/v1/channel-bans/*/lift", "/api/v1/consents/*/revoke",
						"/api/v1/holds/*/lift")
				.hasAnyRole(DESK)
				// external agencies: managers place and recall; an agency's manager (a
				// team
				// lead of the agency) reads their own agency (casework's AgencyAccess)
				.requestMatchers(HttpMethod.GET, "/api/v1/agencies/*", "/api/v1/agencies/*/placements",
						"/api/v1/agencies/*/performance", "/api/v1/placements/*", "/api/v1/placements/*/performance")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/agencies", "/api/v1/agencies/**", "/api/v1/placements/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				// call recordings: leads, managers and compliance hear an account's, an
				// agent their own calls'; the access log is compliance's (telephony's
				// RecordingAccess)
				.requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/recordings")
				.hasAnyRole(RECORDING_LISTENERS)
				.requestMatchers("/api/v1/recordings/**")
				.hasRole(Role.COMPLIANCE.name())
				// the simulated carrier's call-in: the demo's administrator
				.requestMatchers("/api/v1/telephony/simulated/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.addFilterAfter(new PasswordChangeFirst((request) -> false), BasicAuthenticationFilter.class)
			.exceptionHandling((ex) -> ex.accessDeniedHandler((request, response, denied) -> problem(response,
					HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Your role does not allow this.")))
			.csrf((csrf) -> csrf.disable())
			.headers(SecurityConfiguration::headers)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * No observation of each filter, authentication and authorization: Spring Security
	 * would otherwise open several observations (each with its timers) inside every
	 * request, a cost that a shift's burst of asks pays 200 times over on two cores. The
	 * request as a whole is still observed ({@code http.server.requests}), and logins are
	 * counted by {@link LoginMetrics}.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Sessions' attributes written with an upsert: two requests of one session that both
	 * add the same attribute (a page's fragments load side by side after a login, each
	 * finding the lead's floor zone) store it once instead of failing the second with a
	 * duplicate key (a 500 on that fragment).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, UserLogins users, PasswordEncoder passwords, LoginThrottle throttle,
			@Value("${dues.mfa.required-roles:}") String mfaRoles) throws Exception {
		ThrottledAuthentication throttled = new ThrottledAuthentication(users, passwords, throttle);
		AuthenticationEntryPoint secondStep = htmxAware(new LoginUrlAuthenticationEntryPoint("/login/totp"),
				"/login/totp");
		return http.authenticationManager(new ProviderManager(throttled))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers("/imports", "/imports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers("/remittances", "/remittances/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers(HttpMethod.POST, "/desk/next", "/accounts/*/desk/call", "/accounts/*/desk/outcome",
						"/accounts/*/desk/notes", "/accounts/*/desk/verify", "/accounts/*/arrangements/**",
						"/accounts/*/messages", "/accounts/*/messages/preview", "/accounts/*/messages/reply",
						"/accounts/*/payments", "/accounts/*/payments/**")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// mapping profiles and the authority of agents and leads are managers'
				// too, as
				// in the API
				.requestMatchers("/admin/mappings", "/admin/mappings/**", "/admin/authority", "/admin/authority/**")
				.hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
				.requestMatchers("/admin", "/admin/**")
				.hasRole(Role.ADMIN.name())
				// managers define, change and delete queues; leads pause and resume them
				.requestMatchers(HttpMethod.POST, "/queues", "/queues/*", "/queues/*/delete")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/queues", "/queues/**", "/supervisor", "/supervisor/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/approvals", "/approvals/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/campaigns", "/campaigns/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// a creditor's bank accounts and the CSV mappings: as on the API
				.requestMatchers("/reconciliation/bank-accounts", "/reconciliation/bank-accounts/**",
						"/reconciliation/mappings", "/reconciliation/mappings/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/reconciliation", "/reconciliation/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// the reports and the packs scheduled by email: managers decide,
				// compliance
				// officers read
				.requestMatchers(HttpMethod.POST, "/reports", "/reports/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/reports", "/reports/**")
				.hasAnyRole(Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				// agents read their own scorecard, leads their teams', managers
				// everyone's
				.requestMatchers("/scorecard")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// managers set and import targets; agents read their own, leads their
				// teams'
				.requestMatchers(HttpMethod.GET, "/targets/mine")
				.hasAnyRole(DESK)
				.requestMatchers(HttpMethod.POST, "/targets", "/targets/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/targets", "/targets/**")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// managers, compliance and administrators write the message templates
				.requestMatchers("/templates", "/templates/**")
				.hasAnyRole(Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				// the complaints register: every complaint with what the customer said
				.requestMatchers("/cases/complaints.csv")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/cases/*/verification")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/cases/*/approval")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/accounts/*/legal-referrals", "/cases/*/stages", "/cases/*/hearings",
						"/cases/*/costs")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// call recordings (as on the API) and their access log
				.requestMatchers(HttpMethod.GET, "/accounts/*/recordings", "/recordings/**")
				.hasAnyRole(RECORDING_LISTENERS)
				.requestMatchers("/compliance/recordings")
				.hasRole(Role.COMPLIANCE.name())
				// the simulated carrier's call-in: the demo's administrator
				.requestMatchers("/telephony/sandbox", "/telephony/sandbox/**")
				.hasRole(Role.ADMIN.name())
				// the audit trail, the contact policies and the blocked attempts
				.requestMatchers("/compliance", "/compliance/**")
				.hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
				// the desk works queues of accounts: no field agent's (they work the
				// visits given to them)
				.requestMatchers("/desk", "/desk/**")
				.hasAnyRole(DESK)
				// field visits: the lead's day and the field areas; the field agent's own
				// page; a visit asked for from the desk
				.requestMatchers(HttpMethod.POST, "/field/visits/rule")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/field/visits", "/field/visits/**", "/field/areas", "/field/areas/**")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/field", "/field/**")
				.hasRole(Role.FIELD_AGENT.name())
				.requestMatchers(HttpMethod.POST, "/accounts/*/visits")
				.hasAnyRole(Role.AGENT.name(), Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				// no compliance record is a field agent's to write, nor the sandbox of
				// simulated messages theirs to read
				.requestMatchers(HttpMethod.POST, "/accounts/*/compliance/**")
				.hasAnyRole(DESK)
				.requestMatchers("/sandbox", "/sandbox/**")
				.hasAnyRole(DESK)
				// external agencies: managers' pages; an agency's manager sees their own
				// agency's page
				.requestMatchers(HttpMethod.GET, "/agencies/*")
				.hasAnyRole(Role.TEAM_LEAD.name(), Role.MANAGER.name(), Role.ADMIN.name())
				.requestMatchers("/agencies", "/agencies/**")
				.hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.addFilterAfter(new SecondFactorFilter(secondFactor(requiredRoles(mfaRoles))), AuthorizationFilter.class)
			.addFilterAfter(new PasswordChangeFirst(paths(PASSWORD_STEP)), SecondFactorFilter.class)
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(htmxAware(LOGIN, "/login"))
				.defaultDeniedHandlerForMissingAuthority(secondStep, LoginFactors.TOTP))
			.sessionManagement((session) -> session.invalidSessionStrategy((request, response) -> {
				request.getSession(true);
				if (HTMX.matches(request)) {
					htmxRedirect(response, "/login?expired");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
			}))
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + ((ex instanceof LoginThrottledException locked)
							? "/login?locked=" + locked.retryAfterMinutes() : "/login?error")))
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION").permitAll())
			// the pay page's chat: the pay link's token and the chat's secret are the
			// authority, sent in the request, and no cookie is: nothing to forge
			.csrf((csrf) -> csrf.ignoringRequestMatchers(paths(CHAT_WIDGET)))
			.headers(SecurityConfiguration::headers)
			.build();
	}

	/** The roles named in {@code DUES_MFA_REQUIRED_ROLES}. */
	static Set<Role> requiredRoles(String names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(names.split("[,\\s]+"))
			.filter((name) -> !name.isBlank())
			.map((name) -> Role.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^ROLE_", "")))
			.forEach(roles::add);
		return roles;
	}

	/**
	 * A one-time code is owed by a login enrolled in a second factor or holding a role
	 * that requires one; the pages of the second step and the public ones are reachable
	 * without.
	 */
	static AuthorizationManager<HttpServletRequest> secondFactor(Set<Role> required) {
		Predicate<Authentication> owes = (login) -> LoginFactors.has(login, LoginFactors.TOTP_ENROLLED)
				|| required.stream().anyMatch((role) -> LoginFactors.has(login, role.authority()));
		AuthorizationManager<RequestAuthorizationContext> factor = AuthorizationManagerFactories
			.<RequestAuthorizationContext>multiFactor()
			.requireFactors(LoginFactors.TOTP)
			.when(owes)
			.build()
			.authenticated();
		AuthorizationManager<RequestAuthorizationContext> open = (authentication,
				context) -> new AuthorizationDecision(true);
		return RequestMatcherDelegatingAuthorizationManager.builder()
			.add(paths(PUBLIC), open)
			.add(paths(SECOND_STEP), open)
			.add(AnyRequestMatcher.INSTANCE, factor)
			.build();
	}

	static RequestMatcher paths(String... patterns) {
		return new OrRequestMatcher(
				Arrays.stream(patterns).<RequestMatcher>map(PathPatternRequestMatcher::pathPattern).toList());
	}

	private static AuthenticationEntryPoint htmxAware(AuthenticationEntryPoint page, String location) {
		return (request, response, denied) -> {
			if (HTMX.matches(request)) {
				htmxRedirect(response, location);
			}
			else {
				page.commence(request, response, denied);
			}
		};
	}

	static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof LoginThrottledException locked) {
			response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
			problem(response, 429, "Too Many Requests",
					"Too many failed logins for this user or from this address; try again in %d seconds or ask an administrator to unlock the user."
						.formatted(locked.retryAfterSeconds()));
			return;
		}
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
				"Send HTTP Basic credentials of a Dues user.");
	}

	/** The second factor's check, after the usual authorization. */
	static final class SecondFactorFilter extends AuthorizationFilter {

		SecondFactorFilter(AuthorizationManager<HttpServletRequest> manager) {
			super(manager);
		}

	}

	/**
	 * A login that must change its password reaches nothing else first: a page answers
	 * with a redirect to the change form, the API with 403.
	 */
	static final class PasswordChangeFirst extends OncePerRequestFilter {

		private final RequestMatcher allowed;

		PasswordChangeFirst(RequestMatcher allowed) {
			this.allowed = allowed;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication login = SecurityContextHolder.getContext().getAuthentication();
			if (login == null || !LoginFactors.has(login, LoginFactors.PASSWORD_CHANGE_REQUIRED)
					|| this.allowed.matches(request) || paths(PUBLIC).matches(request)) {
				chain.doFilter(request, response);
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
				problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
						"Change your password first: log in to the web UI, which asks for a new one.");
			}
			else if (HTMX.matches(request)) {
				htmxRedirect(response, "/account/password");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/account/password");
			}
		}

	}

	/**
	 * Pages load scripts and styles from Dues itself only, nothing inline (htmx's
	 * indicator styles are in dues.css); no framing; no referrer beyond the origin to
	 * other sites; no camera, microphone or payment APIs, and the location only to Dues'
	 * own pages (a field agent's check-in records where the phone is); HSTS on requests
	 * that came over TLS (Spring Security writes it only for those).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
			+ "display-capture=()";

	static void headers(HeadersConfigurer<HttpSecurity> headers) {
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

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
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
