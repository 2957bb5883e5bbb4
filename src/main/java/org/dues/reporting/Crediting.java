package org.dues.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.dues.arrangement.ArrangementTakers;
import org.dues.contact.Conversations;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.work.AccountHolders;

import org.springframework.stereotype.Component;

/**
 * Whom a payment on an account at an instant is credited to, asking the modules that
 * know: the agent who took the promise, plan or settlement then open on it (arrangement),
 * else the agent who held the account then (work: its owner, or the agent with a pooled
 * account open), else the agent who last spoke with the customer about it within
 * {@link #CONTACT_WINDOW} before (contact). Only agents are credited: a promise taken by
 * a lead, say, passes to the next rule.
 */
@Component
class Crediting {

	/** How far back a conversation still earns a payment that nobody else earned. */
	static final Duration CONTACT_WINDOW = Duration.ofDays(30);

	private final ArrangementTakers takers;

	private final AccountHolders holders;

	private final Conversations conversations;

	private final UserManagement users;

	Crediting(ArrangementTakers takers, AccountHolders holders, Conversations conversations, UserManagement users) {
		this.takers = takers;
		this.holders = holders;
		this.conversations = conversations;
		this.users = users;
	}

	Optional<Credit> of(AccountId account, Instant at) {
		Optional<String> taker = this.takers.takerAt(account, at).filter(this::agent);
		if (taker.isPresent()) {
			return taker.map((a) -> new Credit(a, CreditedAs.ARRANGEMENT_TAKER));
		}
		Optional<String> holder = this.holders.holderAt(account, at)
			.map(AccountHolders.Holder::agent)
			.filter(this::agent);
		if (holder.isPresent()) {
			return holder.map((a) -> new Credit(a, CreditedAs.ACCOUNT_HOLDER));
		}
		return this.conversations.lastAgent(account, at.minus(CONTACT_WINDOW), at)
			.filter(this::agent)
			.map((a) -> new Credit(a, CreditedAs.LAST_IN_CONTACT));
	}

	/**
	 * As {@link #of}, for many accounts at one instant: three reads for all of them, and
	 * one user look-up per person named. Accounts credited to nobody are left out.
	 */
	java.util.Map<AccountId, Credit> of(java.util.Collection<AccountId> accounts, Instant at) {
		java.util.Map<AccountId, String> taken = this.takers.takersAt(accounts, at);
		java.util.Map<AccountId, AccountHolders.Holder> held = this.holders.holdersAt(accounts, at);
		java.util.Map<AccountId, String> spoken = this.conversations.lastAgents(accounts, at.minus(CONTACT_WINDOW), at);
		java.util.Map<String, Boolean> agents = new java.util.HashMap<>();
		java.util.function.Predicate<String> agent = (u) -> u != null && agents.computeIfAbsent(u, this::agent);
		java.util.Map<AccountId, Credit> credits = new java.util.HashMap<>();
		for (AccountId account : accounts) {
			AccountHolders.Holder holder = held.get(account);
			if (agent.test(taken.get(account))) {
				credits.put(account, new Credit(taken.get(account), CreditedAs.ARRANGEMENT_TAKER));
			}
			else if (holder != null && agent.test(holder.agent())) {
				credits.put(account, new Credit(holder.agent(), CreditedAs.ACCOUNT_HOLDER));
			}
			else if (agent.test(spoken.get(account))) {
				credits.put(account, new Credit(spoken.get(account), CreditedAs.LAST_IN_CONTACT));
			}
		}
		return credits;
	}

	private boolean agent(String username) {
		return this.users.find(username).map((u) -> u.has(Role.AGENT)).orElse(false);
	}

	record Credit(String agent, CreditedAs as) {
	}

}
