package org.dues.compliance;

import org.dues.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy-layer schema names each wrong key, type and value by its JSON Pointer. */
class PolicyLayerSchemaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aValidLayerHasNoErrors() {
		assertThat(PolicyLayerSchema.errors(JSON.readTree("""
				{"hours": {"CALL": {"from": "10:00", "to": "18:00:00"}}, "inconvenientTimeConsent": false,
				 "replyWindow": "PT30M",
				 "callFrequency": {"maxCalls": 3, "days": 7, "conversationCooldownDays": 7, "consentDays": 7},
				 "volumeLimits": [{"name": "weekly-texts", "channels": ["SMS"], "perDebt": true, "max": 2, "days": 7,
				                   "action": "BLOCK", "citation": "client contract"}],
				 "holds": {"COMPLAINT": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false}},
				 "thirdParty": {"locationOnly": true, "once": true, "noPressure": true}}"""), "/rules")).isEmpty();
	}

	@Test
	void unknownKeysWrongTypesAndValuesAreNamedByTheirPointer() {
		var errors = PolicyLayerSchema.errors(JSON.readTree("""
				{"hours": {"CALL": {"form": "10:00", "to": "18:00"}, "PIGEON": {"from": "10:00", "to": "11:00"},
				           "SMS": {"from": "25:00", "to": "18:00"}},
				 "callFrequncy": {"maxCalls": 3},
				 "callFrequency": {"maxCalls": "three", "days": 0, "conversationCooldownDays": 7, "consentDays": 7},
				 "inconvenientTimeConsent": "no"}"""), "/rules");
		assertThat(errors).extracting(FieldError::field)
			.contains("/rules/hours/CALL/form", "/rules/hours/CALL", "/rules/hours/PIGEON", "/rules/hours/SMS/from",
					"/rules/callFrequncy", "/rules/callFrequency/maxCalls", "/rules/callFrequency/days",
					"/rules/inconvenientTimeConsent");
		assertThat(errors).filteredOn((e) -> e.field().equals("/rules/hours/CALL/form"))
			.extracting(FieldError::message)
			.containsExactly("is not a field of a policy layer");
	}

}
