package org.dues.telephony.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.shared.InvalidInputException;
import org.dues.system.Unscoped;
import org.dues.telephony.CampaignFigures;
import org.dues.telephony.CampaignView;
import org.dues.telephony.Campaigns;
import org.dues.telephony.NewCampaign;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dial campaigns for leads and managers: made from a work queue, started and stopped,
 * with their live figures.
 */
@RestController
@Tag(name = "Telephony")
class CampaignsApi {

	static final String ANY = "campaigns are the floor's: leads, managers and administrators reach every one";

	private final Campaigns campaigns;

	private final CampaignFigures figures;

	CampaignsApi(Campaigns campaigns, CampaignFigures figures) {
		this.campaigns = campaigns;
		this.figures = figures;
	}

	@GetMapping("/api/v1/campaigns")
	@Operation(summary = "Every dial campaign")
	List<CampaignView> all() {
		return this.campaigns.all();
	}

	@PostMapping("/api/v1/campaigns")
	@Operation(summary = "Make a dial campaign from a queue, stopped",
			description = "name, queueId, mode (PREVIEW, PROGRESSIVE, PREDICTIVE), hoursFrom and hoursTo (HH:mm) in "
					+ "zone, maxDialRatio (1–5), wrapSeconds (0–3600), retries (busy, noAnswer, machine: minutes "
					+ "and maxTries), callerIds (creditor code, number prefix, E.164 caller id), members (user "
					+ "names). 400 naming each bad field and nothing made; 409 when the name is taken.")
	ResponseEntity<CampaignView> create(@RequestBody NewCampaign body, Authentication user) {
		CampaignView made = this.campaigns.create(body, user.getName());
		return ResponseEntity.created(URI.create("/api/v1/campaigns/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/campaigns/{campaignId}")
	@Operation(summary = "A dial campaign", description = "Its ETag is its version, for If-Match on a change.")
	ResponseEntity<CampaignView> one(@PathVariable @Unscoped(ANY) long campaignId) {
		CampaignView campaign = this.campaigns.get(campaignId);
		return ResponseEntity.ok().eTag(String.valueOf(campaign.version())).body(campaign);
	}

	@PutMapping("/api/v1/campaigns/{campaignId}")
	@Operation(summary = "Change a dial campaign as a whole, running or not",
			description = "The fields as for making one (a field left out takes its default); a running campaign "
					+ "dials by the change from its next turn. If-Match with the version read (the ETag) refuses "
					+ "a change made over someone else's with 409. 400 naming each bad field and nothing changed; "
					+ "409 when the name is another campaign's.")
	ResponseEntity<CampaignView> update(@PathVariable @Unscoped(ANY) long campaignId, @RequestBody NewCampaign body,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Authentication user) {
		CampaignView changed = this.campaigns.update(campaignId, body, version(ifMatch), user.getName());
		return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(changed);
	}

	/** The version an If-Match names ({@code "3"}, {@code W/"3"}), or null for none. */
	static @Nullable Integer version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Integer.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "the campaign's version as its ETag gives it");
		}
	}

	@PostMapping("/api/v1/campaigns/{campaignId}/start")
	@Operation(summary = "Start dialling; a node's dialer takes the campaign up within a second")
	CampaignView start(@PathVariable @Unscoped(ANY) long campaignId) {
		return this.campaigns.run(campaignId, true);
	}

	@PostMapping("/api/v1/campaigns/{campaignId}/stop")
	@Operation(summary = "Stop dialling; calls under way go on to their end")
	CampaignView stop(@PathVariable @Unscoped(ANY) long campaignId) {
		return this.campaigns.run(campaignId, false);
	}

	@GetMapping("/api/v1/campaigns/{campaignId}/figures")
	@Operation(summary = "Live figures: agents by state, lines in use, dials, connects, abandon rates, margin")
	CampaignFigures.Figures figures(@PathVariable @Unscoped(ANY) long campaignId) {
		return this.figures.of(campaignId);
	}

}
