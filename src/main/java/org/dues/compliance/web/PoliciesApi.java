package org.dues.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.compliance.CompliancePolicies;
import org.dues.compliance.ContactPolicy;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact policies as data: read a jurisdiction's policy in force on a day, read a
 * creditor's, and give a creditor stricter rules of its own.
 */
@RestController
@Tag(name = "Compliance")
class PoliciesApi {

	private final CompliancePolicies policies;

	private final Creditors creditors;

	private final Clock clock;

	PoliciesApi(CompliancePolicies policies, Creditors creditors, Clock clock) {
		this.policies = policies;
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
	ContactPolicy policy(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		return this.policies.resolve(code,
				(on == null) ? LocalDate.now(this.clock) : org.dues.shared.CalendarBounds.check("on", on));
	}

	@GetMapping("/api/v1/creditors/{code}/contact-policy")
	@Operation(summary = "A creditor's contact policy in force on a day: its jurisdiction's with its own rules")
	ContactPolicy creditorPolicy(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
		CreditorView creditor = this.creditors.getByCode(code);
		return this.policies.forCreditor(creditor,
				(on == null) ? LocalDate.now(this.clock.withZone(creditor.timeZone()))
						: org.dues.shared.CalendarBounds.check("on", on));
	}

	@PutMapping("/api/v1/creditors/{code}/contact-policy")
	@Operation(summary = "Give a creditor stricter contact rules of its own, from a day on",
			description = "rules is a policy layer (hours, callFrequency, volumeLimits, holds, thirdParty, …); "
					+ "anything that would loosen the jurisdiction's policy is refused with the reason")
	ContactPolicy tighten(@PathVariable String code, @RequestBody LayerRequest body, Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		if (body.rules() == null || !body.rules().isObject()) {
			throw new InvalidInputException("rules", "is required: a JSON object such as "
					+ "{\"hours\": {\"CALL\": {\"from\": \"09:00\", \"to\": \"20:00\"}}}");
		}
		LocalDate from = (body.effectiveFrom() == null) ? LocalDate.now(this.clock.withZone(creditor.timeZone()))
				: body.effectiveFrom();
		this.policies.tightenForCreditor(creditor, body.rules().toString(), from, body.reason(), user.getName());
		return this.policies.forCreditor(creditor, from);
	}

	record LayerRequest(@Nullable JsonNode rules, @Nullable LocalDate effectiveFrom, @Nullable String reason) {
	}

}
