package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.messaging.chat.Chats;
import org.dues.messaging.events.ReplyReceived;
import org.dues.messaging.provider.Bounce;
import org.dues.messaging.provider.ProviderReports;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What providers report, once each: statuses move a message on (never back), inbound
 * messages go on the timeline of every account of whoever has the address, and a stop
 * word, an unsubscribe or a hard bounce bans the channel on that address for every
 * creditor's debts at once and cancels what is queued to it, in the same transaction.
 */
@Service
class Reports implements ProviderReports {

	/** The words that mean stop in any message, as carriers treat them. */
	static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

	private static final List<String> REGIONS = List.of("IN", "US", "GB");

	private static final Logger log = LoggerFactory.getLogger(Reports.class);

	private final JdbcClient jdbc;

	private final Messages messages;

	private final ContactLog contacts;

	private final ContactPreferences preferences;

	private final CustomerManagement customers;

	private final Accounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Chats chats;

	Reports(JdbcClient jdbc, Messages messages, ContactLog contacts, ContactPreferences preferences,
			CustomerManagement customers, Accounts accounts, Clock clock, ApplicationEventPublisher events,
			Chats chats) {
		this.events = events;
		this.chats = chats;
		this.jdbc = jdbc;
		this.messages = messages;
		this.contacts = contacts;
		this.preferences = preferences;
		this.customers = customers;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean status(String provider, String eventId, String providerId, MessageStatus status,
			@Nullable String error) {
		Optional<Object[]> found = this.jdbc.sql("""
				SELECT id, status, interaction_id FROM messaging_messages
				WHERE provider = :provider AND provider_id = :pid FOR UPDATE""")
			.param("provider", provider)
			.param("pid", providerId)
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("status"),
							rs.getObject("interaction_id", UUID.class) })
			.optional();
		if (found.isEmpty()) {
			// not taken as seen: a report that came before the hand-over committed is
			// taken when the provider sends it again
			log.info("{} reported {} for {}, no message of ours (yet)", provider, status, providerId);
			return false;
		}
		if (!firstTime(provider, eventId)) {
			return false;
		}
		UUID id = (UUID) found.get()[0];
		MessageStatus now = MessageStatus.valueOf((String) found.get()[1]);
		UUID interaction = (UUID) found.get()[2];
		return move(id, now, interaction, status, error);
	}

	/**
	 * Moves a locked message on to a status its provider reported, with its history and
	 * its timeline entry; a bounce bans the address.
	 * @return false when the status does not follow the one the message has
	 */
	private boolean move(UUID id, MessageStatus now, @Nullable UUID interaction, MessageStatus status,
			@Nullable String error) {
		if (!forward(now, status)) {
			return false;
		}
		Instant at = this.clock.instant();
		this.jdbc
			.sql("""
					UPDATE messaging_messages SET status = :status, updated_at = :at, last_error = COALESCE(:error, last_error),
					    delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:at AS timestamptz) ELSE delivered_at END
					WHERE id = :id""")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("error", error)
			.param("id", id)
			.update();
		this.messages.event(id, status, error, at);
		// a late bounce of a delivered email finds its attempt completed already:
		// completing it again would fail, and mark this transaction for rollback
		if (interaction != null && status.done() && !now.done()) {
			try {
				this.contacts.complete(interaction,
						(status == MessageStatus.DELIVERED) ? ContactResult.DELIVERED : ContactResult.FAILED, null);
			}
			catch (ConflictException ex) {
				// already completed
			}
		}
		if (status == MessageStatus.BOUNCED) {
			this.jdbc.sql("SELECT channel, address FROM messaging_messages WHERE id = :id")
				.param("id", id)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.optional()
				.filter((m) -> m[1] != null)
				.ifPresent((m) -> optOut(Channel.valueOf(m[0]), m[1], "the address bounced: " + error));
		}
		return true;
	}

	@Override
	@Transactional
	public Bounce.Taken bounce(Bounce bounce) {
		Optional<Object[]> found = (bounce.messageId() == null) ? Optional.empty() : this.jdbc
			.sql("""
					SELECT id, status, interaction_id, channel, address FROM messaging_messages WHERE id = :id FOR UPDATE""")
			.param("id", bounce.messageId())
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getObject("interaction_id", UUID.class), rs.getString("channel"), rs.getString("address") })
			.optional()
			.filter((m) -> Channel.EMAIL.name().equals(m[3]));
		Bounce.Kind kind = bounce.kind();
		String outcome = found.isEmpty() ? "UNMATCHED" : switch (kind) {
			case HARD -> "BOUNCED";
			case GIVEN_UP -> "FAILED";
			case DELAYED -> "DELAYED";
			case OTHER -> "NOTED";
		};
		int recorded = this.jdbc.sql("""
				INSERT INTO messaging_bounces (bounce_id, message_id, recipient, action, status, diagnostic, outcome,
				    received_at)
				VALUES (:id, :message, :recipient, :action, :status, :diagnostic, :outcome, :now)
				ON CONFLICT DO NOTHING""")
			.param("id", bounce.id())
			.param("message", found.map((m) -> (UUID) m[0]).orElse(null))
			.param("recipient", bounce.recipient())
			.param("action", bounce.action())
			.param("status", bounce.status())
			.param("diagnostic", bounce.diagnostic())
			.param("outcome", outcome)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (recorded == 0) {
			String before = this.jdbc.sql("SELECT outcome FROM messaging_bounces WHERE bounce_id = :id")
				.param("id", bounce.id())
				.query(String.class)
				.single();
			return "UNMATCHED".equals(before) ? Bounce.Taken.UNMATCHED : Bounce.Taken.REPEAT;
		}
		if (found.isEmpty()) {
			log.info("A bounce ({}) names no email of ours: {}", bounce.id(), bounce.messageId());
			return Bounce.Taken.UNMATCHED;
		}
		UUID id = (UUID) found.get()[0];
		MessageStatus now = MessageStatus.valueOf((String) found.get()[1]);
		UUID interaction = (UUID) found.get()[2];
		String address = (String) found.get()[4];
		switch (kind) {
			case HARD -> {
				if (!move(id, now, interaction, MessageStatus.BOUNCED, bounce.detail()) && address != null) {
					// bounced before, or no longer moving: the address is bad all the
					// same
					optOut(Channel.EMAIL, address, "the address bounced: " + bounce.detail());
				}
			}
			case GIVEN_UP -> move(id, now, interaction, MessageStatus.FAILED, bounce.detail());
			case DELAYED -> this.messages.event(id, now, "delivery delayed: " + bounce.detail(), this.clock.instant());
			case OTHER -> this.messages.event(id, now, "delivery report: " + bounce.detail(), this.clock.instant());
		}
		return Bounce.Taken.APPLIED;
	}

	/** Whether a status may follow another: on, never back. */
	static boolean forward(MessageStatus from, MessageStatus to) {
		if (from == to || from == MessageStatus.BLOCKED || from == MessageStatus.CANCELLED) {
			return false;
		}
		if (from == MessageStatus.DELIVERED) {
			// a late bounce of an email reported delivered by the relay
			return to == MessageStatus.BOUNCED;
		}
		if (from == MessageStatus.FAILED || from == MessageStatus.BOUNCED) {
			return false;
		}
		return to != MessageStatus.QUEUED && to != MessageStatus.SENDING;
	}

	@Override
	@Transactional
	public boolean inbound(String provider, String eventId, Channel channel, String from, @Nullable String to,
			String text) {
		if (!firstTime(provider, eventId)) {
			return false;
		}
		String address = canonical(channel, from);
		List<CustomerId> people = people(channel, address);
		boolean stop = stop(text, people);
		Instant now = this.clock.instant();
		UUID inboundId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO messaging_inbound (id, provider, channel, from_address, to_address, text, stop, received_at)
				VALUES (:id, :provider, :channel, :from, :to, :text, :stop, :now)""")
			.param("id", inboundId)
			.param("provider", provider)
			.param("channel", channel.name())
			.param("from", address)
			.param("to", to)
			.param("text", text)
			.param("stop", stop)
			.param("now", Timestamp.from(now))
			.update();
		String note = (text.length() > 2000) ? text.substring(0, 2000) + "…" : text;
		boolean chatted = false;
		for (CustomerId person : people) {
			List<AccountView> theirs = this.accounts.ofCustomer(person);
			if (theirs.isEmpty()) {
				continue;
			}
			Set<AccountId> others = new LinkedHashSet<>();
			theirs.stream().skip(1).forEach((a) -> others.add(a.id()));
			this.contacts.inbound(theirs.get(0).id(), others, channel, address, PersonRole.CONSUMER,
					ContactResult.DELIVERED, now, note, "customer");
			if (channel == Channel.WHATSAPP && !stop && !chatted) {
				// within the session the message opens: into the chat queue, or the
				// number's open chat
				this.chats.whatsApp(theirs.get(0).id(), person, this.customers.get(person).language(), address, text);
				chatted = true;
			}
			if (!stop) {
				// to whoever works each account: a reply waiting on their worklist
				for (AccountView account : theirs) {
					this.events.publishEvent(new ReplyReceived(inboundId, account.id(), channel, address, note, now));
				}
			}
		}
		if (stop) {
			optOut(channel, address, "replied \"" + text.strip() + "\"");
		}
		return true;
	}

	@Override
	@Transactional
	public void optOut(Channel channel, String address, String why) {
		String canonical = canonical(channel, address);
		Instant now = this.clock.instant();
		for (CustomerId person : people(channel, canonical)) {
			this.preferences.ban(person, channel, canonical, now, why, "opt-out");
		}
		this.messages.cancelTo(channel, canonical, "opted out: " + why);
	}

	@Override
	@Transactional
	public void refused(String provider, String path, String why) {
		this.jdbc.sql("""
				INSERT INTO messaging_webhook_refusals (provider, path, why, received_at)
				VALUES (:provider, :path, :why, :now)""")
			.param("provider", provider)
			.param("path", path)
			.param("why", why)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		log.warn("Refused a {} webhook on {}: {}", provider, path, why);
	}

	private boolean firstTime(String provider, String eventId) {
		return this.jdbc.sql("""
				INSERT INTO messaging_webhook_events (provider, event_id, received_at) VALUES (:p, :e, :now)
				ON CONFLICT DO NOTHING""")
			.param("p", provider)
			.param("e", eventId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	private List<CustomerId> people(Channel channel, String address) {
		return (channel == Channel.EMAIL) ? this.customers.withEmail(address)
				: this.customers.withPhone(address, REGIONS);
	}

	/**
	 * Whether the text is a stop word: the usual ones, or one a person's creditor set.
	 */
	private boolean stop(String text, List<CustomerId> people) {
		String word = text.strip().replaceAll("[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
		if (STOP_WORDS.contains(word)) {
			return true;
		}
		if (people.isEmpty()) {
			return false;
		}
		List<String> creditors = new ArrayList<>();
		for (CustomerId person : people) {
			creditors.add(this.customers.creditorOf(person).toString());
		}
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM messaging_creditor_settings, unnest(stop_words) w
				               WHERE creditor_id::text = ANY(:creditors) AND upper(w) = :word)""")
			.param("creditors", creditors.toArray(String[]::new))
			.param("word", word)
			.query(Boolean.class)
			.single();
	}

	private static String canonical(Channel channel, String address) {
		if (channel == Channel.EMAIL) {
			return address.strip().toLowerCase(Locale.ROOT);
		}
		String text = address.strip();
		if (text.startsWith("whatsapp:")) {
			text = text.substring("whatsapp:".length());
		}
		if (!text.startsWith("+") && text.matches("[0-9]{8,15}")) {
			text = "+" + text;
		}
		try {
			return PhoneNumber.parse(text, "IN").e164();
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
