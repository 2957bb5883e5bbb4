package org.dues.compliance;

import org.dues.system.AuditedChange;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Changes of the settings that rule money or authority (creditors, mapping profiles, the
 * authority matrix) go into the audit trail in the transaction that makes them.
 */
@Component
class SettingsAudit {

	private final AuditTrail trail;

	SettingsAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(AuditedChange change) {
		this.trail.record(change.by(), change.action(), change.subject(), change.details());
	}

}
