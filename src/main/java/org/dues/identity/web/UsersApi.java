package org.dues.identity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.identity.Lockouts;
import org.dues.identity.SecondFactor;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.shared.ConflictException;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and teams for administrators: never a password or its hash in an answer.
 */
@RestController
@Tag(name = "Users and teams")
class UsersApi {

	private final UserManagement users;

	private final Teams teams;

	private final Lockouts lockouts;

	private final SecondFactor secondFactor;

	UsersApi(UserManagement users, Teams teams, Lockouts lockouts, SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.users = users;
		this.teams = teams;
		this.lockouts = lockouts;
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "Every user with roles, languages, regions, certificate and teams")
	List<UserManagement.UserView> users() {
		return this.users.all();
	}

	@PostMapping("/api/v1/users")
	@Operation(summary = "Create a user; the password needs at least 15 characters and must not be a common one")
	ResponseEntity<UserManagement.UserView> create(@RequestBody @Valid UserRequest body, Authentication admin) {
		NewUser user = new NewUser(body.username(), body.displayName(), body.password(), AdminPages.roles(body.roles()),
				orEmpty(body.languages()), orEmpty(body.regions()), body.certificateNumber(),
				body.certificateExpiresOn());
		if (!this.users.register(user, admin.getName())) {
			throw new ConflictException("a user named '%s' exists".formatted(user.username()));
		}
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
			.body(this.users.find(user.username()).orElseThrow());
	}

	@PutMapping("/api/v1/users/{username}")
	@Operation(summary = "Change a user's name, roles, languages, regions, certificate or status; "
			+ "a password, when given, replaces theirs. A change of password, roles or status ends the user's "
			+ "sessions at once")
	UserManagement.UserView update(
			@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			@RequestBody @Valid UserRequest body, Authentication admin) {
		UserManagement.UserView current = this.users.find(username)
			.orElseThrow(() -> new NotFoundException("user", username));
		UserManagement.UserView updated = this.users.update(username,
				new UserManagement.UserChange((body.displayName() == null) ? current.displayName() : body.displayName(),
						(body.roles() == null) ? java.util.Set.copyOf(current.roles()) : AdminPages.roles(body.roles()),
						(body.languages() == null) ? current.languages() : body.languages(),
						(body.regions() == null) ? current.regions() : body.regions(),
						(body.certificateNumber() == null) ? current.certificateNumber() : body.certificateNumber(),
						(body.certificateExpiresOn() == null) ? current.certificateExpiresOn()
								: body.certificateExpiresOn(),
						(body.enabled() == null) ? current.enabled() : body.enabled()),
				admin.getName());
		if (body.password() != null) {
			this.users.setPassword(username, body.password(), admin.getName());
		}
		return updated;
	}

	@PostMapping("/api/v1/users/{username}/unlock")
	@Operation(summary = "Unlock a user that failed logins locked out; recorded in the audit trail")
	ResponseEntity<Void> unlock(
			@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			Authentication admin) {
		this.lockouts.unlock(username, admin.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/users/{username}/second-factor/reset")
	@Operation(summary = "Remove a user's authenticator app (a lost phone): their sessions end and they set up "
			+ "a new one at their next login; recorded in the audit trail")
	ResponseEntity<Void> resetSecondFactor(
			@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			Authentication admin) {
		this.secondFactor.remove(username, admin.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/teams")
	@Operation(summary = "Every team with its lead and members")
	List<Teams.TeamView> teams() {
		return this.teams.all();
	}

	@PostMapping("/api/v1/teams")
	@Operation(summary = "Create a team")
	ResponseEntity<Teams.TeamView> team(@RequestBody @Valid TeamRequest body) {
		Teams.TeamView team = this.teams.create(String.valueOf(body.name()), body.lead());
		if (body.members() != null) {
			body.members().forEach((m) -> this.teams.addMember(team.id(), m));
		}
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(this.teams.get(team.id()));
	}

	@PostMapping("/api/v1/teams/{teamId}/members")
	@Operation(summary = "Add members to a team")
	Teams.TeamView members(@PathVariable @Scoped("team") UUID teamId, @RequestBody @Valid TeamRequest body) {
		if (body.members() != null) {
			body.members().forEach((m) -> this.teams.addMember(teamId, m));
		}
		return this.teams.get(teamId);
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values == null) ? List.of() : values;
	}

	/**
	 * A user to create, or what to change (absent fields are kept); the password's own
	 * policy and what needs the database are the facade's.
	 */
	record UserRequest(@Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
			message = "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") @Nullable String username,
			@Nullable String displayName, @Nullable String password,
			@Nullable List<@OneOf(value = Role.class, required = true) String> roles,
			@Nullable List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> languages,
			@Nullable List<@Pattern(regexp = CODE, message = CODE_MESSAGE) String> regions,
			@Nullable String certificateNumber, @Nullable LocalDate certificateExpiresOn, @Nullable Boolean enabled) {

		static final String CODE = "\\s*([A-Za-z]{2,3})?\\s*";

		static final String CODE_MESSAGE = "is not a two- or three-letter code";

	}

	record TeamRequest(
			@NotBlank(message = Keys.REQUIRED) @Size(max = 80,
					message = "a team needs a name of at most 80 characters") @Nullable String name,
			@Nullable String lead, @Nullable List<@NotBlank(message = Keys.REQUIRED) String> members) {
	}

}
