package org.dues.telephony;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What a provider that asks what to do with an answered call (Twilio's TwiML request)
 * does with a campaign's call a person answered: bridge them to the agent the dialer
 * claimed for them, or, with nobody free within the two seconds
 * ({@code dues.telephony.dialer.abandon-after}), play the message identifying the caller
 * and hang up. The decision is the dialer's ({@link DialerReactions}, made under the
 * call's row lock, on whichever node); this waits for it, at most those two seconds and a
 * little more, and makes it itself (claim or abandon) if it has not come by then.
 */
@Service
public class DialerAnswers {

	/** How often the decision is looked for while the customer waits. */
	private static final Duration POLL = Duration.ofMillis(50);

	/** How long after the two seconds the wait makes the decision itself. */
	private static final Duration GRACE = Duration.ofMillis(300);

	private final DialerCalls calls;

	private final DialerReactions reactions;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final MessageSource messages;

	private final Duration abandonAfter;

	private final String agentSipDomain;

	private final String callerName;

	DialerAnswers(DialerCalls calls, DialerReactions reactions, Accounts accounts, CustomerManagement customers,
			MessageSource messages, @Value("${dues.telephony.dialer.abandon-after:2s}") Duration abandonAfter,
			@Value("${dues.telephony.agent-sip-domain:agents.dues.invalid}") String agentSipDomain,
			@Value("${dues.letters.collector-name:Dues Collections}") String callerName) {
		this.calls = calls;
		this.reactions = reactions;
		this.accounts = accounts;
		this.customers = customers;
		this.messages = messages;
		this.abandonAfter = abandonAfter;
		this.agentSipDomain = agentSipDomain;
		this.callerName = callerName;
	}

	/**
	 * Waits for the dialer's decision on a campaign's call a person answered.
	 * @param callId Dues's call
	 * @return {@link Decision.Kind#BRIDGE} with the agent's phone,
	 * {@link Decision.Kind#ABANDON} with the message in the customer's language, or
	 * {@link Decision.Kind#NONE} for a call that is no campaign's or no person answered
	 */
	public Decision await(UUID callId) {
		long start = System.nanoTime();
		long most = this.abandonAfter.plus(GRACE).toNanos();
		boolean forced = false;
		while (true) {
			DialerCalls.Dialled call = this.calls.find(callId);
			if (call == null || call.campaignId() == null || !"HUMAN".equals(call.amd())) {
				return new Decision(Decision.Kind.NONE, null, null, null);
			}
			if (call.claimedBy() != null) {
				return new Decision(Decision.Kind.BRIDGE, agentNumber(call.claimedBy()), null, null);
			}
			if (call.abandonedAt() != null || call.endedAt() != null || forced) {
				return abandon(call);
			}
			if (System.nanoTime() - start >= most) {
				// the dialer's own timer has not decided (its node is busy or gone):
				// decide
				this.reactions.connect(callId, true);
				forced = true;
				continue;
			}
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return abandon(call);
			}
		}
	}

	/** The agent's phone: their SIP address, as for inbound calls. */
	String agentNumber(String agent) {
		return "sip:" + agent + "@" + this.agentSipDomain;
	}

	private Decision abandon(DialerCalls.Dialled call) {
		String language = language(call.accountId());
		CallView view = Objects.requireNonNull(this.calls.view(call.id()));
		return new Decision(Decision.Kind.ABANDON, null, message(view.callerId(), language), language);
	}

	/**
	 * The message identifying the caller that a customer no agent was free for hears, for
	 * a provider whose call flow asks for it apart from the decision (Exotel's Greeting
	 * applet).
	 * @param callId Dues's call, or null when the provider's request named none of ours
	 * @param callerId the caller id to read out when the call is not known
	 * @return the message in the customer's language (English when the call is not known)
	 */
	public Decision abandonMessage(@Nullable UUID callId, String callerId) {
		CallView view = (callId == null) ? null : this.calls.view(callId);
		if (view == null || view.accountId() == null) {
			return new Decision(Decision.Kind.ABANDON, null, message(callerId, "en"), "en");
		}
		String language = language(view.accountId());
		return new Decision(Decision.Kind.ABANDON, null, message(view.callerId(), language), language);
	}

	private String message(String callerId, String language) {
		return this.messages.getMessage("telephony.dialer.abandon", new Object[] { this.callerName, spaced(callerId) },
				Locale.forLanguageTag(language));
	}

	private String language(UUID account) {
		String language = this.customers.get(this.accounts.get(new AccountId(account)).customerId()).language();
		return (language != null && RecordingDisclosures.LANGUAGES.contains(language.toLowerCase(Locale.ROOT)))
				? language.toLowerCase(Locale.ROOT) : "en";
	}

	/** A number read digit by digit by a speech engine. */
	static String spaced(String number) {
		StringBuilder spaced = new StringBuilder();
		for (char c : number.toCharArray()) {
			if (Character.isDigit(c)) {
				spaced.append(spaced.isEmpty() ? "" : " ").append(c);
			}
		}
		return spaced.toString();
	}

	/**
	 * The dialer's decision on an answered call.
	 *
	 * @param agentNumber for a bridge, the agent's phone (a SIP address)
	 * @param message for an abandon, the message identifying the caller
	 * @param language the message's language (ISO 639-1)
	 */
	public record Decision(Kind kind, @Nullable String agentNumber, @Nullable String message,
			@Nullable String language) {

		/** Bridge to an agent, play the abandon message, or nothing of the dialer's. */
		public enum Kind {

			BRIDGE, ABANDON, NONE

		}

	}

}
