package org.dues.telephony;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ClearedContact;
import org.dues.contact.ContactLog;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountId;
import org.dues.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places calls: asks the compliance gate at that moment (which records its decision, and
 * a refusal on the account's timeline), and only when it allows the call keeps it in
 * {@code telephony_calls} and hands it to the provider that serves the number. The
 * attempt stays in progress until the provider reports the call ended.
 */
@Service
@EnableConfigurationProperties(TelephonyProperties.class)
public class TelephonyCalls {

	static final String SIMULATED = "simulated";

	private static final Logger log = LoggerFactory.getLogger(TelephonyCalls.class);

	private static final SecureRandom TOKENS = new SecureRandom();

	private final OutboundContacts outbound;

	private final Calls calls;

	private final CallEvents events;

	private final List<TelephonyProvider> providers;

	private final TransactionTemplate transaction;

	private final TelephonyProperties properties;

	private final Clock clock;

	private final RecordingDisclosures disclosures;

	TelephonyCalls(OutboundContacts outbound, Calls calls, CallEvents events, List<TelephonyProvider> providers,
			PlatformTransactionManager transactions, TelephonyProperties properties, Clock clock,
			RecordingDisclosures disclosures) {
		this.disclosures = disclosures;
		this.outbound = outbound;
		this.calls = calls;
		this.events = events;
		this.providers = List.copyOf(providers);
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Places a call from the agent to the account's customer if the gate allows it now.
	 * @return the gate's logged attempt and, when allowed, the call (ended as failed when
	 * the provider refused it)
	 * @throws ConflictException when no provider serves the number, or the agent may not
	 * call at all (nothing is placed)
	 */
	public Placement place(Dial dial) {
		TelephonyProvider provider = provider(dial.customerNumber());
		record Cleared(OutboundContacts.Clearance clearance, @Nullable CallView call) {
		}
		Cleared cleared = Objects.requireNonNull(this.transaction.execute((status) -> {
			OutboundContacts.Clearance clearance = this.outbound.clear(new ContactGate.Request(dial.account(), Set.of(),
					Channel.CALL, dial.customerNumber(), PersonRole.CONSUMER, Purpose.COLLECTION), "call",
					dial.agent());
			if (!clearance.allowed()) {
				return new Cleared(clearance, null);
			}
			String number = Objects.requireNonNullElse(clearance.attempt().interaction().address(),
					dial.customerNumber());
			String disclosure = dial.disclosure();
			if (disclosure == null) {
				RecordingDisclosures.Disclosure required = this.disclosures.forAccount(dial.account());
				disclosure = (required == null) ? null : required.text();
			}
			CallView call = new CallView(UUID.randomUUID(), provider.name(), null, dial.account().value(),
					clearance.attempt().interaction().id(), number, dial.agent(), dial.agentNumber(),
					dial.callerId() != null ? dial.callerId() : provider.callerId(), "PLACED", disclosure,
					HexFormat.of().formatHex(token()), this.clock.instant(), null, null, null, null, null);
			this.calls.insert(call, dial.campaignId());
			return new Cleared(clearance, call);
		}));
		CallView call = cleared.call();
		ClearedContact contact = cleared.clearance().contact();
		if (call == null || contact == null) {
			return new Placement(cleared.clearance().attempt(), null);
		}
		CallRequest request = new CallRequest(call.id(), call.callbackToken(), call.customerNumber(),
				call.agentNumber(), call.callerId(), true, call.disclosure(), this.properties.ringTimeoutSeconds(),
				this.properties.timeLimitSeconds());
		try {
			String providerCallId = provider.originate(contact, request);
			this.transaction.executeWithoutResult((status) -> this.calls.providerCallId(call.id(), providerCallId));
		}
		catch (TelephonyException ex) {
			log.warn("{} did not place call {}: {}", provider.name(), call.id(), ex.getMessage());
			this.events.take(provider.name(), call.id(), null, call.id() + ":originate",
					CallEvent.ended(CallEvent.EndCause.FAILED));
		}
		return new Placement(cleared.clearance().attempt(), this.events.find(call.id()));
	}

	/**
	 * The provider for the number: a configured one that serves it, else, when no
	 * provider is configured at all, the simulated carrier.
	 */
	TelephonyProvider provider(String number) {
		List<TelephonyProvider> real = this.providers.stream().filter((p) -> !SIMULATED.equals(p.name())).toList();
		for (TelephonyProvider provider : real) {
			if (provider.serves(number)) {
				return provider;
			}
		}
		if (real.isEmpty() && !this.providers.isEmpty()) {
			return this.providers.get(0);
		}
		throw new ConflictException("No telephony provider is configured for " + number);
	}

	/**
	 * Whether a dialer's call to the number can be placed
	 * ({@link TelephonyProvider#bridgesAtAnswer()}); a number no provider serves is left
	 * to {@link #place}, which refuses it.
	 */
	boolean bridgesAtAnswer(String number) {
		try {
			return provider(number).bridgesAtAnswer();
		}
		catch (ConflictException ex) {
			return true;
		}
	}

	/**
	 * The provider of that name, for a call it placed.
	 */
	TelephonyProvider named(String name) {
		return this.providers.stream()
			.filter((p) -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new TelephonyException("no provider " + name, false));
	}

	private static byte[] token() {
		byte[] token = new byte[16];
		TOKENS.nextBytes(token);
		return token;
	}

	/**
	 * A call to place.
	 *
	 * @param customerNumber the customer's number, E.164
	 * @param agentNumber the agent's phone (E.164 or a SIP URI)
	 * @param callerId the number the customer sees; null for the provider's
	 * @param disclosure the recording disclosure in the customer's language; null for the
	 * one the customer's jurisdiction needs ({@link RecordingDisclosures}), or none when
	 * recordings are off
	 * @param campaignId the campaign whose dialer places it, or null
	 */
	public record Dial(AccountId account, String customerNumber, String agent, String agentNumber,
			@Nullable String callerId, @Nullable String disclosure, @Nullable Long campaignId) {

		/** A call an agent places (no campaign). */
		public Dial(AccountId account, String customerNumber, String agent, String agentNumber,
				@Nullable String callerId, @Nullable String disclosure) {
			this(account, customerNumber, agent, agentNumber, callerId, disclosure, null);
		}

	}

	/**
	 * What became of a dial.
	 *
	 * @param attempt the gate's decision and the logged attempt (blocked or in progress)
	 * @param call the call, when the gate allowed it
	 */
	public record Placement(ContactLog.Attempt attempt, @Nullable CallView call) {

		public boolean placed() {
			return this.call != null;
		}

	}

}
