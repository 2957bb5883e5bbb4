package org.dues.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.system.RuntimeMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end when rights change; logins are throttled and locked out per user and per
 * address; passwords follow the policy; a generated administrator password must be
 * changed.
 */
@IntegrationTest
class SessionsAndLoginsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserLogins logins;

	@Autowired
	LoginThrottle throttle;

	@Test
	void whoMayDoWhatIsChangedOnlyWithARecordInTheAuditTrail(@Autowired org.dues.compliance.AuditTrail audit)
			throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(httpBasic("admin", "admin-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("""
						{"username": "sl-audited", "displayName": "Audited", "password": "audited-passphrase-one",
						 "roles": ["AGENT"], "languages": ["en"]}"""))
			.andExpect(status().isCreated());
		this.mvc
			.perform(put("/api/v1/users/sl-audited").with(httpBasic("admin", "admin-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("""
						{"roles": ["ADMIN"], "password": "audited-passphrase-two"}"""))
			.andExpect(status().isOk());
		List<org.dues.compliance.AuditTrail.Entry> latest = audit.latest(3);
		assertThat(latest).extracting(org.dues.compliance.AuditTrail.Entry::action)
			.containsExactlyInAnyOrder("USER_CREATED", "USER_ROLES_OR_STATUS_CHANGED", "USER_PASSWORD_RESET");
		assertThat(latest).allSatisfy((e) -> {
			assertThat(e.actor()).isEqualTo("admin");
			assertThat(e.subject()).isEqualTo("user:sl-audited");
		});
		assertThat(latest).filteredOn((e) -> e.action().equals("USER_ROLES_OR_STATUS_CHANGED"))
			.singleElement()
			.satisfies((e) -> assertThat(e.payload()).contains("ADMIN"));
	}

	@Test
	void aDemotedAdministratorsOpenSessionEndsAndCannotCreateAnAdministrator() throws Exception {
		user("sl-boss", "boss-passphrase-one", Role.ADMIN);
		MockHttpSession session = login("sl-boss", "boss-passphrase-one", "192.0.2.1");
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());

		this.mvc
			.perform(put("/api/v1/users/sl-boss").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"roles": ["AGENT"]}"""))
			.andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/users").session(session)
				.with(csrf())
				.param("username", "sl-rogue")
				.param("displayName", "Rogue")
				.param("password", "rogue-passphrase-long")
				.param("roles", "ADMIN"))
			.andExpect(redirectedUrl("/login?expired"));
		assertThat(this.users.find("sl-rogue")).isEmpty();
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
		user("sl-cookie", "cookie-passphrase-one", Role.AGENT);
		List<String> cookies = this.mvc
			.perform(post("/login").param("username", "sl-cookie")
				.param("password", "cookie-passphrase-one")
				.with(csrf())
				.with(from("192.0.2.70")))
			.andReturn()
			.getResponse()
			.getHeaders("Set-Cookie");
		assertThat(cookies).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void aDisabledUsersOpenSessionEnds() throws Exception {
		user("sl-gone", "gone-passphrase-one", Role.AGENT);
		MockHttpSession session = login("sl-gone", "gone-passphrase-one", "192.0.2.2");
		this.mvc.perform(get("/accounts").session(session)).andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/users/sl-gone").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"enabled": false}"""))
			.andExpect(status().isOk());
		this.mvc.perform(get("/accounts").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndKeepsTheOneItWasMadeIn() throws Exception {
		user("sl-change", "change-passphrase-one", Role.AGENT);
		MockHttpSession laptop = login("sl-change", "change-passphrase-one", "192.0.2.3");
		MockHttpSession phone = login("sl-change", "change-passphrase-one", "192.0.2.4");
		this.mvc
			.perform(post("/account/password").session(laptop)
				.with(csrf())
				.param("current", "change-passphrase-one")
				.param("password", "change-passphrase-two")
				.param("confirm", "change-passphrase-two"))
			.andExpect(redirectedUrl("/account?changed"));
		this.mvc.perform(get("/accounts").session(laptop)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts").session(phone)).andExpect(redirectedUrl("/login?expired"));

		// an administrator's reset ends every session, the API's cached credentials too
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sl-change", "change-passphrase-two")))
			.andExpect(status().isOk());
		this.users.setPassword("sl-change", "change-passphrase-three", "admin");
		this.mvc.perform(get("/accounts").session(laptop)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sl-change", "change-passphrase-two")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void fortyWrongPasswordsForOneUserThenTheRightOneIsRefusedUntilAnAdministratorUnlocks() throws Exception {
		user("sl-target", "target-passphrase-one", Role.AGENT);
		for (int i = 0; i < 40; i++) {
			this.mvc.perform(
					get("/api/v1/creditors").with(httpBasic("sl-target", "guess-" + i)).with(from("198.51.100." + i)));
		}
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-target", "target-passphrase-one"))
				.with(from("198.51.100.200")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// the web form too, with a message
		this.mvc
			.perform(post("/login").param("username", "sl-target")
				.param("password", "target-passphrase-one")
				.with(csrf())
				.with(from("198.51.100.201")))
			.andExpect(header().string("Location", startsWith("/login?locked=")));
		assertThat(audit("sl-target")).contains("LOGIN_LOCKED_OUT");

		this.mvc.perform(get("/admin")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("x")
				.roles("ADMIN")))
			.andExpect(content().string(containsString("data-locked=\"sl-target\"")));
		this.mvc.perform(post("/api/v1/users/sl-target/unlock").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNoContent());
		assertThat(audit("sl-target")).contains("LOGIN_UNLOCKED");
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-target", "target-passphrase-one"))
				.with(from("198.51.100.202")))
			.andExpect(status().isOk());
	}

	@Test
	void fortyWrongPasswordsFromOneAddressThenTheRightOneFromThereIsRefused() throws Exception {
		user("sl-victim", "victim-passphrase-one", Role.AGENT);
		for (int i = 0; i < 40; i++) {
			this.mvc
				.perform(get("/api/v1/creditors").with(httpBasic("sl-spray-" + i, "guess")).with(from("203.0.113.9")));
		}
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-victim", "victim-passphrase-one"))
				.with(from("203.0.113.9")))
			.andExpect(status().isTooManyRequests());
		this.mvc
			.perform(post("/login").param("username", "sl-victim")
				.param("password", "victim-passphrase-one")
				.with(csrf())
				.with(from("203.0.113.9")))
			.andExpect(header().string("Location", startsWith("/login?locked=")));
		// the user is not locked: from elsewhere the password works
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-victim", "victim-passphrase-one"))
				.with(from("203.0.113.10")))
			.andExpect(status().isOk());
	}

	@Test
	void theDelaysGrowWithTheFailuresFromOneAddressAndLockOnlyThatAddressOut() throws Exception {
		user("sl-slow", "slow-passphrase-one", Role.AGENT);
		Instant start = this.clock.instant();
		try {
			long first = 0;
			long last = 0;
			int failures = 0;
			while (failures < 12) {
				ResultActions attempt = this.mvc
					.perform(get("/api/v1/creditors").with(httpBasic("sl-slow", "guess-" + failures))
						.with(from("192.0.2.100")));
				int status = attempt.andReturn().getResponse().getStatus();
				if (status == 429) {
					last = Long.parseLong(attempt.andReturn().getResponse().getHeader("Retry-After"));
					first = (first == 0) ? last : first;
					this.clock.advance(Duration.ofSeconds(last));
				}
				else {
					assertThat(status).isEqualTo(401);
					failures++;
				}
			}
			this.mvc
				.perform(get("/api/v1/creditors").with(httpBasic("sl-slow", "slow-passphrase-one"))
					.with(from("192.0.2.100")))
				.andExpect(status().isTooManyRequests());
			assertThat(first).isBetween(1L, 60L);
			assertThat(last).isGreaterThan(300L);
			// the user is not locked out of every other address
			this.mvc
				.perform(get("/api/v1/creditors").with(httpBasic("sl-slow", "slow-passphrase-one"))
					.with(from("192.0.2.99")))
				.andExpect(status().isOk());
		}
		finally {
			this.clock.set(start);
		}
	}

	@Test
	void anAttackerGuessingFromOneAddressDoesNotLockTheUserOut() throws Exception {
		// H4: one wrong password now and then used to keep any user locked for good
		user("sl-dos", "dos-passphrase-one", Role.ADMIN);
		for (int i = 0; i < 8; i++) {
			this.mvc
				.perform(get("/api/v1/creditors").with(httpBasic("sl-dos", "guess-" + i)).with(from("203.0.113.50")));
		}
		this.mvc
			.perform(
					get("/api/v1/creditors").with(httpBasic("sl-dos", "dos-passphrase-one")).with(from("203.0.113.50")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-dos", "dos-passphrase-one")).with(from("192.0.2.51")))
			.andExpect(status().isOk());
		MockHttpSession session = login("sl-dos", "dos-passphrase-one", "192.0.2.52");
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
		// the attacker's address's lockout of the user is audited with its scope
		assertThat(this.jdbc.sql("""
				SELECT payload::text FROM compliance_audit WHERE subject = 'user:sl-dos'
				AND action = 'LOGIN_LOCKED_OUT'""").query(String.class).list())
			.anySatisfy((payload) -> assertThat(payload).contains("address:203.0.113.50"));
	}

	@Test
	void failuresFromManyAddressesLockTheUserOutEverywhereButWhereTheyLoggedInRecently() throws Exception {
		user("sl-known", "known-passphrase-one", Role.AGENT);
		login("sl-known", "known-passphrase-one", "192.0.2.181");
		for (int i = 0; i < 40; i++) {
			this.mvc.perform(
					get("/api/v1/creditors").with(httpBasic("sl-known", "guess-" + i)).with(from("198.18.0." + i)));
		}
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-known", "known-passphrase-one"))
				.with(from("198.18.1.1")))
			.andExpect(status().isTooManyRequests());
		assertThat(audit("sl-known")).contains("LOGIN_LOCKED_OUT");
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-known", "known-passphrase-one"))
				.with(from("192.0.2.181")))
			.andExpect(status().isOk());
		login("sl-known", "known-passphrase-one", "192.0.2.181");
	}

	@Test
	void manyRightPasswordsAtOnceOnAColdCacheAreAllAccepted() throws Exception {
		user("sl-burst", "burst-passphrase-one", Role.AGENT);
		int calls = 8;
		ExecutorService pool = Executors.newFixedThreadPool(calls);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				answers.add(pool.submit(() -> {
					go.await();
					return this.mvc
						.perform(get("/api/v1/creditors").with(httpBasic("sl-burst", "burst-passphrase-one"))
							.with(from("192.0.2.190")))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			go.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aStolenSessionCannotGuessTheCurrentPasswordToChangeIt() throws Exception {
		user("sl-stolen", "stolen-passphrase-one", Role.AGENT);
		MockHttpSession session = login("sl-stolen", "stolen-passphrase-one", "192.0.2.200");
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/account/password").session(session)
					.with(csrf())
					.with(from("203.0.113.201"))
					.param("current", "guess-" + i)
					.param("password", "stolen-passphrase-two")
					.param("confirm", "stolen-passphrase-two"))
				.andExpect(content().string(containsString("is not your current password")));
		}
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.with(from("203.0.113.201"))
				.param("current", "stolen-passphrase-one")
				.param("password", "stolen-passphrase-two")
				.param("confirm", "stolen-passphrase-two"))
			.andExpect(content().string(containsString("wrong too often")));
		assertThat(audit("sl-stolen")).contains("LOGIN_LOCKED_OUT");
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-stolen", "stolen-passphrase-one"))
				.with(from("192.0.2.201")))
			.andExpect(status().isOk());
	}

	@Test
	void ipv6AddressesCountByTheirSlash64() {
		assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64")
			.isEqualTo(LoginThrottle.addressKey("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee"))
			.isEqualTo(LoginThrottle.addressKey("[2001:db8:1:2::9]"))
			.isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
		assertThat(LoginThrottle.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(LoginThrottle.addressKey("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(LoginThrottle.addressKey(null)).isNull();
	}

	@Test
	void behindAProxyTheClientsForwardedAddressAndSchemeCount(@LocalServerPort int port) throws Exception {
		user("sl-proxied", "proxied-passphrase-one", Role.AGENT);
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 6; i++) {
			http.send(basic(port, "sl-proxied", "guess-" + i).header("X-Forwarded-For", "203.0.113.77").build(),
					BodyHandlers.discarding());
		}
		HttpResponse<Void> attacker = http.send(
				basic(port, "sl-proxied", "proxied-passphrase-one").header("X-Forwarded-For", "203.0.113.77").build(),
				BodyHandlers.discarding());
		assertThat(attacker.statusCode()).isEqualTo(429);
		HttpResponse<Void> user = http.send(
				basic(port, "sl-proxied", "proxied-passphrase-one").header("X-Forwarded-For", "198.51.100.78").build(),
				BodyHandlers.discarding());
		assertThat(user.statusCode()).isEqualTo(200);
		// TLS ended at the proxy: HSTS (and the Secure cookie) as for https
		HttpResponse<Void> https = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.build(), BodyHandlers.discarding());
		assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();
		HttpResponse<Void> plain = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				BodyHandlers.discarding());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theOperatorUnlocksAUserFromTheCommandLine() throws Exception {
		user("sl-oplock", "oplock-passphrase-one", Role.ADMIN);
		for (int i = 0; i < 40; i++) {
			this.mvc.perform(
					get("/api/v1/creditors").with(httpBasic("sl-oplock", "guess-" + i)).with(from("198.19.0." + i)));
		}
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-oplock", "oplock-passphrase-one"))
				.with(from("198.19.1.1")))
			.andExpect(status().isTooManyRequests());
		UnlockCommand command = new UnlockCommand(this.logins, this.throttle);
		command.run(new DefaultApplicationArguments("unlock", "sl-oplock"));
		assertThat(command.getExitCode()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT actor FROM compliance_audit WHERE subject = 'user:sl-oplock' AND action = 'LOGIN_UNLOCKED'""")
			.query(String.class)
			.list()).containsExactly("operator");
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-oplock", "oplock-passphrase-one"))
				.with(from("198.19.1.1")))
			.andExpect(status().isOk());
		UnlockCommand nobody = new UnlockCommand(this.logins, this.throttle);
		nobody.run(new DefaultApplicationArguments("unlock", "sl-nobody"));
		assertThat(nobody.getExitCode()).isEqualTo(1);
	}

	@Test
	void theDemoLoginPageListsOnlyTheDemoUsers() {
		user("sl-not-demo", "not-demo-passphrase", Role.ADMIN);
		assertThat(this.users.demoLogins()).extracting(UserManagement.UserView::username)
			.isNotEmpty()
			.allMatch(UserManagement.DEMO_USERNAMES::contains);
	}

	@Test
	void cachedCredentialsAreKeyedWithARandomKeyOfTheProcess() throws Exception {
		CredentialCache one = new CredentialCache(this.clock);
		CredentialCache two = new CredentialCache(this.clock);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		sha.update("someone".getBytes(StandardCharsets.UTF_8));
		sha.update((byte) 0);
		byte[] bare = sha.digest("a-password".getBytes(StandardCharsets.UTF_8));
		assertThat(one.digest("someone", "a-password")).isEqualTo(one.digest("someone", "a-password"))
			.isNotEqualTo(bare)
			.isNotEqualTo(two.digest("someone", "a-password"));
	}

	private static HttpRequest.Builder basic(int port, String username, String password) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/creditors"))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void shortAndCommonPasswordsAreRefusedWhereverPeopleSetThem() throws Exception {
		for (String password : List.of("abcd", "1qaz2wsx3edc4rfv", "passwordpassword", "aaaaaaaaaaaaaaaaaaaa",
				"sl-weak-and-long-enough")) {
			this.mvc
				.perform(post("/api/v1/users").with(httpBasic("admin", "admin-secret"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"username": "sl-weak", "displayName": "Weak", "password": "%s", "roles": ["AGENT"]}"""
						.formatted(password)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("password")));
		}
		assertThat(this.users.find("sl-weak")).isEmpty();
		this.mvc.perform(post("/admin/users")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("x")
				.roles("ADMIN"))
			.with(csrf())
			.param("username", "sl-weak")
			.param("displayName", "Weak")
			.param("password", "demo")
			.param("roles", "AGENT")).andExpect(redirectedUrl("/admin"));
		assertThat(this.users.find("sl-weak")).isEmpty();
		user("sl-strong", "strong-passphrase-one", Role.AGENT);
		this.mvc
			.perform(put("/api/v1/users/sl-strong").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"password": "1234"}"""))
			.andExpect(status().isBadRequest());

		// long and multibyte passwords count to the last character (bcrypt alone stops at
		// 72 bytes)
		String hindi = "मेरा पासवर्ड बहुत लंबा है और इसमें कई शब्द हैं जो याद रहते हैं";
		this.mvc
			.perform(post("/api/v1/users").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "sl-long", "displayName": "Long", "password": "%s1", "roles": ["AGENT"]}"""
					.formatted(hindi)))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sl-long", hindi + "1")).with(from("192.0.2.50")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sl-long", hindi + "2")).with(from("192.0.2.50")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aGeneratedAdministratorPasswordMustBeChangedFirst() throws Exception {
		// a first start with neither DUES_ADMIN_PASSWORD nor demo mode
		String generated = new AdminBootstrap(this.users, new RuntimeMode(false, false), "", "demo")
			.create("sl-first-admin");
		assertThat(generated).isNotNull();
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("sl-first-admin", generated)).with(from("192.0.2.60")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("Change your password first")));
		MockHttpSession session = login("sl-first-admin", generated, "192.0.2.61");
		this.mvc.perform(get("/admin").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").session(session))
			.andExpect(content().string(containsString("id=\"password-required\"")));
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("current", generated)
				.param("password", "my-own-admin-passphrase")
				.param("confirm", "my-own-admin-passphrase"))
			.andExpect(redirectedUrl("/account?changed"));
		this.mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("sl-first-admin", "my-own-admin-passphrase"))
				.with(from("192.0.2.60")))
			.andExpect(status().isOk());
	}

	private void user(String username, String password, Role role) {
		this.users.createIfAbsent(new NewUser(username, username, password, Set.of(role), List.of("en")));
	}

	private MockHttpSession login(String username, String password, String address) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(post("/login").param("username", username)
				.param("password", password)
				.with(csrf())
				.with(from(address))
				.session(session))
			.andExpect(redirectedUrlPattern("/**"))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotStartWith("/login"));
		return session;
	}

	private List<String> audit(String username) {
		return this.jdbc.sql("SELECT action FROM compliance_audit WHERE subject = :s ORDER BY seq")
			.param("s", "user:" + username)
			.query(String.class)
			.list();
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
