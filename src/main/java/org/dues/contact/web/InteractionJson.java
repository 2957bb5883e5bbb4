package org.dues.contact.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dues.compliance.DecisionJson;
import org.dues.contact.InteractionView;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as the API gives it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InteractionJson(String id, String accountId, List<String> debts, String channel, @Nullable String address,
		String direction, String role, String purpose, String status, @Nullable String result, Instant startedAt,
		String agent, @Nullable String note, @Nullable String decisionId, @Nullable String blockedReason,
		@Nullable DecisionJson decision) {

	static InteractionJson of(InteractionView v, @Nullable DecisionJson decision) {
		return new InteractionJson(v.id().toString(), v.accountId().toString(),
				v.debts().stream().map(Object::toString).toList(), v.channel().name(), v.address(),
				v.direction().name(), v.role().name(), v.purpose().name(), v.status().name(),
				(v.result() == null) ? null : v.result().name(), v.startedAt(), v.agent(), v.note(),
				(v.decisionId() == null) ? null : v.decisionId().toString(), v.blockedReason(), decision);
	}

}
