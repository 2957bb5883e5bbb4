package org.dues.messaging.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dues.compliance.Channel;
import org.dues.customer.CustomerManagement;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.Messages;
import org.dues.messaging.Rendered;
import org.dues.messaging.TemplateText;
import org.dues.messaging.TemplateView;
import org.dues.messaging.Templates;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.NotFoundException;
import org.dues.system.RecordReach;
import org.dues.system.RecordScope;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message templates: list, create, change (a new version), and preview with a real
 * account.
 */
@RestController
@Tag(name = "Messaging")
class TemplatesApi {

	private final Templates templates;

	private final Messages messages;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final RecordScope scope;

	TemplatesApi(Templates templates, Messages messages, Accounts accounts, Creditors creditors,
			CustomerManagement customers, RecordScope scope) {
		this.templates = templates;
		this.messages = messages;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.scope = scope;
	}

	@GetMapping("/api/v1/templates")
	@Operation(summary = "The current templates, filtered by channel, language, code and creditor")
	List<TemplateJson> list(@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String creditor) {
		CreditorId owner = (creditor == null || creditor.isBlank()) ? null : this.creditors.getByCode(creditor).id();
		return this.templates.list(Choice.orNull("channel", channel, Channel.class), language, code, owner)
			.stream()
			.map(TemplateJson::of)
			.toList();
	}

	@PostMapping("/api/v1/templates")
	@Operation(summary = "A new template (version 1)",
			description = "Refused with 400 naming the field for an unknown variable, an SMS of more parts than "
					+ "allowed, an Indian SMS without its DLT template id, a WhatsApp template without its "
					+ "approved name and language, an email or letter without a subject; 409 when the code, "
					+ "channel, language and creditor exist")
	ResponseEntity<TemplateJson> create(@RequestBody @Valid NewTemplate body, Authentication user) {
		CreditorId owner = (body.creditor() == null || body.creditor().isBlank()) ? null
				: this.creditors.getByCode(body.creditor()).id();
		TemplateView made = this.templates.create(body.code(), Choice.of("channel", body.channel(), Channel.class),
				body.language(), Choice.of("purpose", body.purpose(), MessagePurpose.class), owner, body.text(),
				user.getName());
		return ResponseEntity.created(URI.create("/api/v1/templates/" + made.id())).body(TemplateJson.of(made));
	}

	@GetMapping("/api/v1/templates/{id}")
	@Operation(summary = "A template's current version, or the version asked for")
	TemplateJson get(
			@PathVariable @Unscoped("templates are the same for every reader; the account a preview names is checked") UUID id,
			@RequestParam(required = false) @Nullable Integer version) {
		return TemplateJson.of((version == null) ? this.templates.get(id) : this.templates.version(id, version));
	}

	@GetMapping("/api/v1/templates/{id}/versions")
	@Operation(summary = "Every version of a template, newest first")
	List<TemplateJson> versions(
			@PathVariable @Unscoped("templates are the same for every reader; the account a preview names is checked") UUID id) {
		return this.templates.versions(id).stream().map(TemplateJson::of).toList();
	}

	@PutMapping("/api/v1/templates/{id}")
	@Operation(summary = "Change a template: a new version",
			description = "Messages already sent keep the version they used; 409 when `version` is given and "
					+ "another change came first")
	TemplateJson revise(
			@PathVariable @Unscoped("templates are the same for every reader; the account a preview names is checked") UUID id,
			@RequestBody @Valid TemplateChange body, Authentication user) {
		return TemplateJson.of(this.templates.revise(id, body.text(), body.version(), user.getName(), body.reason()));
	}

	@PostMapping("/api/v1/templates/{id}/preview")
	@Operation(summary = "The template rendered for a real account, as it would go now")
	PreviewJson preview(
			@PathVariable @Unscoped("templates are the same for every reader; the account a preview names is checked") UUID id,
			@RequestBody @Valid PreviewRequest body, Authentication user) {
		AccountId accountId = new AccountId(body.accountId());
		if (!this.scope.reaches(user, RecordReach.account(accountId.value()))) {
			throw new NotFoundException("account", accountId.value());
		}
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		TemplateView template = this.templates.get(id);
		Rendered rendered = this.messages.render(template, account, creditor, this.customers.get(account.customerId()),
				user.getName(), null);
		return PreviewJson.of(rendered);
	}

	record NewTemplate(@NotBlank @Size(max = 63) String code, @NotBlank String channel,
			@NotBlank @Size(max = 3) String language, @NotBlank String purpose, @Nullable String creditor,
			@Nullable @Size(max = 500) String subject, @NotBlank @Size(max = 20000) String body,
			@Nullable String dltEntityId, @Nullable String dltHeader, @Nullable String dltTemplateId,
			@Nullable String whatsAppName, @Nullable String whatsAppLanguage) {

		TemplateText text() {
			return new TemplateText(this.subject, this.body, this.dltEntityId, this.dltHeader, this.dltTemplateId,
					this.whatsAppName, this.whatsAppLanguage);
		}

	}

	record TemplateChange(@Nullable Integer version, @Nullable @Size(max = 500) String subject,
			@NotBlank @Size(max = 20000) String body, @Nullable String dltEntityId, @Nullable String dltHeader,
			@Nullable String dltTemplateId, @Nullable String whatsAppName, @Nullable String whatsAppLanguage,
			@Nullable @Size(max = 1000) String reason) {

		TemplateText text() {
			return new TemplateText(this.subject, this.body, this.dltEntityId, this.dltHeader, this.dltTemplateId,
					this.whatsAppName, this.whatsAppLanguage);
		}

	}

	record PreviewRequest(@NotNull UUID accountId) {
	}

	record PreviewJson(@Nullable String subject, String body, TemplateJson.@Nullable Segments segments) {

		static PreviewJson of(Rendered r) {
			return new PreviewJson(r.subject(), r.body(),
					(r.segments() == null) ? null : new TemplateJson.Segments(r.segments().encoding(),
							r.segments().units(), r.segments().segments()));
		}

	}

}
