package org.dues.messaging.chat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.messaging.provider.PublicUrl;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.shared.ConflictException;
import org.dues.shared.Phrase;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an agent posts with one click: a canned reply in the customer's language, and a
 * payment link for what the account owes. Both that speak of the debt wait for the
 * right-party verification: until the agent has verified the customer (the desk's
 * verification, for this login) they are refused and say why.
 */
@Component
class ChatReplies {

	/** The canned replies, in the order the panel lists them. */
	enum Canned {

		GREETING(false), VERIFY(false), DUES(true), PLAN(true), WAIT(false), THANKS(false);

		/** Whether it speaks of the debt, and so waits for the verification. */
		final boolean aboutDebt;

		Canned(boolean aboutDebt) {
			this.aboutDebt = aboutDebt;
		}

		String key() {
			return "chat.canned." + name().toLowerCase(Locale.ROOT);
		}

		/** The key of its button's label. */
		public String label() {
			return key() + ".label";
		}

		/** Whether it speaks of the debt (the panel disables it until verified). */
		public boolean aboutDebt() {
			return this.aboutDebt;
		}

	}

	static final List<Canned> CANNED = List.of(Canned.values());

	private final Chats chats;

	private final PaymentLinks links;

	private final PublicUrl publicUrl;

	private final MessageSource texts;

	ChatReplies(Chats chats, PaymentLinks links, PublicUrl publicUrl, MessageSource texts) {
		this.chats = chats;
		this.links = links;
		this.publicUrl = publicUrl;
		this.texts = texts;
	}

	/**
	 * Posts the canned reply in the chat's language.
	 * @throws ConflictException when it speaks of the debt and the customer is not
	 * verified
	 */
	ChatLine canned(UUID chat, String agent, Canned which, boolean verified) {
		ChatView view = this.chats.theirs(chat, agent);
		if (which.aboutDebt && !verified) {
			throw unverified();
		}
		return this.chats.agentSays(chat, agent, say(view, which.key()));
	}

	/**
	 * Posts a payment link for what the account owes (the current one, or a new one made
	 * through the payment module), as its public address in a line of the chat's
	 * language.
	 * @throws ConflictException when the customer is not verified, or the account owes
	 * nothing
	 */
	ChatLine paymentLink(UUID chat, String agent, boolean verified) {
		ChatView view = this.chats.theirs(chat, agent);
		if (!verified) {
			throw unverified();
		}
		PaymentLinkView link = this.links.forMessage(view.accountId(), agent)
			.orElseThrow(() -> new ConflictException("the account owes nothing", Phrase.of("chat.link.nothing")));
		String url = this.publicUrl.of("/pay/" + link.token());
		return this.chats.agentSays(chat, agent, say(view, "chat.link.text", url));
	}

	/** The text of a key in the chat's language. */
	String say(ChatView chat, String key, Object... arguments) {
		return this.texts.getMessage(key, arguments, Locale.of(chat.language()));
	}

	private static ConflictException unverified() {
		return new ConflictException("verify the customer before the debt is discussed", Phrase.of("chat.verifyFirst"));
	}

}
