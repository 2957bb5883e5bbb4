package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.messaging.events.ReplySent;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.PhoneNumber;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's free-text WhatsApp answer. WhatsApp takes a message that is not an approved
 * template only within 24 hours of the person's last message to the business (the
 * customer service window); so a reply is queued only while the customer's last WhatsApp
 * message from that number, a stop word aside, is less than 24 hours old by the clock,
 * and otherwise refused naming the window. Queued, it goes through the outbox and the
 * gate like every message.
 */
@Service
public class Replies {

	/** WhatsApp's customer service window. */
	public static final Duration WINDOW = Duration.ofHours(24);

	/** The longest text body the Cloud API takes. */
	public static final int MOST = 4096;

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final MessageSource texts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Replies(JdbcClient jdbc, Messages messages, Accounts accounts, Creditors creditors, CustomerManagement customers,
			MessageSource texts, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * The customer's WhatsApp window on the account: the last message they sent from one
	 * of their numbers (or from the number given), and until when a free text may answer
	 * it.
	 */
	public Window window(AccountId account, @Nullable String to) {
		AccountView found = this.accounts.get(account);
		CustomerView customer = this.customers.get(found.customerId());
		List<String> numbers = customer.phones().stream().map(CustomerView.Phone::e164).toList();
		if (to != null && !to.isBlank()) {
			String wanted = e164(to, this.creditors.get(found.creditorId()).country());
			numbers = numbers.contains(wanted) ? List.of(wanted) : List.of();
		}
		Instant now = this.clock.instant();
		if (numbers.isEmpty()) {
			return new Window(null, null, null, null, false);
		}
		return this.jdbc.sql("""
				SELECT from_address, received_at, text FROM messaging_inbound
				WHERE channel = 'WHATSAPP' AND NOT stop AND from_address = ANY(:numbers) AND received_at <= :now
				ORDER BY received_at DESC LIMIT 1""")
			.param("numbers", numbers.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> {
				Instant last = rs.getTimestamp("received_at").toInstant();
				Instant closes = last.plus(WINDOW);
				return new Window(rs.getString("from_address"), last, rs.getString("text"), closes,
						now.isBefore(closes));
			})
			.optional()
			.orElse(new Window(null, null, null, null, false));
	}

	/**
	 * Queues a free-text WhatsApp answer to the number the customer last wrote from (or
	 * the one given), when the window is open.
	 * @throws InvalidInputException for an empty or over-long text, a number that is not
	 * the customer's or has no WhatsApp consent, and outside the 24-hour window (naming
	 * when it closed, or that the customer never wrote)
	 */
	@Transactional
	public MessageView queue(AccountId account, String text, @Nullable String to, String actor) {
		String body = text.strip();
		if (body.isEmpty()) {
			throw new InvalidInputException("text", "write the reply", Phrase.of("validation.reply.empty"));
		}
		if (body.length() > MOST) {
			throw new InvalidInputException("text", "a WhatsApp text is at most %d characters".formatted(MOST),
					Phrase.of("validation.reply.long", MOST));
		}
		Window window = window(account, to);
		if (!window.open()) {
			throw (window.closesAt() == null)
					? new InvalidInputException("text",
							"the customer has not written on WhatsApp, so there is no 24-hour window for a free "
									+ "text: send an approved template",
							Phrase.of("validation.reply.noWindow"))
					: new InvalidInputException("text",
							"WhatsApp's 24-hour window closed at %s (the customer last wrote at %s): send an approved template"
								.formatted(window.closesAt(), window.lastInbound()),
							Phrase.of("validation.reply.closed", window.closesAt().toString()));
		}
		AccountView found = this.accounts.get(account);
		CustomerView customer = this.customers.get(found.customerId());
		String address = String.valueOf(window.address());
		// the customer wrote from it, which is what lets a business answer on WhatsApp
		// within the window (a template of ours, unasked, needs their WhatsApp consent)
		boolean usable = customer.phones().stream().anyMatch((p) -> p.e164().equals(address) && p.usable());
		if (!usable) {
			throw new InvalidInputException("to", "%s is not a number of this customer's we may use".formatted(address),
					Phrase.of("validation.message.notTheirs", address));
		}
		CreditorView creditor = this.creditors.get(found.creditorId());
		String language = (customer.language() != null) ? customer.language() : "en";
		if (creditor.jurisdiction().startsWith("US")) {
			Locale locale = MessageFormats.locale(language, found.currency().getCurrencyCode());
			body = body + " " + this.texts.getMessage("messaging.optOut.text", null, locale);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, language,
				    address, body, status, next_attempt_at, created_at, created_by, updated_at)
				VALUES (:id, :account, :customer, :creditor, 'WHATSAPP', :purpose, :language, :address, :body,
				    'QUEUED', :now, :now, :actor, :now)""")
			.param("id", id)
			.param("account", found.id().value())
			.param("customer", found.customerId().value())
			.param("creditor", found.creditorId().value())
			.param("purpose", MessagePurpose.REPLY.name())
			.param("language", language)
			.param("address", address)
			.param("body", body)
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
		this.messages.event(id, MessageStatus.QUEUED, "a reply within the window, open until " + window.closesAt(),
				now);
		this.events.publishEvent(new ReplySent(account, actor, now));
		return this.messages.get(id);
	}

	private static String e164(String text, String country) {
		try {
			return PhoneNumber.parse(text, country).e164();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("to", ex.getMessage(), Phrase.of("validation.message.notTheirs", text));
		}
	}

	/**
	 * The customer's WhatsApp window.
	 *
	 * @param address the number they last wrote from (null: they never wrote)
	 * @param lastInbound when
	 * @param lastText what they wrote
	 * @param closesAt 24 hours after it
	 * @param open whether a free text may go now
	 */
	public record Window(@Nullable String address, @Nullable Instant lastInbound, @Nullable String lastText,
			@Nullable Instant closesAt, boolean open) {
	}

}
