package org.dues.messaging.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.identity.UserManagement.UserView;
import org.dues.messaging.events.ChatTaken;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives waiting chats to agents: a chat goes to a ready agent who speaks its language
 * (English for an agent who names none), may see its account (the same scope check every
 * desk page makes, {@link Scopes}), and has fewer than {@code dues.chat.max-per-agent}
 * chats open (3 by default), the least busy first. Waiting chats are taken oldest first
 * with {@code SKIP LOCKED} and an agent's row is locked while a chat is given to them, so
 * nodes routing at once neither give a chat twice nor an agent more than their share.
 */
@Component
class ChatRouter {

	/** The roles that take chats: those who talk to customers at a desk. */
	static final List<Role> TAKERS = List.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER, Role.ADMIN);

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Scopes scopes;

	private final Clock clock;

	private final int most;

	private final ApplicationEventPublisher events;

	ChatRouter(JdbcClient jdbc, UserManagement users, Scopes scopes, Clock clock,
			@Value("${dues.chat.max-per-agent:3}") int most, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.users = users;
		this.scopes = scopes;
		this.clock = clock;
		this.most = most;
	}

	/** How many chats an agent has open at most. */
	int most() {
		return this.most;
	}

	/** Offers every waiting chat, oldest first; the number given to an agent. */
	@Transactional
	public int routeWaiting() {
		List<UUID> waiting = this.jdbc
			.sql("SELECT id FROM messaging_chats WHERE status = 'WAITING' ORDER BY created_at, id LIMIT 500")
			.query(UUID.class)
			.list();
		int given = 0;
		for (UUID chat : waiting) {
			if (route(chat) != null) {
				given++;
			}
		}
		return given;
	}

	/**
	 * Gives the chat, if it still waits and nobody else is giving it now, to the first
	 * agent who may take it.
	 * @return the agent, or null when it keeps waiting
	 */
	@Transactional
	public String route(UUID chat) {
		Object[] found = this.jdbc
			.sql("SELECT account_id, language FROM messaging_chats WHERE id = :id AND status = 'WAITING'"
					+ " FOR UPDATE SKIP LOCKED")
			.param("id", chat)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) })
			.optional()
			.orElse(null);
		if (found == null) {
			return null;
		}
		UUID account = (UUID) found[0];
		String language = (String) found[1];
		List<String> candidates = this.jdbc.sql("""
				SELECT a.agent FROM messaging_chat_agents a
				LEFT JOIN messaging_chats c ON c.agent = a.agent AND c.status = 'ACTIVE'
				WHERE a.ready GROUP BY a.agent, a.changed_at
				HAVING count(c.id) < :most ORDER BY count(c.id), a.changed_at, a.agent""")
			.param("most", this.most)
			.query(String.class)
			.list();
		for (String agent : candidates) {
			UserView user = this.users.find(agent).orElse(null);
			if (user == null || !mayTake(user, language, account)) {
				continue;
			}
			// the agent's row locked: another node giving them a chat now waits, then
			// counts this one
			Integer open = this.jdbc.sql("""
					SELECT (SELECT count(*) FROM messaging_chats c WHERE c.agent = a.agent AND c.status = 'ACTIVE')
					FROM messaging_chat_agents a WHERE a.agent = :agent AND a.ready FOR UPDATE""")
				.param("agent", agent)
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (open == null || open >= this.most) {
				continue;
			}
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					UPDATE messaging_chats SET status = 'ACTIVE', agent = :agent, assigned_at = :now WHERE id = :id""")
				.param("agent", agent)
				.param("now", Timestamp.from(now))
				.param("id", chat)
				.update();
			// the agent is on a chat now (telephony's state)
			this.events.publishEvent(new ChatTaken(chat, agent, now));
			this.jdbc.sql("SELECT pg_notify('" + Chats.CHANNEL + "', :id)")
				.param("id", chat.toString())
				.query((rs, n) -> 1)
				.list();
			return agent;
		}
		return null;
	}

	/**
	 * Whether the user may take a chat in the language about the account: enabled, in a
	 * role that talks to customers, speaking the language, and reaching the account.
	 */
	boolean mayTake(UserView user, String language, UUID account) {
		if (!user.enabled() || TAKERS.stream().noneMatch(user::has)) {
			return false;
		}
		List<String> speaks = user.languages().isEmpty() ? List.of("en") : user.languages();
		if (!speaks.contains(language.toLowerCase(Locale.ROOT))) {
			return false;
		}
		return this.scopes.reaches(as(user), RecordReach.account(account));
	}

	/** The user as the scope check knows a caller: their name and roles. */
	static Authentication as(UserView user) {
		return UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
				user.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
	}

	/**
	 * Marks the agent ready for chats, or not; a ready agent is offered the waiting chats
	 * at once (and, later, those that start or wait while they are ready).
	 */
	@Transactional
	public void ready(String agent, boolean ready) {
		this.jdbc.sql("""
				INSERT INTO messaging_chat_agents (agent, ready, changed_at) VALUES (:agent, :ready, :now)
				ON CONFLICT (agent) DO UPDATE SET ready = EXCLUDED.ready, changed_at = EXCLUDED.changed_at""")
			.param("agent", agent)
			.param("ready", ready)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (ready) {
			routeWaiting();
		}
	}

	/** Whether the agent takes chats now. */
	boolean isReady(String agent) {
		return this.jdbc.sql("SELECT ready FROM messaging_chat_agents WHERE agent = :agent")
			.param("agent", agent)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
