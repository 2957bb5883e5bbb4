package org.dues.messaging.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.CustomerManagement;
import org.dues.messaging.Messages;
import org.dues.messaging.Rendered;
import org.dues.messaging.TemplateText;
import org.dues.messaging.TemplateVariables;
import org.dues.messaging.TemplateView;
import org.dues.messaging.Templates;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.RecordReach;
import org.dues.system.RecordScope;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The templates pages, for managers, compliance officers and administrators: every
 * template by channel and language; one template's text changed as a new version (what a
 * provider would refuse named at its field), its versions, and a preview with a real
 * account.
 */
@PageController
class TemplatePages {

	private final Templates templates;

	private final Messages messages;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final RecordScope scope;

	private final Phrases phrases;

	TemplatePages(Templates templates, Messages messages, Accounts accounts, Creditors creditors,
			CustomerManagement customers, RecordScope scope, Phrases phrases) {
		this.templates = templates;
		this.messages = messages;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.scope = scope;
		this.phrases = phrases;
	}

	@GetMapping("/templates")
	String list(@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String language, Model model) {
		Channel chosen = MessagePages.CHANNELS.stream()
			.filter((c) -> c.name().equalsIgnoreCase(String.valueOf(channel)))
			.findFirst()
			.orElse(null);
		String lang = (language != null && language.matches("[a-z]{2}")) ? language : null;
		model.addAttribute("templates", this.templates.list(chosen, lang, null, null));
		model.addAttribute("channels", MessagePages.CHANNELS);
		model.addAttribute("channel", chosen);
		model.addAttribute("language", lang);
		model.addAttribute("languages", List.of("en", "hi", "ml"));
		model.addAttribute("creditorNames", this.creditors.list());
		return "messaging/templates";
	}

	@GetMapping("/templates/{id}")
	String edit(@PathVariable @Unscoped("templates are the same for every reader") UUID id, Model model) {
		return render(this.templates.get(id), null, null, null, null, model);
	}

	@PostMapping("/templates/{id}")
	String save(@PathVariable @Unscoped("templates are the same for every reader") UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String dltTemplateId,
			@RequestParam(required = false) @Nullable String whatsAppName,
			@RequestParam(required = false) @Nullable String whatsAppLanguage,
			@RequestParam(required = false) @Nullable String reason, Model model, Authentication user) {
		TemplateView current = this.templates.get(id);
		TemplateText text = new TemplateText(subject, (body == null) ? "" : body, current.dltEntityId(),
				current.dltHeader(), dltTemplateId, whatsAppName, whatsAppLanguage);
		try {
			TemplateView saved = this.templates.revise(id, text, version, user.getName(), reason);
			model.addAttribute("saved", saved.version());
			return render(saved, null, null, null, null, model);
		}
		catch (InvalidInputException ex) {
			return render(current, text, ex, null, null, model);
		}
		catch (ConflictException ex) {
			return render(current, text, null, ex.getMessage(), null, model);
		}
	}

	@PostMapping("/templates/{id}/preview")
	String preview(@PathVariable @Unscoped("templates are the same for every reader") UUID id,
			@RequestParam(required = false) @Nullable String account, Model model, Authentication user) {
		TemplateView template = this.templates.get(id);
		Optional<AccountView> found = find(account)
			.filter((a) -> this.scope.reaches(user, RecordReach.account(a.id().value())));
		if (found.isEmpty()) {
			return render(template, null, null, null, "missing", model.addAttribute("account", account));
		}
		AccountView chosen = found.get();
		CreditorView creditor = this.creditors.get(chosen.creditorId());
		Rendered rendered = this.messages.render(template, chosen, creditor, this.customers.get(chosen.customerId()),
				user.getName(), null);
		model.addAttribute("rendered", rendered);
		model.addAttribute("account", account);
		return render(template, null, null, null, null, model);
	}

	/**
	 * An account named as creditor/reference ({@code MALABAR/MFLKL0001207}) or by its id.
	 */
	private Optional<AccountView> find(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String key = text.strip();
		int slash = key.indexOf('/');
		if (slash > 0) {
			return this.creditors.findByCode(key.substring(0, slash).strip())
				.flatMap((c) -> this.accounts.findByRef(c.id(), key.substring(slash + 1).strip()));
		}
		try {
			return Optional.of(this.accounts.get(new org.dues.portfolio.AccountId(UUID.fromString(key))));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private String render(TemplateView template, @Nullable TemplateText entered, @Nullable InvalidInputException errors,
			@Nullable String problem, @Nullable String accountProblem, Model model) {
		model.addAttribute("template", template);
		model.addAttribute("entered",
				(entered != null) ? entered
						: new TemplateText(template.subject(), template.body(), template.dltEntityId(),
								template.dltHeader(), template.dltTemplateId(), template.whatsAppName(),
								template.whatsAppLanguage()));
		model.addAttribute("versions", this.templates.versions(template.id()));
		model.addAttribute("variables", TemplateVariables.KNOWN.keySet().stream().sorted().toList());
		model.addAttribute("problem", problem);
		model.addAttribute("accountProblem", accountProblem);
		java.util.Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
		if (errors != null) {
			errors.errors().forEach((e) -> fieldErrors.merge(e.field(), this.phrases.say(e), (a, b) -> a + " " + b));
		}
		model.addAttribute("fieldErrors", fieldErrors);
		return "messaging/template";
	}

}
