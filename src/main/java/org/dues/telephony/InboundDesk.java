package org.dues.telephony;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.portfolio.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an inbound call does on the desk: once its account is known, the call goes on the
 * account's timeline as an inbound call (contact's log: no gate, no attempt, so the
 * frequency rules do not count it) with the agent who took it, and the account pops on
 * their desk; a caller of several accounts or of none is offered to the agent to choose
 * or search ({@code inbound} on the desk's phone stream); when the call ends the agent
 * wraps up.
 */
@Component
class InboundDesk {

	private final Calls calls;

	private final ContactLog contacts;

	private final ScreenPops pops;

	private final AgentStates states;

	private final JdbcClient jdbc;

	private final List<InboundLegs> legs;

	InboundDesk(Calls calls, ContactLog contacts, ScreenPops pops, AgentStates states, JdbcClient jdbc,
			List<InboundLegs> legs) {
		this.calls = calls;
		this.contacts = contacts;
		this.pops = pops;
		this.states = states;
		this.jdbc = jdbc;
		this.legs = List.copyOf(legs);
	}

	CallView call(UUID id) {
		return Objects.requireNonNull(this.calls.find(id));
	}

	/** The call is about the account: on its timeline, popped on the agent's desk. */
	void attach(CallView call, UUID account, String agent) {
		String address = call.customerNumber().startsWith("+") ? call.customerNumber() : null;
		InteractionView interaction = this.contacts.inbound(new AccountId(account), Set.of(), Channel.CALL, address,
				PersonRole.CONSUMER, null, call.createdAt(), null, agent);
		this.jdbc.sql("UPDATE telephony_calls SET account_id = ?, interaction_id = ? WHERE id = ?")
			.params(account, interaction.id(), call.id())
			.update();
		this.pops.pop(agent, account, call.id(), "INBOUND");
	}

	/** The agent is to choose the caller's account, or search for it. */
	void offer(CallView call, String agent) {
		this.states.notify("inbound", agent, call.id().toString());
	}

	/** The agent on the call wraps up. */
	void ended(CallView call) {
		String agent = call.agent();
		if (agent != null && this.states.current(agent).state() == AgentState.ON_CALL) {
			this.states.change(agent, AgentState.WRAP_UP, null);
		}
	}

	/** Tells the call's provider to connect it to its agent. */
	void legs(CallView call) {
		for (InboundLegs provider : this.legs) {
			if (provider.name().equals(call.provider())) {
				provider.connect(call);
			}
		}
	}

}
