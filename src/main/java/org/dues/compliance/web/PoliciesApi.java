package org.dues.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.compliance.CompliancePolicies;
import org.dues.compliance.ContactPolicy;
import org.dues.compliance.CreditorPolicyLayers;
import org.dues.compliance.StaleLayerException;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact policies as data: read a jurisdiction's policy in force on a day, read a
 * creditor's, and give a creditor stricter rules of its own, changed as versions (a merge
 * patch, or a whole layer under If-Match) and listed with who, when and why.
 */
@RestController
@Tag(name = "Compliance")
class PoliciesApi {

	private final CompliancePolicies policies;

	private final Creditors creditors;

	private final CreditorPolicyLayers layers;

	private final Clock clock;

	PoliciesApi(CompliancePolicies policies, CreditorPolicyLayers layers, Creditors creditors, Clock clock) {
		this.policies = policies;
		this.layers = layers;
		this.creditors = creditors;
		this.clock = clock;
	}

	@GetMapping("/api/v1/compliance/policies")
	@Operation(summary = "The jurisdiction codes that have a contact policy")
	List<String> codes() {
		return this.policies.codes();
	}

	@GetMapping("/api/v1/compliance/policies/{code}")
	@Operation(summary = "A jurisdiction's contact policy in force on a day (today by default)")
	ContactPolicy policy(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		return this.policies.resolve(code,
				(on == null) ? LocalDate.now(this.clock) : org.dues.shared.CalendarBounds.check("on", on));
	}

	@GetMapping("/api/v1/creditors/{code}/contact-policy")
	@Operation(summary = "A creditor's contact policy in force on a day: its jurisdiction's with its own rules",
			description = "The ETag names the current version of the creditor's own layer, for If-Match")
	ResponseEntity<ContactPolicy> creditorPolicy(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		CreditorView creditor = this.creditors.getByCode(code);
		int version = this.layers.currentVersion(creditor.id());
		return ResponseEntity.ok()
			.eTag(etag(version))
			.body(this.policies.forCreditor(creditor,
					(on == null) ? LocalDate.now(this.clock.withZone(creditor.timeZone()))
							: org.dues.shared.CalendarBounds.check("on", on)));
	}

	@GetMapping("/api/v1/creditors/{code}/contact-policy/versions")
	@Operation(summary = "Every version of a creditor's own contact-policy layer, newest first",
			description = "Each with the whole layer, the change that made it, who, when and why")
	ResponseEntity<List<CreditorPolicyLayers.LayerVersion>> versions(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code) {
		CreditorView creditor = this.creditors.getByCode(code);
		List<CreditorPolicyLayers.LayerVersion> versions = this.layers.versions(creditor.id());
		return ResponseEntity.ok().eTag(etag(versions.isEmpty() ? 0 : versions.get(0).version())).body(versions);
	}

	@PutMapping("/api/v1/creditors/{code}/contact-policy")
	@Operation(summary = "Replace a creditor's own stricter contact rules whole, from a day on",
			description = "rules is a whole policy layer (hours, callFrequency, volumeLimits, holds, thirdParty, …), "
					+ "checked against its JSON Schema; anything that would loosen the jurisdiction's policy is refused "
					+ "with the reason. Requires If-Match with the layer's current ETag (428 without, 412 when stale), "
					+ "or If-None-Match: * for the first layer; a reason is required.")
	ResponseEntity<ContactPolicy> replace(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestBody LayerRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		Integer expected;
		if (ifMatch != null && !ifMatch.isBlank()) {
			expected = ifMatch.strip().equals("*") ? null : version(ifMatch);
		}
		else if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
			expected = 0;
		}
		else {
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, ProblemDetail.forStatusAndDetail(
					HttpStatus.PRECONDITION_REQUIRED,
					"Send If-Match with the layer's current ETag (from GET /api/v1/creditors/%s/contact-policy), "
						.formatted(creditor.code())
							+ "or If-None-Match: * to create the first layer, so that no newer layer is replaced by "
							+ "accident; to change some rules only, PATCH them as application/merge-patch+json"),
					null);
		}
		return saved(creditor, this.layers.replace(creditor, expected, rules(body), body.effectiveFrom(), body.reason(),
				user.getName()));
	}

	@PatchMapping(path = "/api/v1/creditors/{code}/contact-policy", consumes = "application/merge-patch+json")
	@Operation(summary = "Change some of a creditor's own stricter contact rules, from a day on",
			description = "rules is a JSON Merge Patch (RFC 7396) of the current layer: the keys it names are set, "
					+ "null removes one, the rest stays. The layer that results is checked against its JSON Schema and "
					+ "may only tighten the jurisdiction's policy; a reason is required; If-Match is optional (412 "
					+ "when stale).")
	ResponseEntity<ContactPolicy> patch(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestBody LayerRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		Integer expected = (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) ? null
				: version(ifMatch);
		return saved(creditor, this.layers.patch(creditor, expected, rules(body), body.effectiveFrom(), body.reason(),
				user.getName()));
	}

	@ExceptionHandler(StaleLayerException.class)
	ResponseEntity<ProblemDetail> stale(StaleLayerException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Precondition failed");
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(etag(ex.current())).body(problem);
	}

	private ResponseEntity<ContactPolicy> saved(CreditorView creditor, CreditorPolicyLayers.LayerVersion saved) {
		return ResponseEntity.ok()
			.eTag(etag(saved.version()))
			.body(this.policies.forCreditor(creditor, saved.effectiveFrom()));
	}

	private static JsonNode rules(LayerRequest body) {
		if (body.rules() == null || !body.rules().isObject()) {
			throw new InvalidInputException("/rules", "is required: a JSON object such as "
					+ "{\"hours\": {\"CALL\": {\"from\": \"09:00\", \"to\": \"20:00\"}}}");
		}
		return body.rules();
	}

	private static String etag(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an entity tag names ({@code "3"}, also weak or as the first of a list).
	 */
	private static int version(String entityTag) {
		String tag = entityTag.split(",")[0].strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Integer.parseInt(tag);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "is not an ETag of this layer: " + entityTag.strip());
		}
	}

	record LayerRequest(@Nullable JsonNode rules, @Nullable LocalDate effectiveFrom, @Nullable String reason) {
	}

}
