package org.dues.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.dues.compliance.Channel;
import org.dues.compliance.CompliancePolicies;
import org.dues.compliance.ContactPolicy;
import org.dues.compliance.CreditorPolicyLayers;
import org.dues.compliance.HoldType;
import org.dues.compliance.StaleLayerException;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.FormErrors;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact policies for the compliance officer: each jurisdiction's policy in force
 * today, part by part in words; each creditor's own layer and what it changes beside the
 * jurisdiction's; and a creditor's page with every version of its layer and a form that
 * changes it through {@link CreditorPolicyLayers#patch} (the service behind the API's
 * merge patch), naming the version it was read at, so that a change made meanwhile is
 * refused as stale rather than overwritten.
 */
@PageController
class PolicyPages {

	private static final String CODE = "a creditor's code: no personal data; the pages are for compliance and administrators";

	private final CompliancePolicies policies;

	private final CreditorPolicyLayers layers;

	private final Creditors creditors;

	private final MessageSource messages;

	private final Clock clock;

	PolicyPages(CompliancePolicies policies, CreditorPolicyLayers layers, Creditors creditors, MessageSource messages,
			Clock clock) {
		this.policies = policies;
		this.layers = layers;
		this.creditors = creditors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/compliance/policies")
	String policies(@RequestParam(required = false) @Nullable String zone, HttpSession session, Model model) {
		ZoneId viewer = ViewerZone.of(session, zone, this.creditors, model);
		LocalDate today = LocalDate.now(this.clock.withZone(viewer));
		PolicyText text = text();
		List<Jurisdiction> jurisdictions = new ArrayList<>();
		for (String code : this.policies.codes()) {
			try {
				ContactPolicy policy = this.policies.resolve(code, today);
				jurisdictions.add(new Jurisdiction(code, policy, text.parts(policy)));
			}
			catch (NotFoundException ex) {
				// a policy that comes into force later: not in force today
			}
		}
		List<CreditorLayer> creditors = new ArrayList<>();
		for (CreditorView creditor : this.creditors.list()) {
			creditors.add(layerOf(creditor, text));
		}
		model.addAttribute("today", today);
		model.addAttribute("jurisdictions", jurisdictions);
		model.addAttribute("creditors", creditors);
		return "compliance/policies";
	}

	@GetMapping("/compliance/creditors/{code}/policy")
	String creditor(@PathVariable @Unscoped(CODE) String code, @RequestParam(required = false) @Nullable Integer saved,
			@RequestParam(required = false) @Nullable String zone, HttpSession session, Model model) {
		ViewerZone.of(session, zone, this.creditors, model);
		model.addAttribute("saved", saved);
		return render(this.creditors.getByCode(code), null, model);
	}

	@PostMapping("/compliance/creditors/{code}/policy")
	String change(@PathVariable @Unscoped(CODE) String code, @Valid @ModelAttribute("form") LayerForm form,
			BindingResult binding, HttpSession session, Model model, Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		ViewerZone.of(session, null, this.creditors, model);
		if (binding.hasErrors()) {
			model.addAttribute("problems", List.of(FormErrors.describe(binding)));
			return render(creditor, form, model);
		}
		List<CreditorPolicyLayers.LayerVersion> versions = this.layers.versions(creditor.id());
		JsonNode stored = versions.isEmpty() ? JsonNodeFactory.instance.objectNode() : versions.get(0).rules();
		int current = versions.isEmpty() ? 0 : versions.get(0).version();
		try {
			ObjectNode patch = LayerForm.patch(stored, form.layer(base(creditor), stored));
			if (patch.isEmpty() && form.version() == current) {
				model.addAttribute("unchanged", true);
				return render(creditor, form, model);
			}
			CreditorPolicyLayers.LayerVersion saved = this.layers.patch(creditor, form.version(), patch,
					form.effectiveFrom(), form.reason(), user.getName());
			return "redirect:/compliance/creditors/{code}/policy?saved=" + saved.version();
		}
		catch (StaleLayerException ex) {
			model.addAttribute("stale", List.of(form.version(), ex.current()));
			return render(creditor, null, model);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.errors().stream().map((e) -> e.field() + ": " + e.message()).toList());
			return render(creditor, form, model);
		}
	}

	/**
	 * The creditor's page: its policy in force, its layer's changes, every version, and
	 * the form (as given back after a refusal, else as the layer stands).
	 */
	private String render(CreditorView creditor, @Nullable LayerForm given, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		PolicyText text = text();
		List<CreditorPolicyLayers.LayerVersion> versions = this.layers.versions(creditor.id());
		ContactPolicy base = base(creditor);
		AuditDetails details = new AuditDetails(this.messages, LocaleContextHolder.getLocale(), Map.of());
		List<Version> shown = versions.stream()
			.map((v) -> new Version(v, details.lines(String.valueOf((v.change() != null) ? v.change() : v.rules())),
					v.change() == null))
			.toList();
		model.addAttribute("creditor", creditor);
		model.addAttribute("today", today);
		model.addAttribute("layer", layerOf(creditor, text));
		model.addAttribute("effective", text.parts(this.policies.forCreditor(creditor, today)));
		model.addAttribute("versions", shown);
		model.addAttribute("form",
				(given != null) ? given
						: LayerForm.of(
								versions.isEmpty() ? JsonNodeFactory.instance.objectNode() : versions.get(0).rules(),
								versions.isEmpty() ? 0 : versions.get(0).version()));
		model.addAttribute("channels", Channel.outbound());
		model.addAttribute("holdTypes", HoldType.values());
		Map<Channel, String> hours = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.outbound()) {
			hours.put(channel, text.window(base.hours().get(channel)));
		}
		Map<HoldType, String> holds = new EnumMap<>(HoldType.class);
		for (HoldType type : HoldType.values()) {
			holds.put(type, text.hold(base.holds().get(type)));
		}
		model.addAttribute("base",
				new Base(base.code(), hours, text.consent(base.inconvenientTimeConsent()),
						text.reply(base.replyWindow()), text.frequency(base.callFrequency()), holds,
						text.third(base.thirdParty())));
		return "compliance/creditor-policy";
	}

	private CreditorLayer layerOf(CreditorView creditor, PolicyText text) {
		List<CreditorPolicyLayers.LayerVersion> versions = this.layers.versions(creditor.id());
		if (versions.isEmpty()) {
			return new CreditorLayer(creditor, null, List.of());
		}
		CreditorPolicyLayers.LayerVersion latest = versions.get(0);
		ContactPolicy base = base(creditor);
		return new CreditorLayer(creditor, latest, text.changes(base, this.layers.layerOf(latest)));
	}

	private ContactPolicy base(CreditorView creditor) {
		return this.policies.resolveJurisdiction(creditor.jurisdiction(),
				LocalDate.now(this.clock.withZone(creditor.timeZone())));
	}

	private PolicyText text() {
		Locale locale = LocaleContextHolder.getLocale();
		return new PolicyText(this.messages, locale);
	}

	/** A jurisdiction's policy in force, part by part. */
	record Jurisdiction(String code, ContactPolicy policy, List<PolicyText.Part> parts) {
	}

	/**
	 * A creditor and its own layer, if it has one: the latest version and what it
	 * changes.
	 */
	record CreditorLayer(CreditorView creditor, CreditorPolicyLayers.@Nullable LayerVersion latest,
			List<PolicyText.Change> changes) {
	}

	/**
	 * A version of a creditor's layer as listed.
	 *
	 * @param change the merge patch that made it, a line per field (or the whole layer
	 * when it was given whole)
	 * @param whole whether it was given whole
	 */
	record Version(CreditorPolicyLayers.LayerVersion version, List<AuditDetails.Line> change, boolean whole) {
	}

	/** The jurisdiction's values beside each field of the form, in words. */
	record Base(String code, Map<Channel, String> hours, String consent, String reply, String frequency,
			Map<HoldType, String> holds, String third) {
	}

}
