package org.dues.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dues.customer.ContactPointChange;
import org.dues.customer.ContactPointChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Contact points people add, mark wrong or not to be used, or correct go into the audit
 * trail in the same transaction that changes them (the customer module publishes the
 * change inside it), as {@code CONTACT_POINT_ADDED}, {@code CONTACT_POINT_STATUS} or
 * {@code CONTACT_POINT_CORRECTED} on the customer.
 */
@Component
class ContactPointAudit {

	private final AuditTrail trail;

	ContactPointAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(ContactPointChanged changed) {
		ContactPointChange change = changed.change();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("point", change.point().toString());
		payload.put("kind", change.kind().name());
		payload.put("value", change.value());
		payload.put("before", (change.before() == null) ? null : change.before().name());
		payload.put("after", change.after().name());
		payload.put("replacedBy", (change.replacedBy() == null) ? null : change.replacedBy().toString());
		payload.put("source", change.source());
		payload.put("reason", change.reason());
		this.trail.record(change.by(), "CONTACT_POINT_" + change.change().name(),
				"customer:" + change.customer().value(), payload);
	}

}
