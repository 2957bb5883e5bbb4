package org.dues.compliance;

import java.util.List;
import java.util.Map;

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

}
