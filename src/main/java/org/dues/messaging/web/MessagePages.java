package org.dues.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.Replies;
import org.dues.messaging.Sending;
import org.dues.messaging.TemplateView;
import org.dues.messaging.Templates;
import org.dues.payment.PaymentLinkId;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.dues.system.Phrases;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.dues.system.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account page's messages panel: pick a channel, a template and a language, see the
 * text and whether the gate lets it go now, send; on WhatsApp, the customer's last
 * message and, within 24 hours of it, a free-text reply; the account's messages with
 * their status as the provider reports it.
 */
@PageController
class MessagePages {

	/** The channels of every template. */
	static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.WHATSAPP, Channel.EMAIL, Channel.LETTER);

	/**
	 * The channels the panel sends on: a letter from a template is not yet rendered to
	 * the PDF the print batch takes (the validation notice is), so letters are not
	 * offered.
	 */
	static final List<Channel> SENDABLE = List.of(Channel.SMS, Channel.WHATSAPP, Channel.EMAIL);

	private final Messages messages;

	private final Sending sending;

	private final Templates templates;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Phrases phrases;

	private final Replies replies;

	private final PaymentLinks links;

	MessagePages(Messages messages, Sending sending, Templates templates, Accounts accounts,
			CustomerManagement customers, Phrases phrases, Replies replies, PaymentLinks links) {
		this.links = links;
		this.messages = messages;
		this.replies = replies;
		this.sending = sending;
		this.templates = templates;
		this.accounts = accounts;
		this.customers = customers;
		this.phrases = phrases;
	}

	@GetMapping("/accounts/{id}/messages")
	String panel(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String language, Model model, Authentication user) {
		return render(id, form(id, channel, template, language), null, null, model, user);
	}

	@PostMapping("/accounts/{id}/messages/preview")
	String preview(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String language, Model model, Authentication user) {
		Form form = form(id, channel, template, language);
		try {
			Messages.Preview preview = this.messages.preview(
					NewMessage.now(new AccountId(id), form.channel(), form.template(), form.language(), null),
					user.getName());
			model.addAttribute("preview", preview);
			return render(id, form, null, null, model, user);
		}
		catch (InvalidInputException ex) {
			return render(id, form, null, String.join(" ", ex.errors().stream().map(this.phrases::say).toList()), model,
					user);
		}
	}

	@PostMapping("/accounts/{id}/messages")
	String send(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable UUID link, Model model, Authentication user) {
		Form form = form(id, channel, template, language);
		try {
			// a link the agent made on the payments panel, sent for what is left to pay
			NewMessage.Facts facts = (link == null) ? null
					: NewMessage.Facts.of(this.links.get(new AccountId(id), new PaymentLinkId(link)));
			MessageView sent = this.sending.send(new NewMessage(new AccountId(id), form.channel(), form.template(),
					form.language(), null, null, facts, null, null), user.getName());
			return render(id, form, sent, null, model, user);
		}
		catch (InvalidInputException ex) {
			return render(id, form, null, String.join(" ", ex.errors().stream().map(this.phrases::say).toList()), model,
					user);
		}
	}

	@PostMapping("/accounts/{id}/messages/reply")
	String reply(@PathVariable @Scoped("account") UUID id, @RequestParam(required = false) @Nullable String text,
			Model model, Authentication user) {
		Form form = form(id, Channel.WHATSAPP.name(), null, null);
		try {
			MessageView sent = this.sending.reply(new AccountId(id), (text == null) ? "" : text, null, user.getName());
			return render(id, form, sent, null, model, user);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("replyText", text);
			return render(id, form, null, String.join(" ", ex.errors().stream().map(this.phrases::say).toList()), model,
					user);
		}
	}

	private Form form(UUID id, @Nullable String channel, @Nullable String template, @Nullable String language) {
		Channel chosen = SENDABLE.stream()
			.filter((c) -> c.name().equalsIgnoreCase(String.valueOf(channel)))
			.findFirst()
			.orElse(Channel.SMS);
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		String lang = (language != null && language.matches("[a-z]{2}")) ? language
				: (customer.language() != null) ? customer.language() : "en";
		return new Form(chosen, (template == null || template.isBlank()) ? "payment-link" : template, lang);
	}

	private String render(UUID id, Form form, @Nullable MessageView sent, @Nullable String problem, Model model,
			Authentication user) {
		AccountView account = this.accounts.get(new AccountId(id));
		Map<String, String> codes = new LinkedHashMap<>();
		for (TemplateView t : this.templates.list(form.channel(), null, null, account.creditorId())) {
			codes.putIfAbsent(t.code(), t.purpose().name());
		}
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("channels", SENDABLE);
		model.addAttribute("codes", codes);
		model.addAttribute("languages", List.of("en", "hi", "ml"));
		model.addAttribute("sent", sent);
		model.addAttribute("problem", problem);
		model.addAttribute("list", this.messages.ofAccount(account.id(), 20));
		model.addAttribute("window",
				(form.channel() == Channel.WHATSAPP) ? this.replies.window(account.id(), null) : null);
		model.addAttribute("mayWrite",
				user.getAuthorities()
					.stream()
					.anyMatch((a) -> List.of("ROLE_AGENT", "ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN")
						.contains(a.getAuthority())));
		return "messaging/panel :: panel";
	}

	record Form(Channel channel, String template, String language) {
	}

}
