package org.dues.work;

import java.time.LocalDateTime;
import java.util.Set;

import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Object mother for what an agent records at the desk after a call, in the floor's words:
 * {@code desk.dispose(account.id(), Dispositions.noAnswer(phone), Dispositions.agent("wl-agent"))}.
 */
public final class Dispositions {

	private Dispositions() {
	}

	/** Nobody answered the number. */
	public static Desk.Disposition noAnswer(String number) {
		return new Desk.Disposition(CallResult.NO_ANSWER, null, null, number, null, null, null, null, null, null);
	}

	/** The customer answered on the number and asked to be called back at the time. */
	public static Desk.Disposition callbackAsked(String number, LocalDateTime at, @Nullable String note) {
		return new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.CALLBACK, null, number, null, null, null, null, at,
				note);
	}

	/** The agent who records it, as the desk asks. */
	public static Asker agent(String username) {
		return new Asker(username, Set.of(Role.AGENT));
	}

}
