package org.dues.messaging.letter;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.CustomerView;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a notice the law requires reaches the consumer: through the outbox, as every
 * message, so that the compliance gate decides it when it leaves and records the
 * decision. By email, its PDF attached, where the consumer agreed to electronic delivery
 * of required disclosures (Reg F 1006.42(b): {@link ConsentKind#ELECTRONIC_DELIVERY}) and
 * has an address we may use that the gate does not refuse for good; else by post, where
 * they have a postal address we may use; else it is kept {@code HELD}, made but not sent.
 * The message carries the template's short cover text (English: the notice itself is
 * Model Form B-1's English) and its purpose, {@code VALIDATION_NOTICE}, which a hold or a
 * cease request does not stop.
 */
@Component
class NoticeDelivery {

	/** What the system queues as, as the reminders do. */
	static final String BY = "dues";

	private final Messages messages;

	private final Letters letters;

	private final ContactPreferences preferences;

	private final Clock clock;

	NoticeDelivery(Messages messages, Letters letters, ContactPreferences preferences, Clock clock) {
		this.messages = messages;
		this.letters = letters;
		this.preferences = preferences;
		this.clock = clock;
	}

	/** The account's notice of this template, if one was made. */
	Optional<LetterView> existing(AccountId account, String template) {
		return this.letters.ofAccount(account).stream().filter((l) -> template.equals(l.template())).findFirst();
	}

	/**
	 * Keeps the notice and queues its message, in the caller's transaction: the letter is
	 * {@code EMAIL} (sent as the message's attachment), {@code QUEUED} (for the print
	 * batch once the gate lets its message go) or {@code HELD}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	LetterView deliver(Letters.NewLetter notice, CustomerView customer) {
		AccountId account = new AccountId(notice.accountId());
		Channel channel = channel(customer, account, notice.template(), notice.language());
		if (channel == null) {
			return this.letters.store(notice, "HELD");
		}
		MessageView message = this.messages.queue(new NewMessage(account, channel, notice.template(), notice.language(),
				null, null, null, null, notice.template() + ":" + account.value()), BY);
		return this.letters.store(new Letters.NewLetter(notice.accountId(), notice.customerId(), notice.template(),
				notice.language(), notice.letterDate(), notice.recipientName(), notice.addressLines(),
				notice.rendered(), notice.factsJson(), message.id(), BY),
				(channel == Channel.EMAIL) ? "EMAIL" : "QUEUED");
	}

	/**
	 * Whether an email could go, now or at the next lawful window: one the gate would
	 * block for good (an address the person banned, email stopped) goes by post instead.
	 * The gate still decides the message when it leaves.
	 */
	private boolean mayEmail(AccountId account, String template, String language) {
		ContactGate.Preview gate = this.messages
			.preview(new NewMessage(account, Channel.EMAIL, template, language, null, null, null, null, null), BY)
			.gate();
		return gate != null && (gate.decision().allowed() || gate.nextOpening() != null);
	}

	/** The message the notice went out as, if it went through the outbox. */
	Optional<UUID> messageOf(LetterView letter) {
		return this.letters.messageOf(letter.id());
	}

	private @Nullable Channel channel(CustomerView customer, AccountId account, String template, String language) {
		if (customer.emails().stream().anyMatch(CustomerView.Email::usable) && this.preferences.consented(customer.id(),
				ConsentKind.ELECTRONIC_DELIVERY, account.value(), this.clock.instant())
				&& mayEmail(account, template, language)) {
			return Channel.EMAIL;
		}
		if (customer.addresses().stream().anyMatch((a) -> a.status().usable())) {
			return Channel.LETTER;
		}
		return null;
	}

}
