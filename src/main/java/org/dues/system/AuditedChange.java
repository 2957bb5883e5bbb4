package org.dues.system;

import java.util.Map;

/**
 * A change of a setting that rules money or authority (a creditor's waterfall, buckets or
 * time zone, a mapping profile, a role's authority), for the audit trail. The module that
 * makes the change publishes it inside the change's transaction; the audit trail
 * (compliance) records it in that transaction, so the record exists exactly when the
 * change does.
 *
 * @param by who made the change
 * @param action what was done, in capitals: {@code CREDITOR_CHANGED}
 * @param subject what it was done to: {@code creditor:KNB}
 * @param details what changed, each field before and after, as JSON-friendly values (in
 * their order; a value may be null)
 */
public record AuditedChange(String by, String action, String subject, Map<String, ?> details) {

	public AuditedChange {
		details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
	}

}
