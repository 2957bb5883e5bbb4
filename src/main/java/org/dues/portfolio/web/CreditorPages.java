package org.dues.portfolio.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.BucketSchemes;
import org.dues.portfolio.CreditorChange;
import org.dues.portfolio.CreditorChanges;
import org.dues.portfolio.CreditorSettings;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.StaleVersionException;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator's creditors: the list, and each creditor's name, time zone, currency
 * (while it has no accounts), bucket scheme and payment waterfall, changed through
 * {@link CreditorChanges} with the API's checks and a version, so that a stale form is
 * refused rather than undoing someone's change.
 */
@PageController
class CreditorPages {

	private static final String CODE = "a creditor's code: no personal data, and the page is an administrator's";

	private final Creditors creditors;

	private final CreditorChanges changes;

	private final BucketSchemes schemes;

	CreditorPages(Creditors creditors, CreditorChanges changes, BucketSchemes schemes) {
		this.creditors = creditors;
		this.changes = changes;
		this.schemes = schemes;
	}

	@GetMapping("/admin/creditors")
	String list(Model model) {
		model.addAttribute("creditors", this.creditors.list());
		return "portfolio/creditors";
	}

	@GetMapping("/admin/creditors/{code}")
	String edit(@PathVariable @Unscoped(CODE) String code, Model model) {
		CreditorSettings settings = this.changes.current(code);
		return form(model, settings, CreditorForm.of(settings), Map.of());
	}

	@PostMapping("/admin/creditors/{code}")
	String change(@PathVariable @Unscoped(CODE) String code, @ModelAttribute CreditorForm form, Authentication user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CreditorSettings settings = this.changes.current(code);
		if (form.version() == null) {
			// a form without its version is a stale page's: nothing is changed
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(model, settings, CreditorForm.of(settings), Map.of());
		}
		try {
			this.changes.change(code, form.change(), form.version(), user.getName());
		}
		catch (StaleVersionException ex) {
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(model, this.changes.current(code), CreditorForm.of(this.changes.current(code)), Map.of());
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, settings, form, errors);
		}
		redirect.addFlashAttribute("done", "admin.creditor.saved");
		return "redirect:/admin/creditors/" + code;
	}

	private String form(Model model, CreditorSettings settings, CreditorForm form, Map<String, String> errors) {
		model.addAttribute("settings", settings);
		model.addAttribute("creditor", settings.creditor());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("schemes", this.schemes.all());
		model.addAttribute("components", BalanceComponent.values());
		model.addAttribute("zones", ZONES);
		return "portfolio/creditor";
	}

	/** The IANA regions a creditor's time zone may be, for the field's suggestions. */
	private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((z) -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.sorted()
		.toList();

	/**
	 * The creditor form, as shown and as posted: the waterfall as three choices, first to
	 * last; the currency absent when its field is fixed; the version the form was filled
	 * on.
	 */
	public record CreditorForm(@Nullable String name, @Nullable String timeZone, @Nullable String currency,
			@Nullable String bucketScheme, @Nullable List<String> waterfall, @Nullable Integer version) {

		static CreditorForm of(CreditorSettings settings) {
			var c = settings.creditor();
			return new CreditorForm(c.name(), c.timeZone().getId(), c.currency().getCurrencyCode(), c.bucketScheme(),
					c.waterfall().order().stream().map(Enum::name).toList(), settings.version());
		}

		CreditorChange change() {
			return new CreditorChange(this.name, this.timeZone, this.currency, this.bucketScheme, this.waterfall);
		}

		/** The component chosen at a place of the waterfall, empty if none. */
		public String at(int place) {
			return (this.waterfall != null && place < this.waterfall.size()) ? this.waterfall.get(place) : "";
		}

	}

}
