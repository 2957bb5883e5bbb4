package org.dues.messaging.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.messaging.Replies;
import org.dues.messaging.events.ChatClosed;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live chats: started by a customer on the pay page (the pay link's token names the
 * account; a secret made for the chat lets its customer write and read it) or by writing
 * on WhatsApp, queued until {@link ChatRouter} gives them to an agent, written line by
 * line (append-only) and closed by the agent, whose transcript then goes on the account's
 * timeline. Every change is announced with {@code NOTIFY dues_chat} in its own
 * transaction, so every node learns of it at commit ({@link ChatNotifications}).
 */
@Service
public class Chats {

	/** The PostgreSQL channel chats are announced on; the payload is the chat's id. */
	static final String CHANNEL = "dues_chat";

	/** The longest line a chat takes (WhatsApp's limit for a text). */
	static final int MOST = Replies.MOST;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = """
			SELECT id, account_id, customer_id, language, channel, address, status, agent, verified, created_at,
			    assigned_at, closed_at
			FROM messaging_chats""";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PaymentLinks links;

	private final ChatRouter router;

	private final Replies replies;

	private final ChatTranscripts transcripts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Chats(JdbcClient jdbc, Accounts accounts, PaymentLinks links, ChatRouter router, Replies replies,
			ChatTranscripts transcripts, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.links = links;
		this.router = router;
		this.replies = replies;
		this.transcripts = transcripts;
		this.clock = clock;
	}

	/**
	 * Starts a chat from the pay page of the token, in the customer's language, with
	 * their first line if they wrote one, and offers it to an agent at once if one is
	 * free.
	 * @throws NotFoundException when no link has the token
	 * @throws InvalidInputException for a language that is no two-letter code, or an
	 * over-long first line
	 */
	@Transactional
	public Started start(String token, String language, @Nullable String first) {
		PaymentLinkView link = this.links.byToken(token).orElseThrow(() -> new NotFoundException("pay link", token));
		if (!language.matches("[a-z]{2}")) {
			throw new InvalidInputException("language", "'%s' is not an ISO 639-1 code".formatted(language));
		}
		String text = (first == null || first.isBlank()) ? null : text(first);
		AccountView account = this.accounts.get(link.accountId());
		UUID id = UUID.randomUUID();
		String secret = secret();
		this.jdbc.sql("""
				INSERT INTO messaging_chats (id, account_id, customer_id, language, channel, link_token, secret_hash,
				    status, created_at)
				VALUES (:id, :account, :customer, :language, 'WEB', :token, :hash, 'WAITING', :now)""")
			.param("id", id)
			.param("account", account.id().value())
			.param("customer", account.customerId().value())
			.param("language", language)
			.param("token", token)
			.param("hash", hash(secret))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (text != null) {
			append(id, ChatSender.CUSTOMER, null, text);
		}
		notify(id);
		this.router.route(id);
		return new Started(get(id), secret);
	}

	/**
	 * A WhatsApp message of a customer: joins their open WhatsApp chat from that number,
	 * or starts one (their message opens WhatsApp's 24-hour session, in which an agent
	 * may answer in free text).
	 */
	@Transactional
	public ChatView whatsApp(AccountId account, CustomerId customer, @Nullable String language, String address,
			String message) {
		String text = (message.length() > MOST) ? message.substring(0, MOST) : message;
		Optional<UUID> open = this.jdbc.sql("""
				SELECT id FROM messaging_chats WHERE channel = 'WHATSAPP' AND address = :address AND status <> 'CLOSED'
				FOR UPDATE""").param("address", address).query(UUID.class).optional();
		UUID id = open.orElseGet(() -> {
			UUID made = UUID.randomUUID();
			this.jdbc.sql("""
					INSERT INTO messaging_chats (id, account_id, customer_id, language, channel, address, status,
					    created_at)
					VALUES (:id, :account, :customer, :language, 'WHATSAPP', :address, 'WAITING', :now)""")
				.param("id", made)
				.param("account", account.value())
				.param("customer", customer.value())
				.param("language", (language == null || !language.matches("[a-z]{2}")) ? "en" : language)
				.param("address", address)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			return made;
		});
		if (!text.isBlank()) {
			append(id, ChatSender.CUSTOMER, null, text.strip());
		}
		notify(id);
		if (open.isEmpty()) {
			this.router.route(id);
		}
		return get(id);
	}

	/**
	 * A line the customer wrote in the pay page's widget.
	 * @throws NotFoundException when the token and secret do not open the chat
	 * @throws ConflictException when the chat is closed
	 */
	@Transactional
	public ChatLine customerSays(UUID chat, String token, String secret, String message) {
		ChatView view = open(chat, token, secret);
		if (view.status() == ChatStatus.CLOSED) {
			throw new ConflictException("the chat is closed");
		}
		ChatLine line = append(chat, ChatSender.CUSTOMER, null, text(message));
		notify(chat);
		return line;
	}

	/**
	 * A line the chat's agent wrote; on WhatsApp it goes out as a free-text answer within
	 * the session.
	 * @throws NotFoundException when the chat is not the agent's
	 * @throws ConflictException when it is closed
	 * @throws InvalidInputException for an empty or over-long line, or on WhatsApp
	 * outside the 24-hour session
	 */
	@Transactional
	public ChatLine agentSays(UUID chat, String agent, String message) {
		ChatView view = theirs(chat, agent);
		String text = text(message);
		if (view.channel() == ChatChannel.WHATSAPP) {
			this.replies.queue(view.accountId(), text, view.address(), agent);
		}
		ChatLine line = append(chat, ChatSender.AGENT, agent, text);
		notify(chat);
		return line;
	}

	/**
	 * Records that the agent verified the chat's customer (right-party verification),
	 * once, with a line saying so.
	 */
	@Transactional
	public ChatView verified(UUID chat, String agent, String note) {
		ChatView view = theirs(chat, agent);
		if (!view.verified()) {
			this.jdbc.sql("UPDATE messaging_chats SET verified = true, verified_at = :now WHERE id = :id")
				.param("id", chat)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			append(chat, ChatSender.SYSTEM, agent, note);
			notify(chat);
		}
		return get(chat);
	}

	/**
	 * Closes the agent's chat: a last line, the whole transcript on the account's
	 * timeline as an inbound conversation, and the agent's place offered to the next
	 * waiting chat.
	 */
	@Transactional
	public ChatView close(UUID chat, String agent, String note) {
		theirs(chat, agent);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE messaging_chats SET status = 'CLOSED', closed_at = :now, closed_by = :agent
				WHERE id = :id""").param("id", chat).param("now", Timestamp.from(now)).param("agent", agent).update();
		append(chat, ChatSender.SYSTEM, agent, note);
		ChatView closed = get(chat);
		this.transcripts.record(closed, lines(chat, 0));
		notify(chat);
		this.events.publishEvent(new ChatClosed(chat, agent, now));
		this.router.routeWaiting();
		return closed;
	}

	/** The chat, whoever asks. */
	public ChatView get(UUID chat) {
		return find(chat).orElseThrow(() -> new NotFoundException("chat", chat));
	}

	Optional<ChatView> find(UUID chat) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", chat).query(Chats::view).optional();
	}

	/**
	 * The chat the agent has open.
	 * @throws NotFoundException when it is not theirs or closed
	 */
	public ChatView theirs(UUID chat, String agent) {
		ChatView view = find(chat).filter((c) -> agent.equals(c.agent()))
			.orElseThrow(() -> new NotFoundException("chat", chat));
		if (!view.active()) {
			throw new ConflictException("the chat is closed");
		}
		return view;
	}

	/**
	 * The chat the token and secret open.
	 * @throws NotFoundException when they do not
	 */
	public ChatView open(UUID chat, String token, String secret) {
		byte[] stored = this.jdbc.sql("SELECT secret_hash FROM messaging_chats WHERE id = :id AND link_token = :token")
			.param("id", chat)
			.param("token", token)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		if (stored == null || !MessageDigest.isEqual(stored, hash(secret))) {
			throw new NotFoundException("chat", chat);
		}
		return get(chat);
	}

	/** The agent's open chats, oldest first. */
	public List<ChatView> of(String agent) {
		return this.jdbc.sql(SELECT + " WHERE agent = :agent AND status = 'ACTIVE' ORDER BY assigned_at, id")
			.param("agent", agent)
			.query(Chats::view)
			.list();
	}

	/** The chat's lines after the one given (0 for all), oldest first. */
	public List<ChatLine> lines(UUID chat, long after) {
		return this.jdbc.sql("""
				SELECT id, chat_id, sender, author, text, at FROM messaging_chat_messages
				WHERE chat_id = :chat AND id > :after ORDER BY id""")
			.param("chat", chat)
			.param("after", after)
			.query(Chats::line)
			.list();
	}

	private ChatLine append(UUID chat, ChatSender sender, @Nullable String author, String text) {
		// one writer of a chat at a time: its lines commit in the order of their ids, so
		// a reader that resumes after the last id it saw misses none
		this.jdbc.sql("SELECT id FROM messaging_chats WHERE id = :chat FOR NO KEY UPDATE")
			.param("chat", chat)
			.query(UUID.class)
			.list();
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				INSERT INTO messaging_chat_messages (chat_id, sender, author, text, at)
				VALUES (:chat, :sender, :author, :text, :at) RETURNING id""")
			.param("chat", chat)
			.param("sender", sender.name())
			.param("author", author)
			.param("text", text)
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		return new ChatLine(id, chat, sender, author, text, now);
	}

	/** Announces a change of the chat to every node, at commit. */
	private void notify(UUID chat) {
		this.jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :id)")
			.param("id", chat.toString())
			.query((rs, n) -> 1)
			.list();
	}

	private static String text(String message) {
		String text = message.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("text", "write something");
		}
		if (text.length() > MOST) {
			throw new InvalidInputException("text", "a line is at most %d characters".formatted(MOST));
		}
		if (text.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("text", "must not contain NUL characters");
		}
		return text;
	}

	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ChatView view(ResultSet rs, int n) throws SQLException {
		Timestamp assigned = rs.getTimestamp("assigned_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new ChatView(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("language"),
				ChatChannel.valueOf(rs.getString("channel")), rs.getString("address"),
				ChatStatus.valueOf(rs.getString("status")), rs.getString("agent"), rs.getBoolean("verified"),
				rs.getTimestamp("created_at").toInstant(), (assigned == null) ? null : assigned.toInstant(),
				(closed == null) ? null : closed.toInstant());
	}

	static ChatLine line(ResultSet rs, int n) throws SQLException {
		return new ChatLine(rs.getLong("id"), rs.getObject("chat_id", UUID.class),
				ChatSender.valueOf(rs.getString("sender")), rs.getString("author"), rs.getString("text"),
				rs.getTimestamp("at").toInstant());
	}

	/**
	 * A chat just started, with the secret its customer keeps to write and read it (only
	 * its hash is stored).
	 */
	public record Started(ChatView chat, String secret) {
	}

}
