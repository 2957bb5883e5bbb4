package org.dues.telephony.web;

import jakarta.servlet.http.HttpServletResponse;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.dues.telephony.CampaignFigures;
import org.dues.telephony.CampaignView;
import org.dues.telephony.Campaigns;
import org.dues.telephony.DialMode;
import org.dues.work.Queues;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The campaigns page of leads and managers: every campaign with a form to make one from a
 * queue, and each campaign's page with its settings, start and stop, and its live figures
 * (refreshed every two seconds by htmx from {@code /campaigns/{id}/figures}).
 */
@PageController
class CampaignPages {

	private final Campaigns campaigns;

	private final CampaignFigures figures;

	private final Queues queues;

	CampaignPages(Campaigns campaigns, CampaignFigures figures, Queues queues) {
		this.campaigns = campaigns;
		this.figures = figures;
		this.queues = queues;
	}

	@GetMapping("/campaigns")
	String list(Model model) {
		model.addAttribute("campaigns", this.campaigns.all());
		model.addAttribute("queues", this.queues.all());
		model.addAttribute("modes", DialMode.values());
		return "telephony/campaigns";
	}

	@PostMapping("/campaigns")
	String create(@ModelAttribute CampaignForm form, Authentication user, Model model, HttpServletResponse response) {
		try {
			CampaignView made = this.campaigns.create(form.campaign(), user.getName());
			return "redirect:/campaigns/" + made.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", labels(ex));
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("taken", true);
		}
		return list(model);
	}

	/** The form's labels of the fields the campaign was refused for, each once. */
	private static java.util.List<String> labels(InvalidInputException ex) {
		return ex.errors()
			.stream()
			.map(InvalidInputException.FieldError::field)
			.map(CampaignPages::label)
			.distinct()
			.toList();
	}

	@GetMapping("/campaigns/{campaignId}")
	String one(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId, Model model) {
		CampaignFigures.Figures figures = this.figures.of(campaignId);
		model.addAttribute("figures", figures);
		model.addAttribute("queues", this.queues.all());
		model.addAttribute("modes", DialMode.values());
		model.addAttribute("callerIdText", CampaignForm.text(figures.campaign().callerIds()));
		return "telephony/campaign";
	}

	/**
	 * Changes the campaign as the form says; a change over someone else's (the version
	 * moved since the page was read) is refused with the page read again.
	 */
	@PostMapping("/campaigns/{campaignId}")
	String update(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId, @ModelAttribute CampaignForm form,
			Authentication user, Model model, HttpServletResponse response) {
		try {
			this.campaigns.update(campaignId, form.campaign(), form.version(), user.getName());
			return "redirect:/campaigns/" + campaignId + "?changed";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", labels(ex));
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("conflict", ex.getMessage());
		}
		return one(campaignId, model);
	}

	@GetMapping("/campaigns/{campaignId}/figures")
	String figures(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId, Model model) {
		model.addAttribute("figures", this.figures.of(campaignId));
		return "telephony/campaign :: figures";
	}

	@PostMapping("/campaigns/{campaignId}/start")
	String start(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId) {
		this.campaigns.run(campaignId, true);
		return "redirect:/campaigns/" + campaignId;
	}

	@PostMapping("/campaigns/{campaignId}/stop")
	String stop(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId) {
		this.campaigns.run(campaignId, false);
		return "redirect:/campaigns/" + campaignId;
	}

	/**
	 * The message key of the form's label for a field the campaign refused, so the page
	 * names it as the form does, in the reader's language.
	 */
	static String label(String field) {
		String head = field.split("[.\\[]", 2)[0];
		return switch (head) {
			case "queueId" -> "campaigns.queue";
			case "maxDialRatio" -> "campaigns.ratio";
			case "wrapSeconds" -> "campaigns.wrap";
			case "name", "mode", "hoursFrom", "hoursTo", "zone", "members", "retries", "callerIds" ->
				"campaigns." + head;
			default -> "campaigns.edit";
		};
	}

}
