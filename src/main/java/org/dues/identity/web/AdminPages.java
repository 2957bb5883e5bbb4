package org.dues.identity.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.dues.identity.Lockouts;
import org.dues.identity.SecondFactor;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.system.FormErrors;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration page: users with their roles and agent attributes, and teams with
 * their members.
 */
@PageController
class AdminPages {

	private final UserManagement users;

	private final Teams teams;

	private final Lockouts lockouts;

	private final SecondFactor secondFactor;

	AdminPages(UserManagement users, Teams teams, Lockouts lockouts, SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.users = users;
		this.teams = teams;
		this.lockouts = lockouts;
	}

	@GetMapping("/admin")
	String page(Model model) {
		model.addAttribute("users", this.users.all());
		model.addAttribute("teams", this.teams.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("lockouts", this.lockouts.current());
		model.addAttribute("enrolled", this.secondFactor.enrolledUsers());
		return "identity/admin";
	}

	@PostMapping("/admin/users")
	String create(@Valid @ModelAttribute UserForm form, BindingResult binding, Authentication admin,
			RedirectAttributes redirect) {
		return act(redirect, binding, "admin.user.created", () -> {
			boolean created = this.users.register(new NewUser(form.username(), form.displayName(), form.password(),
					roles(form.roles()), list(form.languages()), list(form.regions()), form.certificateNumber(),
					date(form.certificateExpiresOn())), admin.getName());
			if (!created) {
				throw new ConflictException("a user named '%s' exists".formatted(form.username()));
			}
		});
	}

	@PostMapping("/admin/users/{username}")
	String update(@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			@Valid @ModelAttribute UserForm form, BindingResult binding, Authentication admin,
			RedirectAttributes redirect) {
		return act(redirect, binding, "admin.user.updated", () -> {
			this.users.update(username,
					new UserManagement.UserChange(form.displayName(), roles(form.roles()), list(form.languages()),
							list(form.regions()), form.certificateNumber(), date(form.certificateExpiresOn()),
							form.enabled() != null && form.enabled()),
					admin.getName());
			if (form.password() != null && !form.password().isBlank()) {
				this.users.setPassword(username, form.password(), admin.getName());
			}
		});
	}

	@PostMapping("/admin/users/{username}/unlock")
	String unlock(@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			Authentication admin, RedirectAttributes redirect) {
		return act(redirect, "admin.user.unlocked", () -> this.lockouts.unlock(username, admin.getName()));
	}

	@PostMapping("/admin/users/{username}/second-factor/reset")
	String resetSecondFactor(
			@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			Authentication admin, RedirectAttributes redirect) {
		return act(redirect, "admin.user.secondFactorReset", () -> this.secondFactor.remove(username, admin.getName()));
	}

	@PostMapping("/admin/teams")
	String team(@ModelAttribute TeamForm form, RedirectAttributes redirect) {
		return act(redirect, "admin.team.created", () -> this.teams.create(form.name(), form.lead()));
	}

	@PostMapping("/admin/teams/{id}/members")
	String member(@PathVariable @Scoped("team") UUID id, @ModelAttribute TeamForm form, RedirectAttributes redirect) {
		return act(redirect, "admin.team.updated", () -> this.teams.addMember(id, String.valueOf(form.username())));
	}

	@PostMapping("/admin/teams/{id}/members/{username}/remove")
	String remove(@PathVariable @Scoped("team") UUID id,
			@PathVariable @Unscoped("users are managed by administrators, who reach every user") String username,
			RedirectAttributes redirect) {
		return act(redirect, "admin.team.updated", () -> this.teams.removeMember(id, username));
	}

	private static String act(RedirectAttributes redirect, BindingResult binding, String done, Runnable action) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("problem", FormErrors.describe(binding));
			return "redirect:/admin";
		}
		return act(redirect, done, action);
	}

	private static String act(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", String.valueOf(ex.getMessage()));
		}
		return "redirect:/admin";
	}

	static Set<Role> roles(@Nullable List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				roles.add(org.dues.shared.Choice.of("roles", name, Role.class));
			}
		}
		return roles;
	}

	static List<String> list(@Nullable String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

	static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return org.dues.shared.CalendarBounds.parse("certificateExpiresOn", text);
	}

	/** The user form: languages and regions as comma- or space-separated codes. */
	record UserForm(@Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
			message = "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") @Nullable String username,
			@Nullable String displayName, @Nullable String password,
			@Nullable List<@OneOf(value = Role.class, required = true) String> roles, @Nullable String languages,
			@Nullable String regions, @Nullable String certificateNumber,
			@IsoDate @Nullable String certificateExpiresOn, @Nullable Boolean enabled) {
	}

	record TeamForm(@Nullable String name, @Nullable String lead, @Nullable String username) {
	}

}
