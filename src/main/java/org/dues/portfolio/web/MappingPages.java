package org.dues.portfolio.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.StaleVersionException;
import org.dues.portfolio.imports.MappingProfile;
import org.dues.portfolio.imports.MappingProfiles;
import org.dues.portfolio.imports.MappingTrials;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A creditor's mapping profiles (which header of its files means which column, the date
 * format and the digit grouping): listed, created and changed through
 * {@link MappingProfiles} with the API's checks and a version, and tried on a sample file
 * as edited, before saving, through {@link MappingTrials}, which imports nothing. For
 * administrators and managers, as the API.
 */
@PageController
class MappingPages {

	private final Creditors creditors;

	private final MappingProfiles profiles;

	private final MappingTrials trials;

	MappingPages(Creditors creditors, MappingProfiles profiles, MappingTrials trials) {
		this.creditors = creditors;
		this.profiles = profiles;
		this.trials = trials;
	}

	@GetMapping("/admin/mappings")
	String page(@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String profile, Model model) {
		CreditorView chosen = chosen(creditor);
		MappingForm form = MappingForm.blank(chosen);
		if (chosen != null && profile != null && !profile.isBlank()) {
			form = this.profiles.saved(chosen)
				.stream()
				.filter((p) -> p.profile().name().equals(profile))
				.findFirst()
				.map((p) -> MappingForm.of(chosen, p))
				.orElseThrow(() -> new NotFoundException("mapping profile", profile));
		}
		return page(model, chosen, form, Map.of(), List.of());
	}

	@PostMapping("/admin/mappings")
	String save(@RequestParam Map<String, String> params, Authentication user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		MappingForm form = MappingForm.posted(params);
		CreditorView creditor = posted(form);
		if (creditor == null) {
			return refused(model, null, form, new InvalidInputException("creditor", "choose a creditor"), response);
		}
		try {
			MappingProfile saved;
			if (form.original().isBlank()) {
				saved = this.profiles.save(creditor, form.name(), form.headers(), form.dateFormat(), form.grouping(),
						user.getName());
			}
			else {
				if (form.version() == null) {
					throw new StaleVersionException("the mapping profile '%s'".formatted(form.original()), 0);
				}
				saved = this.profiles.update(creditor, form.original(), form.version(), form.name(), form.headers(),
						form.dateFormat(), form.grouping(), user.getName());
			}
			redirect.addFlashAttribute("done", "admin.mapping.saved");
			redirect.addAttribute("creditor", creditor.code());
			redirect.addAttribute("profile", saved.name());
			return "redirect:/admin/mappings";
		}
		catch (StaleVersionException ex) {
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(model, creditor, form, Map.of(), List.of());
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(model, creditor, form, ex, response);
		}
	}

	/** The profile as edited, tried on a sample: nothing is saved or imported. */
	@PostMapping("/admin/mappings/test")
	String test(@RequestParam Map<String, String> params, @RequestParam(required = false) @Nullable MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		MappingForm form = MappingForm.posted(params);
		CreditorView creditor = posted(form);
		if (creditor == null) {
			return refused(model, null, form, new InvalidInputException("creditor", "choose a creditor"), response);
		}
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a sample file, CSV or XLSX");
			}
			MappingProfile profile = this.profiles.check(form.name().isBlank() ? "sample" : form.name(), form.headers(),
					form.dateFormat(), form.grouping());
			try (InputStream in = file.getInputStream()) {
				model.addAttribute("trial", this.trials.trial(creditor, profile, file.getOriginalFilename(), in));
			}
			model.addAttribute("sample", file.getOriginalFilename());
			return page(model, creditor, form, Map.of(), List.of());
		}
		catch (InvalidInputException ex) {
			return refused(model, creditor, form, ex, response);
		}
	}

	private String refused(Model model, @Nullable CreditorView creditor, MappingForm form, RuntimeException ex,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> others = new ArrayList<>();
		List<FieldError> fields = (ex instanceof InvalidInputException invalid) ? invalid.errors()
				: List.of(new FieldError("name", String.valueOf(ex.getMessage())));
		for (FieldError error : fields) {
			String field = form.fieldOf(error.field());
			if (field == null) {
				others.add(error.field() + ": " + error.message());
			}
			else {
				errors.merge(field, error.message(), (a, b) -> a + "; " + b);
			}
		}
		response.setStatus((ex instanceof ConflictException) ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, (creditor != null) ? creditor : chosen(null), form, errors, others);
	}

	private String page(Model model, @Nullable CreditorView creditor, MappingForm form, Map<String, String> errors,
			List<String> problems) {
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("creditor", creditor);
		model.addAttribute("saved", (creditor == null) ? List.of() : this.profiles.saved(creditor));
		model.addAttribute("form", (creditor != null && form.creditor().isBlank()) ? form.forCreditor(creditor) : form);
		model.addAttribute("errors", errors);
		model.addAttribute("problems", problems);
		model.addAttribute("columns", MappingProfiles.columns());
		model.addAttribute("required", MappingProfiles.required());
		return "portfolio/mappings";
	}

	/** The creditor named, the first one when none is; null when there is none. */
	private @Nullable CreditorView chosen(@Nullable String code) {
		if (code != null && !code.isBlank()) {
			return this.creditors.getByCode(code.strip());
		}
		List<CreditorView> all = this.creditors.list();
		return all.isEmpty() ? null : all.get(0);
	}

	private @Nullable CreditorView posted(MappingForm form) {
		return form.creditor().isBlank() ? null : this.creditors.getByCode(form.creditor());
	}

}
