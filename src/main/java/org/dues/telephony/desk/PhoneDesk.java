package org.dues.telephony.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.dues.telephony.AgentState;
import org.dues.telephony.AgentStates;
import org.dues.telephony.InboundCalls;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The phone panel on the desk, beside the chat panel: the agent's state and how long they
 * have been in it, the call they are on, and buttons to go ready, on a break or offline.
 * A call that connects to them opens its account (a screen pop) through the desk's event
 * stream ({@code /desk/phone/stream}, read by {@code phone-desk.js}), whichever node the
 * call was connected on.
 */
@PageController
class PhoneDesk {

	/** The states an agent may choose; the others come from calls and chats. */
	static final Set<AgentState> CHOSEN = Set.of(AgentState.READY, AgentState.BREAK, AgentState.OFFLINE);

	private final AgentStates states;

	private final PhoneStreams streams;

	private final Clock clock;

	private final InboundCalls inbound;

	PhoneDesk(AgentStates states, PhoneStreams streams, Clock clock, InboundCalls inbound) {
		this.states = states;
		this.streams = streams;
		this.clock = clock;
		this.inbound = inbound;
	}

	@GetMapping("/desk/phone")
	String panel(Model model, Authentication user) {
		AgentStates.Seat seat = this.states.seat(user.getName());
		Duration in = Duration.between(seat.state().since(), this.clock.instant());
		model.addAttribute("seat", seat);
		model.addAttribute("seconds", Math.max(0, in.toSeconds()));
		model.addAttribute("choices", AgentState.values());
		model.addAttribute("chosen", CHOSEN);
		return "telephony/phone :: panel";
	}

	@PostMapping("/desk/phone/state")
	String change(@RequestParam(required = false) @Nullable String state, Model model, Authentication user) {
		AgentState to = chosen(state);
		AgentState now = this.states.current(user.getName()).state();
		if (now == AgentState.ON_CALL) {
			// the call goes on: the state after it is chosen in wrap-up
			throw new ConflictException("Not while on a call: the state after it is chosen in wrap-up");
		}
		this.states.change(user.getName(), to, null);
		if (to == AgentState.READY) {
			// the longest-waiting caller this agent can take is connected at once
			this.inbound.serveQueue();
		}
		return panel(model, user);
	}

	@GetMapping(path = "/desk/phone/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Authentication user) {
		return this.streams.agent(user.getName());
	}

	@ExceptionHandler(ConflictException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(ConflictException ex, Model model) {
		model.addAttribute("status", 409);
		model.addAttribute("detail", ex.getMessage());
		return "error";
	}

	static AgentState chosen(@Nullable String state) {
		for (AgentState s : CHOSEN) {
			if (s.name().equals(state)) {
				return s;
			}
		}
		throw new InvalidInputException("state", "READY, BREAK or OFFLINE, not '%s'".formatted(state));
	}

}
