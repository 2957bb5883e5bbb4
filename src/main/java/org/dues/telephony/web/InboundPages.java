package org.dues.telephony.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;
import org.dues.system.Unscoped;
import org.dues.telephony.InboundCalls;
import org.dues.telephony.TelephonyProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbound call an agent took whose caller is to be chosen (a number several accounts
 * share: those the agent may see) or found (a number nobody has: the account search, by
 * the number first); and the simulated carrier's call-in for the demo (administrators,
 * only while no real provider is configured).
 */
@PageController
class InboundPages {

	/**
	 * The demo's desk agents (not the external agency's), whom the suggestions are for.
	 */
	static final List<String> DESK_AGENTS = List.of("agent1", "agent2", "agent3");

	private final InboundCalls inbound;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Scopes scopes;

	private final boolean simulated;

	private final String simulatedNumber;

	InboundPages(InboundCalls inbound, Accounts accounts, CustomerManagement customers, Scopes scopes,
			List<TelephonyProvider> providers,
			@org.springframework.beans.factory.annotation.Value("${dues.telephony.simulated.caller-id:+15550100000}") String simulatedNumber) {
		this.inbound = inbound;
		this.accounts = accounts;
		this.customers = customers;
		this.scopes = scopes;
		this.simulated = providers.stream().allMatch((p) -> "simulated".equals(p.name()));
		this.simulatedNumber = simulatedNumber;
	}

	@GetMapping("/desk/inbound/{callId}")
	String call(@PathVariable @Unscoped("an inbound call is its agent's alone: another's answers 404") UUID callId,
			Model model, Authentication user) {
		InboundCalls.Arrival arrival = this.inbound.arrival(callId);
		if (!user.getName().equals(arrival.agent())) {
			throw new NotFoundException("inbound call", callId);
		}
		List<Choice> choices = this.accounts.getAll(arrival.accounts().stream().map(AccountId::new).toList())
			.values()
			.stream()
			.filter((a) -> this.scopes.reaches(user, RecordReach.account(a.id().value())))
			.map((a) -> new Choice(a, this.customers.get(a.customerId()).name()))
			.toList();
		model.addAttribute("call", arrival);
		model.addAttribute("choices", choices);
		return "telephony/inbound";
	}

	@PostMapping("/desk/inbound/{callId}/account")
	String choose(@PathVariable @Unscoped("an inbound call is its agent's alone: another's answers 404") UUID callId,
			@RequestParam(required = false) @Nullable String accountId, Authentication user) {
		UUID account = RecordLocatorKeys.uuid(accountId);
		if (account == null) {
			throw new NotFoundException("account", String.valueOf(accountId));
		}
		this.scopes.require(user, "account", account);
		this.inbound.choose(callId, new AccountId(account), user.getName());
		return "redirect:/accounts/" + account;
	}

	@GetMapping("/telephony/sandbox")
	String sandbox(@RequestParam(required = false) @Nullable String called, Model model) {
		model.addAttribute("simulated", this.simulated);
		model.addAttribute("calls", this.simulated ? this.inbound.recent(20) : List.of());
		model.addAttribute("called", called != null);
		model.addAttribute("suggested", this.simulated ? suggested() : List.of());
		return "telephony/sandbox";
	}

	@PostMapping("/telephony/sandbox/inbound")
	String callIn(@RequestParam(required = false) @Nullable String from) {
		if (!this.simulated) {
			throw new NotFoundException("simulated carrier", "off");
		}
		String number = Objects.requireNonNullElse(from, "").strip();
		if (number.isEmpty() || number.length() > 32) {
			throw new org.dues.shared.InvalidInputException("from", "give the number that calls in");
		}
		this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), number, this.simulatedNumber);
		return "redirect:/telephony/sandbox?called";
	}

	/** A few customers who speak Malayalam or Hindi, to call in as. */
	private List<Suggested> suggested() {
		List<Suggested> suggested = new java.util.ArrayList<>();
		for (String language : List.of("ml", "hi")) {
			int found = 0;
			for (var customer : this.customers.speakingWithPhone(language, 300)) {
				String number = customer.phones().get(0).e164();
				// a demo agent (agent1 speaks Malayalam, agent2 Hindi) can take it, and
				// the
				// account opens on their desk by itself (a number several accounts share,
				// one
				// of them another creditor's, offers a choice instead)
				List<String> agents = this.inbound.agentsFor(number).stream().filter(DESK_AGENTS::contains).toList();
				if (!agents.isEmpty() && this.inbound.opensOneAccount(number)
						&& suggested.stream().noneMatch((s) -> s.number().equals(number))) {
					suggested.add(new Suggested(customer.name(), language, number, String.join(", ", agents)));
					if (++found == 2) {
						break;
					}
				}
			}
		}
		return suggested;
	}

	/** A customer to call in as. */
	record Suggested(String name, String language, String number, String agents) {
	}

	/** An account the caller may be, with its customer's name. */
	record Choice(AccountView account, String customer) {
	}

}
