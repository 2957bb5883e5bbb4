package org.dues.casework.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.casework.FieldAgentView;
import org.dues.casework.FieldAreas;
import org.dues.casework.FieldVisits;
import org.dues.casework.VisitId;
import org.dues.casework.VisitRule;
import org.dues.casework.VisitView;
import org.dues.shared.CalendarBounds;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.dues.system.Viewers;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead's view of field work: a day's visits by field agent and the unassigned ones,
 * each given or given again; the visit rule run at once; and the field agents' areas and
 * papers.
 */
@PageController
class FieldLeadPages {

	private final FieldVisits visits;

	private final FieldAreas areas;

	private final VisitRule rule;

	private final FieldPages.Lookups lookups;

	private final Phrases phrases;

	private final Viewers viewers;

	FieldLeadPages(FieldVisits visits, FieldAreas areas, VisitRule rule, FieldPages.Lookups lookups, Phrases phrases,
			Viewers viewers) {
		this.visits = visits;
		this.areas = areas;
		this.rule = rule;
		this.lookups = lookups;
		this.phrases = phrases;
		this.viewers = viewers;
	}

	@GetMapping("/field/visits")
	String day(@RequestParam(required = false) @Nullable String date, Model model, Authentication user) {
		LocalDate day;
		try {
			day = CalendarBounds.parse("date", date);
		}
		catch (InvalidInputException ex) {
			day = null;
		}
		if (day == null) {
			day = this.visits.today(this.viewers.zone());
		}
		List<VisitView> due = this.visits.due(day, null, user, this.lookups.scope());
		Map<String, List<FieldPages.Row>> byAgent = new LinkedHashMap<>();
		List<FieldAgentView> agents = this.areas.agents();
		byAgent.put("", this.lookups.rows(due.stream().filter((v) -> v.agent() == null).toList()));
		for (FieldAgentView agent : agents) {
			byAgent.put(agent.username(),
					this.lookups.rows(due.stream().filter((v) -> agent.username().equals(v.agent())).toList()));
		}
		due.stream()
			.map(VisitView::agent)
			.filter((a) -> a != null && !byAgent.containsKey(a))
			.distinct()
			.forEach(
					(a) -> byAgent.put(a, this.lookups.rows(due.stream().filter((v) -> a.equals(v.agent())).toList())));
		model.addAttribute("day", day);
		model.addAttribute("byAgent", byAgent);
		model.addAttribute("agents", agents);
		model.addAttribute("rule", this.rule.settings());
		return "casework/visits";
	}

	@PostMapping("/field/visits/{visitId}/assign")
	String assign(@PathVariable @Scoped("visit") UUID visitId, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String date, Authentication user, RedirectAttributes redirect) {
		try {
			this.visits.assign(new VisitId(visitId), agent, "reassigned by " + user.getName(), user.getName());
			redirect.addFlashAttribute("done", "visit.assigned");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", this.phrases.problem(ex));
		}
		return "redirect:/field/visits" + ((date == null || date.isBlank()) ? "" : "?date=" + date.strip());
	}

	@PostMapping("/field/visits/rule")
	String runRule(Authentication user, RedirectAttributes redirect) {
		int asked = this.rule.run(user.getName()).size();
		redirect.addFlashAttribute("ruleAsked", asked);
		return "redirect:/field/visits";
	}

	@GetMapping("/field/areas")
	String areas(Model model) {
		model.addAttribute("agents", this.areas.agents());
		return "casework/areas";
	}

	@PostMapping("/field/areas/{username}")
	String setArea(
			@PathVariable @Unscoped("a field agent's name: leads and managers set every field agent's area") String username,
			@Valid @ModelAttribute AreaForm form, BindingResult binding, Authentication user,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", this.phrases.describe(binding));
			return "redirect:/field/areas";
		}
		try {
			this.areas.set(username,
					Arrays
						.asList(String.valueOf(form.postalCodes() == null ? "" : form.postalCodes()).split("[,\\s]+")),
					form.authorisationNumber(),
					CalendarBounds.parse("authorisationExpiresOn", form.authorisationExpiresOn()), form.idCardNumber(),
					CalendarBounds.parse("idCardExpiresOn", form.idCardExpiresOn()), user.getName());
			redirect.addFlashAttribute("done", "field.areas.saved");
		}
		catch (InvalidInputException | NotFoundException ex) {
			redirect.addFlashAttribute("error", this.phrases.problem(ex));
		}
		return "redirect:/field/areas";
	}

	/** A field agent's area (codes separated by commas or spaces) and papers. */
	record AreaForm(@Size(max = 6000, message = Keys.LENGTH) @Nullable String postalCodes,
			@Size(max = 60, message = Keys.LENGTH) @Pattern(regexp = Keys.NO_CONTROLS,
					message = Keys.CONTROLS) @Nullable String authorisationNumber,
			@IsoDate @Nullable String authorisationExpiresOn,
			@Size(max = 60, message = Keys.LENGTH) @Pattern(regexp = Keys.NO_CONTROLS,
					message = Keys.CONTROLS) @Nullable String idCardNumber,
			@IsoDate @Nullable String idCardExpiresOn) {
	}

}
