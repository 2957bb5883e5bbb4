package org.dues.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dues.identity.LoginLockedOut;
import org.dues.identity.LoginUnlocked;
import org.dues.identity.SecondFactorReset;
import org.dues.identity.UserAccessChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lockouts by failed logins, administrators' and operators' unlocks, second factors
 * removed, and changes of who may do what (users created, roles or status changed,
 * passwords reset) go into the audit trail in the same transaction that records them
 * (identity publishes them inside one).
 */
@Component
class LoginAudit {

	private final AuditTrail trail;

	LoginAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(LoginLockedOut locked) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("scope", locked.scope());
		payload.put("until", locked.until().toString());
		if (locked.address() != null) {
			payload.put("address", locked.address());
		}
		this.trail.record("system", "LOGIN_LOCKED_OUT", "user:" + locked.username(), payload);
	}

	@EventListener
	void on(LoginUnlocked unlocked) {
		this.trail.record(unlocked.by(), "LOGIN_UNLOCKED", "user:" + unlocked.username(), Map.of());
	}

	@EventListener
	void on(UserAccessChanged changed) {
		this.trail.record(changed.by(), "USER_" + changed.change(), "user:" + changed.username(),
				Map.of("roles", changed.roles().stream().map(Enum::name).toList(), "enabled", changed.enabled()));
	}

	@EventListener
	void on(SecondFactorReset reset) {
		this.trail.record(reset.by(), "SECOND_FACTOR_RESET", "user:" + reset.username(), Map.of());
	}

}
