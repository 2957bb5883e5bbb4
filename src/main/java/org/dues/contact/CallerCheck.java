package org.dues.contact;

import java.util.List;

import org.dues.compliance.Channel;
import org.dues.portfolio.AccountView;
import org.jspecify.annotations.Nullable;

/**
 * Whether the person making an outbound contact may make it at all, whatever the gate
 * decides about the customer: for an Indian account, a recovery agent with a current
 * certificate (RBI's directions on recovery agents). Implemented by the module that knows
 * the people (work); every check is asked before each outbound attempt, on every path
 * that logs one (the desk, the compliance panel, the contacts API, messages sent).
 */
public interface CallerCheck {

	/**
	 * Why the user may not make this contact on the account, or null when they may.
	 */
	@Nullable String refusal(AccountView account, Channel channel, String user);

	/**
	 * The same refusal as a page shows it in the reader's language: a message key and its
	 * arguments; null when they may.
	 */
	default @Nullable Refusal explain(AccountView account, Channel channel, String user) {
		String text = refusal(account, channel, user);
		return (text == null) ? null : new Refusal("contact.refused.caller", List.of(text));
	}

	/** Why a user may not make a contact, as a message key and its arguments. */
	record Refusal(String key, List<Object> args) {

		public Refusal {
			args = List.copyOf(args);
		}

		/** The arguments for a message format. */
		public Object[] arguments() {
			return this.args.toArray();
		}

	}

}
