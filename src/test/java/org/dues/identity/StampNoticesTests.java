package org.dues.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user's rights changed by another node, or by any statement at all, end their API
 * access within moments on this node, although this node answers their requests from
 * cached credentials and a cached security stamp: the change is announced by the database
 * and heard here.
 */
@IntegrationTest
class StampNoticesTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUserDisabledElsewhereIsRefusedHereWithinMoments() throws Exception {
		user("sn-gone", Role.AGENT);
		assertThat(status("sn-gone", "/api/v1/creditors")).isEqualTo(200);
		assertThat(status("sn-gone", "/api/v1/creditors")).isEqualTo(200);

		// as another node, or an operator's statement, would: nothing in this process is
		// told but through the database
		this.jdbc.sql("UPDATE identity_users SET enabled = false WHERE username = 'sn-gone'").update();

		assertThat(firstStatusOtherThan(200, "sn-gone", "/api/v1/creditors")).isEqualTo(401);
	}

	@Test
	void aUserDemotedElsewhereLosesTheRoleHereWithinMoments() throws Exception {
		user("sn-boss", Role.MANAGER);
		assertThat(status("sn-boss", "/api/v1/teams")).isEqualTo(200);
		assertThat(status("sn-boss", "/api/v1/teams")).isEqualTo(200);

		this.jdbc.sql("""
				UPDATE identity_users SET roles = ARRAY['AGENT'], security_stamp = security_stamp + 1
				WHERE username = 'sn-boss'""").update();

		assertThat(firstStatusOtherThan(200, "sn-boss", "/api/v1/teams")).isEqualTo(403);
	}

	@Test
	void aUserDisabledHereIsRefusedAtOnce() throws Exception {
		user("sn-here", Role.AGENT);
		assertThat(status("sn-here", "/api/v1/creditors")).isEqualTo(200);
		assertThat(status("sn-here", "/api/v1/creditors")).isEqualTo(200);

		this.users.update("sn-here", new UserManagement.UserChange("sn-here", Set.of(Role.AGENT), List.of("en"),
				List.of(), null, null, false), "admin");

		assertThat(status("sn-here", "/api/v1/creditors")).isEqualTo(401);
	}

	private int firstStatusOtherThan(int unchanged, String username, String path) throws Exception {
		long until = System.nanoTime() + PROMPTLY.toNanos();
		int status = status(username, path);
		while (status == unchanged && System.nanoTime() < until) {
			Thread.sleep(20);
			status = status(username, path);
		}
		return status;
	}

	private int status(String username, String path) throws Exception {
		return this.mvc.perform(get(path).with(httpBasic(username, username + "-passphrase-long")))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private void user(String username, Role role) {
		this.users.createIfAbsent(
				new NewUser(username, username, username + "-passphrase-long", Set.of(role), List.of("en")));
	}

}
