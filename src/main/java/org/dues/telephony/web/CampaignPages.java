package org.dues.telephony.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.dues.telephony.CampaignFigures;
import org.dues.telephony.CampaignView;
import org.dues.telephony.Campaigns;
import org.dues.telephony.DialMode;
import org.dues.telephony.NewCampaign;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
	String create(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) java.util.@Nullable UUID queueId,
			@RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable String hoursFrom,
			@RequestParam(required = false) @Nullable String hoursTo,
			@RequestParam(required = false) @Nullable String zone,
			@RequestParam(required = false) @Nullable BigDecimal maxDialRatio,
			@RequestParam(required = false) @Nullable Integer wrapSeconds,
			@RequestParam(required = false) @Nullable String callerId,
			@RequestParam(required = false) @Nullable String members, Authentication user, Model model,
			HttpServletResponse response) {
		List<CampaignView.CallerIdRule> callerIds = (callerId == null || callerId.isBlank()) ? List.of()
				: List.of(new CampaignView.CallerIdRule("", "", callerId.strip()));
		List<String> names = (members == null) ? List.of()
				: Arrays.stream(members.split("[,\\s]+")).filter((m) -> !m.isBlank()).toList();
		try {
			CampaignView made = this.campaigns.create(new NewCampaign(name, queueId, mode, hoursFrom, hoursTo, zone,
					maxDialRatio, wrapSeconds, null, callerIds, names), user.getName());
			return "redirect:/campaigns/" + made.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", ex.errors().stream().map(InvalidInputException.FieldError::field).toList());
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("taken", true);
		}
		return list(model);
	}

	@GetMapping("/campaigns/{campaignId}")
	String one(@PathVariable @Unscoped(CampaignsApi.ANY) long campaignId, Model model) {
		model.addAttribute("figures", this.figures.of(campaignId));
		return "telephony/campaign";
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

}
