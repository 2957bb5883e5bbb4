package org.dues.contact.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.customer.ContactPointChanges;
import org.dues.customer.ContactPointKind;
import org.dues.customer.ContactPointOnFile;
import org.dues.customer.ContactPointSource;
import org.dues.customer.ContactPointStatus;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.PostalAddress;
import org.dues.shared.validation.CountryCode;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.StatedReason;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer view ({@code /customers/{id}}): the person, every account they are on with
 * any creditor as far as the reader may open it, the related parties, and the contact
 * points with their source, status, consent and history; and the forms that add a phone
 * or email, mark one wrong or not to be used (or valid again), and correct an address.
 * The forms answer the contact points' part of the page to htmx, and the whole page
 * otherwise; a refused form keeps what was entered, each error beside its field, and
 * writes nothing.
 */
@PageController
class CustomerPages {

	private static final String PAGE = "contact/customer";

	private static final String POINTS = "contact/customer :: points";

	private final CustomerOverview overview;

	private final ContactPointChanges changes;

	private final CustomerManagement customers;

	private final Creditors creditors;

	CustomerPages(CustomerOverview overview, ContactPointChanges changes, CustomerManagement customers,
			Creditors creditors) {
		this.overview = overview;
		this.changes = changes;
		this.customers = customers;
		this.creditors = creditors;
	}

	@GetMapping("/customers/{id}")
	String customer(@PathVariable @Scoped("customer") UUID id, @RequestParam(required = false) @Nullable UUID account,
			Model model, Authentication user) {
		model.addAttribute("from", account);
		return render(id, model, user, Shown.nothing(), null);
	}

	@PostMapping("/customers/{id}/contact-points")
	String add(@PathVariable @Scoped("customer") UUID id, @Valid @ModelAttribute AddForm form, BindingResult binding,
			HttpServletRequest request, Model model, Authentication user,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect) {
		CustomerId customer = new CustomerId(id);
		if (binding.hasErrors()) {
			return render(id, model, user, Shown.refused(null, binding, request), htmx);
		}
		try {
			ContactPointSource source = Choice.of("source", form.source(), ContactPointSource.class);
			if (Choice.of("kind", form.kind(), ContactPointKind.class) == ContactPointKind.EMAIL) {
				this.changes.addEmail(customer, String.valueOf(form.email()), source, form.note(), user.getName());
			}
			else {
				this.changes.addPhone(customer, String.valueOf(form.number()), creditor(customer).country(), source,
						form.note(), user.getName());
			}
		}
		catch (InvalidInputException ex) {
			return render(id, model, user, Shown.refused(null, ex, request), htmx);
		}
		return saved(id, "contactpoint.saved.added", model, user, htmx, redirect);
	}

	@PostMapping("/customers/{id}/contact-points/{pointId}/status")
	String status(@PathVariable @Scoped("customer") UUID id,
			@PathVariable @Unscoped("looked up among the named customer's contact points only") UUID pointId,
			@Valid @ModelAttribute StatusForm form, BindingResult binding, HttpServletRequest request, Model model,
			Authentication user, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return render(id, model, user, Shown.refused(pointId, binding, request), htmx);
		}
		try {
			this.changes.changeStatus(new CustomerId(id), pointId,
					Choice.of("status", form.status(), ContactPointStatus.class), String.valueOf(form.reason()),
					user.getName());
		}
		catch (InvalidInputException ex) {
			return render(id, model, user, Shown.refused(pointId, ex, request), htmx);
		}
		return saved(id, "contactpoint.saved.status", model, user, htmx, redirect);
	}

	@PostMapping("/customers/{id}/contact-points/{pointId}/correction")
	String correct(@PathVariable @Scoped("customer") UUID id,
			@PathVariable @Unscoped("looked up among the named customer's contact points only") UUID pointId,
			@Valid @ModelAttribute CorrectionForm form, BindingResult binding, HttpServletRequest request, Model model,
			Authentication user, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return render(id, model, user, Shown.refused(pointId, binding, request), htmx);
		}
		try {
			PostalAddress corrected = new PostalAddress(form.line1(), form.line2(), form.city(), form.state(),
					form.postalCode(), String.valueOf(form.country()));
			this.changes.correctAddress(new CustomerId(id), pointId, corrected,
					Choice.orElse("source", form.source(), ContactPointSource.class, ContactPointSource.CUSTOMER),
					String.valueOf(form.reason()), user.getName());
		}
		catch (InvalidInputException ex) {
			return render(id, model, user, Shown.refused(pointId, ex, request), htmx);
		}
		return saved(id, "contactpoint.saved.corrected", model, user, htmx, redirect);
	}

	private String saved(UUID id, String key, Model model, Authentication user, @Nullable String htmx,
			RedirectAttributes redirect) {
		if (htmx == null) {
			redirect.addFlashAttribute("saved", key);
			return "redirect:/customers/" + id + "#contact-points";
		}
		model.addAttribute("saved", key);
		return render(id, model, user, Shown.nothing(), htmx);
	}

	private String render(UUID id, Model model, Authentication user, Shown shown, @Nullable String htmx) {
		CustomerId customer = new CustomerId(id);
		CustomerOverview.Overview read = this.overview.read(customer, user);
		model.addAttribute("o", read);
		model.addAttribute("zone", zone(read, customer));
		model.addAttribute("languageName", languageName(read.customer().language()));
		model.addAttribute("statuses",
				List.of(ContactPointStatus.VALID, ContactPointStatus.WRONG, ContactPointStatus.DO_NOT_USE));
		model.addAttribute("sources", ContactPointSource.values());
		model.addAttribute("errorPoint", shown.point());
		model.addAttribute("errors", shown.errors());
		model.addAttribute("entered", shown.entered());
		model.addAttribute("refused", !shown.errors().isEmpty());
		return (htmx != null) ? POINTS : PAGE;
	}

	/**
	 * The zone the page's times are shown in: the customer's first, else the creditor's.
	 */
	private String zone(CustomerOverview.Overview read, CustomerId customer) {
		return read.timeZones().isEmpty() ? creditor(customer).timeZone().getId()
				: ZoneId.of(read.timeZones().get(0)).getId();
	}

	private CreditorView creditor(CustomerId customer) {
		return this.creditors.get(new CreditorId(this.customers.creditorOf(customer)));
	}

	/** The customer's language named in the reader's ("Malayalam", "मलयालम"). */
	private static @Nullable String languageName(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		String name = Locale.forLanguageTag(language).getDisplayLanguage(LocaleContextHolder.getLocale());
		return name.isBlank() ? language : name;
	}

	/**
	 * What a refused form shows: the contact point whose form it was (null for the form
	 * that adds one), each field's error as a message key, and what was entered.
	 */
	record Shown(@Nullable UUID point, Map<String, String> errors, Map<String, String> entered) {

		static Shown nothing() {
			return new Shown(null, Map.of(), Map.of());
		}

		static Shown refused(@Nullable UUID point, BindingResult binding, HttpServletRequest request) {
			Map<String, String> errors = new LinkedHashMap<>();
			binding.getFieldErrors().forEach((e) -> errors.putIfAbsent(e.getField(), key(e.getField(), false)));
			return new Shown(point, errors, entered(request));
		}

		static Shown refused(@Nullable UUID point, InvalidInputException refused, HttpServletRequest request) {
			Map<String, String> errors = new LinkedHashMap<>();
			refused.errors()
				.forEach((e) -> errors.putIfAbsent(e.field(), key(e.field(), refused instanceof ContactPointOnFile)));
			return new Shown(point, errors, entered(request));
		}

		/** The message key of an error of the field. */
		private static String key(String field, boolean onFile) {
			if (onFile) {
				return "contactpoint.error.onFile";
			}
			return switch (field) {
				case "number", "email", "reason", "status", "country", "source", "kind" ->
					"contactpoint.error." + field;
				default -> "contactpoint.error.field";
			};
		}

		private static Map<String, String> entered(HttpServletRequest request) {
			Map<String, String> entered = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!name.startsWith("_") && values.length > 0) {
					entered.put(name, values[0]);
				}
			});
			return entered;
		}

	}

	/** Adds a phone or an email. */
	@ContactPointValue
	record AddForm(@OneOf(value = ContactPointKind.class, required = true) @Nullable String kind,
			@Size(max = 64) @Nullable String number, @Size(max = 254) @Nullable String email,
			@OneOf(value = ContactPointSource.class, required = true) @Nullable String source,
			@Size(max = 1000) @Nullable String note) implements ContactPointValue.Fields {

		@Override
		public @Nullable Object address() {
			return null;
		}

	}

	/** Marks a contact point. */
	record StatusForm(@OneOf(value = ContactPointStatus.class, required = true) @Nullable String status,
			@StatedReason @Nullable String reason) {
	}

	/** Corrects an address. */
	record CorrectionForm(@Size(max = 200) @Nullable String line1, @Size(max = 200) @Nullable String line2,
			@Size(max = 100) @Nullable String city, @Size(max = 100) @Nullable String state,
			@Size(max = 20) @Nullable String postalCode, @NotBlank @CountryCode @Nullable String country,
			@OneOf(ContactPointSource.class) @Nullable String source, @StatedReason @Nullable String reason) {
	}

}
