package org.dues.casework.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.casework.Agencies;
import org.dues.casework.AgencyAccess;
import org.dues.casework.AgencyPerformance;
import org.dues.casework.AgencyPlacements;
import org.dues.casework.AgencyView;
import org.dues.casework.NewAgency;
import org.dues.casework.NewAgencyUser;
import org.dues.casework.NewPlacement;
import org.dues.casework.PlacementView;
import org.dues.identity.Role;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.AccountSelections;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agencies pages: the list and a new agency ({@code /agencies}, managers); an
 * agency's page ({@code /agencies/{code}}: its users, placements with their performance,
 * recall) that an agency's manager sees for their own agency only; placing the accounts
 * browser's selection with an agency ({@code /agencies/placements/new}).
 */
@PageController
class AgencyPages {

	/**
	 * The accounts browser's filters a selection carries (AccountSelections#matching).
	 */
	static final Set<String> FILTERS = Set.of("creditors", "buckets", "dpdMin", "dpdMax", "balanceMin", "balanceMax",
			"languages", "regions", "statuses", "arrangements", "owner", "team", "queue");

	private final Agencies agencies;

	private final AgencyPlacements placements;

	private final AgencyPerformance performance;

	private final AgencyAccess access;

	private final AccountSelections selections;

	private final Phrases phrases;

	private final Clock clock;

	AgencyPages(Agencies agencies, AgencyPlacements placements, AgencyPerformance performance, AgencyAccess access,
			AccountSelections selections, Phrases phrases, Clock clock) {
		this.clock = clock;
		this.agencies = agencies;
		this.placements = placements;
		this.performance = performance;
		this.access = access;
		this.selections = selections;
		this.phrases = phrases;
	}

	@GetMapping("/agencies")
	String list(Model model, Authentication user) {
		this.access.requireManager(user);
		model.addAttribute("agencies", this.agencies.all());
		return "casework/agencies";
	}

	@PostMapping("/agencies")
	String create(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String commissionRate, Model model, Authentication user,
			RedirectAttributes redirect) {
		this.access.requireManager(user);
		try {
			AgencyView agency = this.agencies.create(new NewAgency(nonNull(code), nonNull(name), nonNull(country),
					email, phone, decimal("commissionRate", commissionRate)), user.getName());
			redirect.addFlashAttribute("done", "agencies.created");
			return "redirect:/agencies/" + agency.code();
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
			model.addAttribute("entered", new Entered(code, name, country, email, phone, commissionRate));
			return list(model, user);
		}
	}

	@GetMapping("/agencies/{code}")
	String show(@PathVariable @Unscoped(AgenciesApi.AGENCIES) String code, Model model, Authentication user) {
		AgencyView agency = this.access.requireVisible(user, code);
		AgencyPerformance.Breakdown figures = this.performance.byPlacement(agency.code());
		model.addAttribute("agency", agency);
		model.addAttribute("members", this.agencies.members(agency.code()));
		model.addAttribute("placements", this.placements.ofAgency(agency.code()));
		model.addAttribute("placementPerformance", figures.placements());
		model.addAttribute("performance", figures.total());
		model.addAttribute("manages", this.access.manages(user));
		return "casework/agency";
	}

	@PostMapping("/agencies/{code}/users")
	String addUser(@PathVariable @Unscoped(AgenciesApi.AGENCIES) String code,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String displayName,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String languages,
			@RequestParam(required = false) @Nullable String certificateNumber,
			@RequestParam(required = false) @Nullable String certificateExpiresOn, Authentication user,
			RedirectAttributes redirect) {
		this.access.requireManager(user);
		AgencyView agency = this.agencies.get(code);
		try {
			List<String> spoken = (languages == null || languages.isBlank()) ? List.of()
					: List.of(languages.strip().split("[,\\s]+"));
			this.agencies.addUser(agency.code(),
					new NewAgencyUser(nonNull(username), nonNull(displayName), nonNull(password),
							Choice.of("role", role, Role.class), spoken, certificateNumber,
							CalendarBounds.parse("certificateExpiresOn", certificateExpiresOn)),
					user.getName());
			redirect.addFlashAttribute("done", "agencies.userCreated");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem", this.phrases.problem(ex));
		}
		return "redirect:/agencies/" + agency.code();
	}

	@GetMapping("/agencies/placements/new")
	String placeForm(@RequestParam MultiValueMap<String, String> query, Model model, Authentication user) {
		this.access.requireManager(user);
		Map<String, List<String>> filters = filters(query);
		model.addAttribute("filters", filters);
		model.addAttribute("agencies", this.agencies.all().stream().filter(AgencyView::active).toList());
		model.addAttribute("today", LocalDate.now(this.clock));
		try {
			model.addAttribute("matching", this.selections.count(filters, user));
		}
		catch (InvalidInputException | NotFoundException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
			model.addAttribute("matching", 0L);
		}
		return "casework/place";
	}

	@PostMapping("/agencies/placements")
	String place(@RequestParam MultiValueMap<String, String> form, Model model, Authentication user,
			RedirectAttributes redirect) {
		this.access.requireManager(user);
		String code = form.getFirst("agency");
		try {
			if (code == null || code.isBlank()) {
				throw new InvalidInputException("agency", "is required");
			}
			List<UUID> ids = this.selections.matching(filters(form), user, AgencyPlacements.MOST + 1);
			PlacementView placed = this.placements.place(code,
					new NewPlacement(ids, CalendarBounds.parse("from", form.getFirst("from")),
							CalendarBounds.parse("until", form.getFirst("until")),
							decimal("commissionRate", form.getFirst("commissionRate"))),
					user.getName());
			redirect.addFlashAttribute("done", "agencies.placed");
			return "redirect:/agencies/" + placed.agencyCode();
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			model.addAttribute("problem", this.phrases.problem(ex));
			return placeForm(form, model, user);
		}
	}

	@PostMapping("/agencies/placements/{id}/recall")
	String recall(@PathVariable @Unscoped(AgenciesApi.PLACEMENTS) UUID id,
			@RequestParam(required = false) @Nullable String reason, Authentication user, RedirectAttributes redirect) {
		this.access.requireManager(user);
		PlacementView placement = this.placements.get(id);
		try {
			this.placements.recall(id, reason, user.getName());
			redirect.addFlashAttribute("done", "agencies.recalled");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem", this.phrases.problem(ex));
		}
		return "redirect:/agencies/" + placement.agencyCode();
	}

	/** The browser's filters among the request's parameters, blank ones left out. */
	static Map<String, List<String>> filters(MultiValueMap<String, String> query) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		query.forEach((key, values) -> {
			if (FILTERS.contains(key)) {
				List<String> given = values.stream().filter((v) -> v != null && !v.isBlank()).toList();
				if (!given.isEmpty()) {
					filters.put(key, given);
				}
			}
		});
		return filters;
	}

	private static String nonNull(@Nullable String text) {
		return (text == null) ? "" : text;
	}

	private static @Nullable BigDecimal decimal(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "is a number such as 8 or 8.5");
		}
	}

	/** What was typed into the new agency form, shown again after a refusal. */
	record Entered(@Nullable String code, @Nullable String name, @Nullable String country, @Nullable String email,
			@Nullable String phone, @Nullable String commissionRate) {
	}

}
