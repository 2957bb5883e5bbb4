package org.dues.system;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * The accounts whose customer the logged-in agent has verified on this call (date of
 * birth or the last digits of a reference), for this login session only: an agent must
 * know they speak to the right person before debt details are shown.
 */
@Component
@Scope(value = WebApplicationContext.SCOPE_SESSION, proxyMode = ScopedProxyMode.TARGET_CLASS)
public class RightPartyVerification implements Serializable {

	private final Set<UUID> verified = ConcurrentHashMap.newKeySet();

	public void verified(UUID account) {
		this.verified.add(account);
	}

	public boolean isVerified(UUID account) {
		return this.verified.contains(account);
	}

}
