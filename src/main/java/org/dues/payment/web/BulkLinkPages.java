package org.dues.payment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.payment.BulkPaymentLinks;
import org.dues.payment.LinkPurpose;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.AccountSelections;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Payment links for many accounts at once, for leads, managers and administrators: the
 * accounts browser's selection (its "payment links for these accounts") or a team's
 * queue, a purpose and an expiry; the page answers how many links were made and why the
 * others were skipped.
 */
@PageController
class BulkLinkPages {

	private final BulkPaymentLinks bulk;

	private final AccountSelections selections;

	BulkLinkPages(BulkPaymentLinks bulk, AccountSelections selections) {
		this.bulk = bulk;
		this.selections = selections;
	}

	@GetMapping("/supervisor/payment-links/bulk")
	String form(@ModelAttribute("form") BulkLinkForm form, Model model, Authentication user) {
		model.addAttribute("queues", this.selections.queues(user));
		model.addAttribute("purposes", List.of(LinkPurpose.OVERDUE, LinkPurpose.BALANCE, LinkPurpose.INSTALMENT));
		if (form.hasSelection()) {
			try {
				model.addAttribute("matching", this.selections.count(form.filters(), user));
			}
			catch (InvalidInputException | NotFoundException ex) {
				model.addAttribute("problem", String.valueOf(ex.getMessage()));
			}
		}
		return "payment/bulk-links";
	}

	@PostMapping("/supervisor/payment-links/bulk")
	String create(@ModelAttribute("form") BulkLinkForm form, Model model, Authentication user) {
		try {
			BulkPaymentLinks.Selector selector;
			if (form.hasSelection()) {
				selector = new BulkPaymentLinks.Selector.Selection(form.filters());
			}
			else if (form.queueId() != null) {
				selector = new BulkPaymentLinks.Selector.Queue(form.queueId());
			}
			else {
				throw new InvalidInputException("queueId",
						"choose a queue, or open this page from the accounts browser");
			}
			LinkPurpose purpose = form.purpose() == null || form.purpose().isBlank() ? LinkPurpose.OVERDUE
					: Choice.of("purpose", form.purpose(), LinkPurpose.class);
			BulkPaymentLinks.Result result = this.bulk.create(selector, purpose,
					CalendarBounds.parse("expiresOn", form.expiresOn()), user);
			model.addAttribute("result", result);
		}
		catch (InvalidInputException | NotFoundException ex) {
			model.addAttribute("problem", String.valueOf(ex.getMessage()));
		}
		return form(form, model, user);
	}

	/**
	 * The page's form: the source ({@code selection} with the browser's filters, or a
	 * queue), the purpose and the last day to pay.
	 */
	record BulkLinkForm(@Nullable String source, @Nullable UUID queueId, @Nullable String creditors,
			@Nullable String buckets, @Nullable Integer dpdMin, @Nullable Integer dpdMax, @Nullable String balanceMin,
			@Nullable String balanceMax, @Nullable String languages, @Nullable String regions,
			@Nullable String statuses, @Nullable List<String> arrangements, @Nullable String owner, @Nullable UUID team,
			@Nullable UUID queue, @Nullable String purpose, @Nullable String expiresOn) {

		/** The browser's filters, as its address carries them. */
		Map<String, List<String>> filters() {
			Map<String, List<String>> filters = new LinkedHashMap<>();
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

		private static void put(Map<String, List<String>> filters, String name, @Nullable Object value) {
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
