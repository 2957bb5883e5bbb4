package org.dues.identity;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users and teams through the API: administrators create and change users, a changed
 * password or a disabled user takes effect at once on the API (despite the cache of
 * verified credentials), and only administrators reach the administration page.
 */
@IntegrationTest
class IdentityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Test
	void administratorsManageUsersAndChangesApplyAtOnce() throws Exception {
		this.users.createIfAbsent(
				new NewUser("id-admin", "Admin", "admin-pass", java.util.Set.of(Role.ADMIN), java.util.List.of("en")));
		this.mvc
			.perform(post("/api/v1/users").with(httpBasic("id-admin", "admin-pass"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "id-agent", "displayName": "New Agent", "password": "first-passphrase-for-agent",
						 "roles": ["AGENT"], "languages": ["HI", "en"], "regions": ["up"],
						 "certificateNumber": "IBA-1", "certificateExpiresOn": "2027-03-31"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.languages[0]").value("hi"))
			.andExpect(jsonPath("$.regions[0]").value("UP"))
			.andExpect(jsonPath("$.password").doesNotExist());
		this.mvc.perform(post("/api/v1/users").with(httpBasic("id-admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username": "id-agent", "displayName": "Again", "password": "first-passphrase-for-agent", "roles": ["AGENT"]}"""))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/users").with(httpBasic("id-admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username": "Bad Name", "displayName": "X", "password": "first-passphrase-for-agent", "roles": ["AGENT"]}"""))
			.andExpect(status().isBadRequest());

		// the agent works; the password changes and the old one stops working at once
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("id-agent", "first-passphrase-for-agent")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/users").with(httpBasic("id-agent", "first-passphrase-for-agent")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/users/id-agent").with(httpBasic("id-admin", "admin-pass"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"password": "second-passphrase-for-agent"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.certificateNumber").value("IBA-1"));
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("id-agent", "first-passphrase-for-agent")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("id-agent", "second-passphrase-for-agent")))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/users/id-agent").with(httpBasic("id-admin", "admin-pass"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"enabled": false}"""))
			.andExpect(jsonPath("$.enabled").value(false));
		this.mvc.perform(get("/api/v1/creditors").with(httpBasic("id-agent", "second-passphrase-for-agent")))
			.andExpect(status().isUnauthorized());

		this.mvc
			.perform(post("/api/v1/teams").with(httpBasic("id-admin", "admin-pass"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Identity test team", "members": ["id-agent"]}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.members[0]").value("id-agent"));

		this.mvc.perform(get("/admin").with(user("x").roles("TEAM_LEAD"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin").with(user("x").roles("ADMIN"))).andExpect(status().isOk());
	}

}
