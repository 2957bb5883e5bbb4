package org.dues.casework.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.casework.FieldVisits;
import org.dues.portfolio.AccountId;
import org.dues.shared.CalendarBounds;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The field visits panel of the account page (an htmx fragment): the account's visits and
 * a form to ask for one, with the reason and the day wanted.
 */
@PageController
class VisitPanel {

	private static final String PANEL = "casework/panel :: panel";

	private final FieldVisits visits;

	private final Phrases phrases;

	VisitPanel(FieldVisits visits, Phrases phrases) {
		this.visits = visits;
		this.phrases = phrases;
	}

	@GetMapping("/accounts/{id}/visits")
	String panel(@PathVariable @Scoped("account") UUID id, Model model) {
		return render(id, model, null, null);
	}

	@PostMapping("/accounts/{id}/visits")
	String request(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute RequestForm form,
			BindingResult binding, Model model, Authentication user) {
		if (binding.hasErrors()) {
			return render(id, model, this.phrases.describe(binding), form);
		}
		try {
			this.visits.request(new AccountId(id), String.valueOf(form.reason()),
					CalendarBounds.parse("wantedOn", form.wantedOn()), null, FieldVisits.Source.DESK, user.getName());
			model.addAttribute("requested", true);
			return render(id, model, null, null);
		}
		catch (InvalidInputException | ConflictException ex) {
			return render(id, model, this.phrases.problem(ex), form);
		}
	}

	private String render(UUID id, Model model, @Nullable String error, @Nullable RequestForm form) {
		AccountId account = new AccountId(id);
		model.addAttribute("accountId", id);
		model.addAttribute("visits", this.visits.ofAccount(account));
		model.addAttribute("error", error);
		model.addAttribute("form", form);
		return PANEL;
	}

	/** Ask for a visit: why, and the day wanted (default today). */
	record RequestForm(
			@NotBlank(message = Keys.REQUIRED) @Size(max = 1000, message = Keys.LENGTH) @Pattern(
					regexp = Keys.NO_CONTROLS, message = Keys.CONTROLS) @Nullable String reason,
			@IsoDate @Nullable String wantedOn) {
	}

}
