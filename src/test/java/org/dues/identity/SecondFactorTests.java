package org.dues.identity;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.TestAgents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A one-time code as the second factor of web logins: enrolment from one's own page, the
 * code asked before any page at every later login, once per code; roles named in
 * {@code DUES_MFA_REQUIRED_ROLES} owe a code even before enrolling.
 */
@IntegrationTest
class SecondFactorTests {

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	MutableClock clock;

	@Autowired
	org.dues.compliance.AuditTrail audit;

	@Test
	void anEnrolledUserGivesACodeBeforeAnyPage() throws Exception {
		this.agents.user("sf-agent", "agent-passphrase-one", Role.AGENT);
		MockHttpSession first = login("sf-agent", "agent-passphrase-one");
		this.mvc.perform(get("/accounts").session(first)).andExpect(status().isOk());
		String secret = (String) this.mvc.perform(get("/account/totp").session(first))
			.andExpect(content().string(containsString("id=\"totp-uri\"")))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("secret");
		this.mvc.perform(get("/account/totp/qr.svg").session(first))
			.andExpect(header().string("Content-Type", containsString("image/svg+xml")));
		this.mvc
			.perform(post("/account/totp").session(first)
				.with(csrf())
				.param("current", "agent-passphrase-one")
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(redirectedUrl("/"));
		assertThat(this.secondFactor.enrolled("sf-agent")).isTrue();

		MockHttpSession next = login("sf-agent", "agent-passphrase-one");
		this.mvc.perform(get("/accounts").session(next))
			.andExpect(redirectedUrl("/login/totp?factor.type=totp&factor.reason=missing"));
		// enrolling another app does not skip the code
		this.mvc.perform(get("/account/totp").session(next)).andExpect(redirectedUrl("/login/totp"));
		this.mvc.perform(post("/login/totp").session(next).with(csrf()).param("code", "000000"))
			.andExpect(content().string(containsString("That code is not right")));
		// the code that enrolled does not work twice; the next one does
		this.mvc
			.perform(post("/login/totp").session(next)
				.with(csrf())
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(status().isOk());
		this.clock.advance(Duration.ofSeconds(30));
		this.mvc
			.perform(post("/login/totp").session(next)
				.with(csrf())
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(redirectedUrl("http://localhost/accounts?continue"));
		this.mvc.perform(get("/accounts").session(next)).andExpect(status().isOk());
		// the API takes HTTP Basic alone
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sf-agent", "agent-passphrase-one")))
			.andExpect(status().isOk());

		// the phone is lost: an administrator removes the app, the user's sessions end,
		// and
		// the next login asks for no code until a new app is set up
		this.mvc
			.perform(post("/api/v1/users/{u}/second-factor/reset", "sf-agent").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNoContent());
		assertThat(this.secondFactor.enrolled("sf-agent")).isFalse();
		this.mvc.perform(get("/accounts").session(next)).andExpect(redirectedUrl("/login?expired"));
		assertThat(this.audit.latest(1).get(0).action()).isEqualTo("SECOND_FACTOR_RESET");
		MockHttpSession after = login("sf-agent", "agent-passphrase-one");
		this.mvc.perform(get("/accounts").session(after)).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/users/{u}/second-factor/reset", "nobody-here")
				.with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRequiredRoleOwesACodeAndIsSentToEnrolFirst() throws Exception {
		AuthorizationManager<HttpServletRequest> rule = SecurityConfiguration
			.secondFactor(SecurityConfiguration.requiredRoles("ADMIN, compliance"));
		assertThat(SecurityConfiguration.requiredRoles("")).isEmpty();
		assertThat(granted(rule, login(Role.ADMIN), "/accounts")).isFalse();
		assertThat(granted(rule, login(Role.COMPLIANCE), "/admin")).isFalse();
		assertThat(granted(rule, login(Role.AGENT), "/accounts")).isTrue();
		assertThat(granted(rule, withCode(login(Role.ADMIN)), "/accounts")).isTrue();
		assertThat(granted(rule, login(Role.ADMIN), "/login/totp")).isTrue();
		assertThat(granted(rule, login(Role.ADMIN), "/account/totp")).isTrue();

		// a login owing a code without an app is sent to enrol
		this.agents.officer("sf-new", "new-passphrase-one");
		MockHttpSession session = login("sf-new", "new-passphrase-one");
		this.mvc.perform(get("/login/totp").session(session)).andExpect(redirectedUrl("/account/totp"));
	}

	@Test
	void wrongCodesCountOnTheirOwnAndARightPasswordDoesNotForgetThem() throws Exception {
		// H3: a right password used to refill the bucket the wrong codes were counted in
		this.agents.user("sf-guess", "guess-passphrase-one", Role.AGENT);
		String secret = enrol("sf-guess", "guess-passphrase-one");
		this.clock.advance(Duration.ofSeconds(30));
		for (int round = 0; round < 2; round++) {
			MockHttpSession session = login("sf-guess", "guess-passphrase-one");
			for (int i = 0; i < 3; i++) {
				this.mvc.perform(post("/login/totp").session(session)
					.with(csrf())
					.with(SessionsAndLoginsTests.from("192.0.2.151"))
					.param("code", "00000" + i));
			}
		}
		MockHttpSession session = login("sf-guess", "guess-passphrase-one");
		this.mvc
			.perform(post("/login/totp").session(session)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.151"))
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(status().isOk())
			.andExpect(model().attribute("lockedMinutes", org.hamcrest.Matchers.greaterThan(0L)));
		assertThat(this.audit.latest(5)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("LOGIN_LOCKED_OUT");
			assertThat(entry.subject()).isEqualTo("user:sf-guess");
		});
		// passwords are not locked by wrong codes: the API still takes the password
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sf-guess", "guess-passphrase-one"))
				.with(SessionsAndLoginsTests.from("192.0.2.151")))
			.andExpect(status().isOk());
		// an unlock lets the codes be tried again; a right one is taken
		this.mvc.perform(post("/api/v1/users/sf-guess/unlock").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/login/totp").session(session)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.151"))
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void enrollingAnAppAsksForTheCurrentPasswordAndEndsTheOtherSessions() throws Exception {
		// H3: a stolen session used to be enough to put the thief's app on the account
		this.agents.user("sf-thief", "thief-passphrase-one", Role.AGENT);
		MockHttpSession stolen = login("sf-thief", "thief-passphrase-one");
		MockHttpSession other = login("sf-thief", "thief-passphrase-one");
		String secret = secretOf(stolen);
		this.mvc
			.perform(post("/account/totp").session(stolen)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.152"))
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(content().string(containsString("id=\"totp-problem\"")));
		this.mvc
			.perform(post("/account/totp").session(stolen)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.152"))
				.param("current", "not-the-password")
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(content().string(containsString("is not your current password")));
		assertThat(this.secondFactor.enrolled("sf-thief")).isFalse();

		this.mvc
			.perform(post("/account/totp").session(other)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.152"))
				.param("current", "thief-passphrase-one")
				.param("code", this.secondFactor.codeAt(secretOf(other), this.clock.instant())))
			.andExpect(redirectedUrl("/"));
		assertThat(this.secondFactor.enrolled("sf-thief")).isTrue();
		this.mvc.perform(get("/accounts").session(other)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts").session(stolen)).andExpect(redirectedUrl("/login?expired"));
	}

	private String enrol(String username, String password) throws Exception {
		MockHttpSession session = login(username, password);
		String secret = secretOf(session);
		this.mvc
			.perform(post("/account/totp").session(session)
				.with(csrf())
				.param("current", password)
				.param("code", this.secondFactor.codeAt(secret, this.clock.instant())))
			.andExpect(redirectedUrl("/"));
		return secret;
	}

	private String secretOf(MockHttpSession session) throws Exception {
		return (String) this.mvc.perform(get("/account/totp").session(session))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("secret");
	}

	private static boolean granted(AuthorizationManager<HttpServletRequest> rule, Authentication login, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		return rule.authorize(() -> login, request).isGranted();
	}

	private static Authentication login(Role role) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", null,
				List.of(new SimpleGrantedAuthority(role.authority()),
						FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
	}

	private static Authentication withCode(Authentication login) {
		return LoginFactors.withSecondFactor(login);
	}

	private MockHttpSession login(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post("/login").param("username", username)
				.param("password", password)
				.with(csrf())
				.with(SessionsAndLoginsTests.from("192.0.2.150"))
				.session(session))
			.andExpect(redirectedUrl("/"));
		return session;
	}

}
