package org.dues.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules' findings a decision is stored with, written by hand for speed, read back by
 * a JSON parser as exactly what they say, whatever characters the reasons hold.
 */
class RulesJsonTests {

	@Test
	void everyFindingReadsBackAsWritten() {
		String awkward = "a \"quoted\" \\ back\\slash, a tab\t, a line\nbreak, a bell \u0007, "
				+ "हिंदी and മലയാളം, and a control \u001f";
		List<RuleResult> rules = List.of(new RuleResult("contact-hours", RuleResult.Outcome.ALLOWED, awkward, null),
				new RuleResult("volume-limits", RuleResult.Outcome.BLOCKED, "7 in 7 days", "one left"));

		List<Map<String, Object>> read = JsonMapper.builder()
			.build()
			.readValue(ContactGate.rulesJson(rules), new TypeReference<List<Map<String, Object>>>() {
			});

		assertThat(read).hasSize(2);
		assertThat(read.get(0)).containsEntry("rule", "contact-hours")
			.containsEntry("outcome", "ALLOWED")
			.containsEntry("reason", awkward)
			.containsEntry("warning", null);
		assertThat(read.get(1)).containsEntry("rule", "volume-limits")
			.containsEntry("outcome", "BLOCKED")
			.containsEntry("reason", "7 in 7 days")
			.containsEntry("warning", "one left");
		assertThat(ContactGate.rulesJson(List.of())).isEqualTo("[]");
	}

	@Test
	void aDecisionsAuditRecordIsTheTextAMapperWouldWrite() {
		UUID id = UUID.randomUUID();
		AccountId account = new AccountId(UUID.randomUUID());
		ContactDecision decision = new ContactDecision(ContactDecision.Outcome.BLOCKED, "US-MA", 3,
				List.of(new RuleResult("contact-hours", RuleResult.Outcome.ALLOWED, "10:00 \"local\"", null),
						new RuleResult("ma-texts", RuleResult.Outcome.BLOCKED, "2 in 7 days", null)),
				List.of());
		ContactGate.Recorded recorded = new ContactGate.Recorded(id, Instant.EPOCH, new CustomerId(UUID.randomUUID()),
				"+16175550100", Set.of("b", "a"), decision);
		ContactGate.Request request = new ContactGate.Request(account, Set.of(), Channel.SMS, "+16175550100",
				PersonRole.CONSUMER, Purpose.COLLECTION);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("decision", id.toString());
		payload.put("account", account.value().toString());
		payload.put("debts", List.of("a", "b"));
		payload.put("channel", "SMS");
		payload.put("address", "+16175550100");
		payload.put("role", "CONSUMER");
		payload.put("purpose", "COLLECTION");
		payload.put("outcome", "BLOCKED");
		payload.put("policy", "US-MA v3");
		payload.put("blockedBy", List.of("ma-texts"));

		assertThat(ContactGate.payloadJson(recorded, request))
			.isEqualTo(JsonMapper.builder().build().writeValueAsString(payload));
	}

}
