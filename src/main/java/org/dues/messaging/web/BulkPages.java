package org.dues.messaging.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.messaging.BulkListRefusedException;
import org.dues.messaging.BulkSelector;
import org.dues.messaging.BulkSends;
import org.dues.messaging.BulkView;
import org.dues.messaging.NewBulk;
import org.dues.messaging.TemplateView;
import org.dues.messaging.Templates;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.AccountSelections;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bulk message page of leads and managers ({@code /supervisor/messages/bulk}): choose
 * the accounts (a queue of their teams, the accounts browser's selection, or an uploaded
 * list), the template, channel, language and time; see the preview (how many would go
 * now, how many the gate would hold back and why, how many cannot be addressed); confirm;
 * then watch the messages move (the progress polled with htmx) and cancel what is still
 * queued.
 */
@PageController
class BulkPages {

	private final BulkSends bulk;

	private final Templates templates;

	private final AccountSelections selections;

	private final MessageSource messages;

	BulkPages(BulkSends bulk, Templates templates, AccountSelections selections, MessageSource messages) {
		this.bulk = bulk;
		this.templates = templates;
		this.selections = selections;
		this.messages = messages;
	}

	@GetMapping("/supervisor/messages/bulk")
	String form(@ModelAttribute("form") BulkForm form, Model model, Authentication user) {
		model.addAttribute("queues", this.selections.queues(user));
		model.addAttribute("channels", List.of(Channel.SMS, Channel.EMAIL, Channel.WHATSAPP, Channel.LETTER));
		model.addAttribute("codes",
				this.templates.list(null, null, null, null)
					.stream()
					.map(TemplateView::code)
					.distinct()
					.sorted()
					.toList());
		model.addAttribute("messageLanguages", List.of("en", "hi", "ml"));
		model.addAttribute("recent", this.bulk.startedBy(user.getName(), 10).stream().map(this.bulk::get).toList());
		if (form.hasSelection()) {
			try {
				model.addAttribute("matching", this.selections.count(form.filters(), user));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("problem", String.valueOf(ex.getMessage()));
			}
		}
		return "messaging/bulk";
	}

	@PostMapping("/supervisor/messages/bulk")
	String preview(@ModelAttribute("form") BulkForm form, @RequestParam(required = false) @Nullable MultipartFile file,
			Model model, Authentication user, RedirectAttributes redirect) throws IOException {
		try {
			BulkView started = this.bulk.start(
					new NewBulk(selector(form, file),
							org.dues.shared.Choice.of("channel", form.channel(), Channel.class),
							blank(form.template(), "template"), form.language(), null, scheduled(form.scheduledAt())),
					user);
			return "redirect:/supervisor/messages/bulk/" + started.id();
		}
		catch (BulkListRefusedException ex) {
			model.addAttribute("problem", text("bulk.refused.list", ex.lines().size()));
			model.addAttribute("badLines", ex.lines());
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			model.addAttribute("problem", String.valueOf(ex.getMessage()));
		}
		return form(form, model, user);
	}

	@GetMapping("/supervisor/messages/bulk/{bulkId}")
	String show(@PathVariable @Scoped("bulk-send") UUID bulkId, Model model, Authentication user) {
		model.addAttribute("bulk", this.bulk.get(bulkId));
		model.addAttribute("mine", this.bulk.get(bulkId).startedBy().equals(user.getName()));
		return "messaging/bulk-send";
	}

	@GetMapping("/supervisor/messages/bulk/{bulkId}/progress")
	String progress(@PathVariable @Scoped("bulk-send") UUID bulkId, Model model) {
		model.addAttribute("bulk", this.bulk.get(bulkId));
		return "messaging/bulk-send :: progress";
	}

	@PostMapping("/supervisor/messages/bulk/{bulkId}/queue")
	String queue(@PathVariable @Scoped("bulk-send") UUID bulkId, Authentication user, RedirectAttributes redirect) {
		try {
			this.bulk.queue(bulkId, user);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", String.valueOf(ex.getMessage()));
		}
		return "redirect:/supervisor/messages/bulk/" + bulkId;
	}

	@PostMapping("/supervisor/messages/bulk/{bulkId}/cancel")
	String cancel(@PathVariable @Scoped("bulk-send") UUID bulkId, Authentication user) {
		this.bulk.cancel(bulkId, user.getName());
		return "redirect:/supervisor/messages/bulk/" + bulkId;
	}

	private BulkSelector selector(BulkForm form, @Nullable MultipartFile file) throws IOException {
		String source = (form.source() == null) ? "" : form.source();
		return switch (source) {
			case "queue" -> {
				if (form.queueId() == null) {
					throw new InvalidInputException("queueId", text("bulk.refused.queue"));
				}
				yield new BulkSelector.Queue(form.queueId());
			}
			case "selection" -> new BulkSelector.Selection(form.filters());
			case "upload" -> {
				if (file == null || file.isEmpty()) {
					throw new InvalidInputException("file", text("bulk.refused.file"));
				}
				yield new BulkSelector.Upload(String.valueOf(file.getOriginalFilename()), file.getBytes(),
						(form.creditor() == null || form.creditor().isBlank()) ? null : form.creditor().strip());
			}
			default -> throw new InvalidInputException("source", text("bulk.refused.source"));
		};
	}

	private @Nullable LocalDateTime scheduled(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("scheduledAt", text("bulk.refused.time", text));
		}
	}

	private String blank(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, text("bulk.refused.template"));
		}
		return text;
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * The bulk page's form: the source ({@code queue}, {@code selection} or
	 * {@code upload}) and what it needs (the queue, the browser's filters, the creditor
	 * of an uploaded list's references), the channel, template, language and the local
	 * time to send at.
	 */
	record BulkForm(@Nullable String source, @Nullable UUID queueId, @Nullable String creditors,
			@Nullable String buckets, @Nullable Integer dpdMin, @Nullable Integer dpdMax, @Nullable String balanceMin,
			@Nullable String balanceMax, @Nullable String languages, @Nullable String regions,
			@Nullable String statuses, @Nullable List<String> arrangements, @Nullable String owner, @Nullable UUID team,
			@Nullable UUID queue, @Nullable String creditor, @Nullable String channel, @Nullable String template,
			@Nullable String language, @Nullable String scheduledAt) {

		/** The browser's filters, as its address carries them. */
		java.util.Map<String, List<String>> filters() {
			java.util.Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
			put(filters, "creditors", this.creditors);
			put(filters, "buckets", this.buckets);
			put(filters, "dpdMin", this.dpdMin);
			put(filters, "dpdMax", this.dpdMax);
			put(filters, "balanceMin", this.balanceMin);
			put(filters, "balanceMax", this.balanceMax);
			put(filters, "languages", this.languages);
			put(filters, "regions", this.regions);
			put(filters, "statuses", this.statuses);
			if (this.arrangements != null) {
				filters.put("arrangements", this.arrangements);
			}
			put(filters, "owner", this.owner);
			put(filters, "team", this.team);
			put(filters, "queue", this.queue);
			return filters;
		}

		private static void put(java.util.Map<String, List<String>> filters, String name, @Nullable Object value) {
			if (value != null && !String.valueOf(value).isBlank()) {
				filters.put(name, List.of(String.valueOf(value)));
			}
		}

		/** Whether the page was opened on a browser selection. */
		boolean hasSelection() {
			return "selection".equals(this.source);
		}

	}

}
