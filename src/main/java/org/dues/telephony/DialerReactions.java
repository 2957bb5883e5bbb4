package org.dues.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.dues.work.QueueDialing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a campaign's call goes on once a person answers or it ends, on whichever node the
 * event arrived (everything it decides is in PostgreSQL): a person who answers gets the
 * campaign's member ready longest ({@link AgentStates#claimLongestReady}), who is bridged
 * and gets the account popped on their desk; with nobody free within two seconds the call
 * is abandoned, and the provider plays the recorded message identifying the caller. When
 * the call ends, its agent goes to wrap-up for the campaign's wrap time, the account's
 * reservation is let go and its next try is set by the campaign's retry rules.
 */
@Component
class DialerReactions implements CallReactions {

	private static final Logger log = LoggerFactory.getLogger(DialerReactions.class);

	private final DialerCalls calls;

	private final Campaigns campaigns;

	private final CampaignAccounts accounts;

	private final AgentStates states;

	private final ScreenPops pops;

	private final QueueDialing queues;

	private final TelephonyCalls telephony;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration abandonAfter;

	private final ScheduledExecutorService timers = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dues-dialer-answers").daemon(true).factory());

	DialerReactions(DialerCalls calls, Campaigns campaigns, CampaignAccounts accounts, AgentStates states,
			ScreenPops pops, QueueDialing queues, TelephonyCalls telephony, PlatformTransactionManager transactions,
			Clock clock, @Value("${dues.telephony.dialer.abandon-after:2s}") Duration abandonAfter) {
		this.calls = calls;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.states = states;
		this.pops = pops;
		this.queues = queues;
		this.telephony = telephony;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.abandonAfter = abandonAfter;
	}

	static String holder(long campaign) {
		return "campaign-" + campaign;
	}

	@Override
	public void react(UUID callId, CallEvent.Kind kind) {
		try {
			DialerCalls.Dialled call = this.calls.find(callId);
			if (call == null || call.campaignId() == null) {
				return;
			}
			if (kind == CallEvent.Kind.ANSWERED_HUMAN) {
				if (connect(callId, false).isEmpty()) {
					this.timers.schedule(() -> connect(callId, true), this.abandonAfter.toMillis(),
							TimeUnit.MILLISECONDS);
				}
			}
			else if (kind == CallEvent.Kind.ENDED) {
				ended(callId);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The dialer could not react to {} of call {}: {}", kind, callId, ex.getMessage(), ex);
		}
	}

	/**
	 * Connects the waiting customer to the campaign's member ready longest; when none is
	 * and {@code orAbandon}, abandons the call.
	 * @return the agent connected
	 */
	Optional<String> connect(UUID callId, boolean orAbandon) {
		record Taken(DialerCalls.@Nullable Dialled call, @Nullable String agent, boolean abandoned) {
		}
		Taken taken = Objects.requireNonNull(this.transaction.execute((tx) -> {
			DialerCalls.Dialled call = this.calls.lock(callId);
			if (call == null || call.campaignId() == null || !call.waiting()) {
				return new Taken(null, null, false);
			}
			CampaignView campaign = this.campaigns.get(call.campaignId());
			Optional<String> agent = this.states.claimLongestReady(campaign.members(), AgentState.ON_CALL,
					campaign.id());
			if (agent.isPresent()) {
				this.calls.claimed(callId, agent.get());
				this.queues.handOver(call.accountId(), holder(campaign.id()), agent.get());
				this.pops.pop(agent.get(), call.accountId(), callId, "OUTBOUND");
				return new Taken(call, agent.get(), false);
			}
			if (orAbandon) {
				this.calls.abandoned(callId, this.clock.instant());
				return new Taken(call, null, true);
			}
			return new Taken(null, null, false);
		}));
		DialerCalls.Dialled call = taken.call();
		if (call == null) {
			return Optional.empty();
		}
		CallView view = Objects.requireNonNull(this.calls.view(callId));
		TelephonyProvider provider = this.telephony.named(call.provider());
		try {
			if (taken.agent() != null) {
				provider.bridge(view, taken.agent());
			}
			else if (taken.abandoned()) {
				log.info("Call {} of campaign {} abandoned: no agent free within {}", callId, call.campaignId(),
						this.abandonAfter);
				provider.abandon(view);
			}
		}
		catch (TelephonyException ex) {
			log.warn("{} could not {} call {}: {}", provider.name(), (taken.agent() != null) ? "bridge" : "abandon",
					callId, ex.getMessage());
		}
		return Optional.ofNullable(taken.agent());
	}

	/** Retries a waiting customer, and abandons them once the two seconds are over. */
	void waiting(DialerCalls.Dialled call, Instant now) {
		Instant answered = Objects.requireNonNull(call.answeredAt());
		connect(call.id(), !answered.plus(this.abandonAfter).isAfter(now));
	}

	private void ended(UUID callId) {
		this.transaction.executeWithoutResult((tx) -> {
			DialerCalls.Dialled call = this.calls.lock(callId);
			if (call == null || call.campaignId() == null || call.endedAt() == null) {
				return;
			}
			CampaignView campaign = this.campaigns.get(call.campaignId());
			Instant now = this.clock.instant();
			if (call.claimedBy() != null) {
				AgentStates.Seat seat = this.states.seat(call.claimedBy());
				if (seat.state().state() == AgentState.ON_CALL && callId.equals(seat.callId())) {
					this.states.wrapUp(call.claimedBy(), Duration.ofSeconds(campaign.wrapSeconds()));
				}
			}
			else {
				this.queues.release(call.accountId(), holder(campaign.id()));
				if (call.abandon()) {
					this.calls.abandoned(callId, call.endedAt());
				}
			}
			this.accounts.ended(campaign.id(), call.accountId(), outcome(call), now, retry(campaign, call));
		});
	}

	static String outcome(DialerCalls.Dialled call) {
		if (call.bridgedAt() != null) {
			return "CONVERSATION";
		}
		if ("HUMAN".equals(call.amd())) {
			return "ABANDONED";
		}
		if ("MACHINE".equals(call.amd())) {
			return "MACHINE";
		}
		return String.valueOf(call.cause());
	}

	/** The rule for the next try after the call, or none. */
	static CampaignView.@Nullable Retry retry(CampaignView campaign, DialerCalls.Dialled call) {
		return switch (outcome(call)) {
			case "MACHINE" -> campaign.retries().machine();
			case "BUSY" -> campaign.retries().busy();
			case "NO_ANSWER", "CANCELED", "ABANDONED" -> campaign.retries().noAnswer();
			default -> null;
		};
	}

	@PreDestroy
	void stop() {
		this.timers.shutdownNow();
	}

}
