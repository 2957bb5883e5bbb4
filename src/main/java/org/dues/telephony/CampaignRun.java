package org.dues.telephony;

import java.time.Duration;
import java.time.Instant;

import org.dues.shared.PhoneNumber;
import org.dues.telephony.pacing.AbandonedNumbers;
import org.dues.telephony.pacing.CallOutcome;
import org.dues.telephony.pacing.Pacer;
import org.dues.telephony.pacing.PacingHistory;
import org.dues.telephony.pacing.PredictivePacer;
import org.dues.telephony.pacing.PredictiveSettings;
import org.dues.telephony.pacing.PreviewPacer;
import org.dues.telephony.pacing.ProgressivePacer;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as the node dialling it keeps it in memory: its pacer, the history the pacer
 * learns from (replayed from the campaign's calls of the last 30 days when the node takes
 * the campaign up) and the numbers it abandoned in the last 72 hours. One thread (the
 * dialer's) uses it.
 */
final class CampaignRun {

	/** How far back a history is replayed: the US rule's 30 days. */
	static final Duration REPLAYED = Duration.ofDays(30);

	final long id;

	final DialMode mode;

	/** The campaign's version the run was made from: a changed campaign is run anew. */
	final int version;

	final Pacer pacer;

	final PacingHistory history = new PacingHistory();

	final AbandonedNumbers abandoned = new AbandonedNumbers();

	long lastWrapInterval;

	CampaignRun(CampaignView campaign) {
		this.id = campaign.id();
		this.mode = campaign.mode();
		this.version = campaign.version();
		this.pacer = switch (campaign.mode()) {
			case PREVIEW -> new PreviewPacer();
			case PROGRESSIVE -> new ProgressivePacer();
			case PREDICTIVE -> new PredictivePacer(
					PredictiveSettings.defaults().withMaxDialRatio(campaign.maxDialRatio().doubleValue()));
		};
	}

	/** Takes an ended call into the history (and an abandoned number into the list). */
	void settle(DialerCalls.Dialled call) {
		Instant ended = call.endedAt();
		if (ended == null) {
			return;
		}
		Instant answered = call.answeredAt();
		CallOutcome outcome = outcome(call);
		Instant rangUntil = (answered != null) ? answered : ended;
		this.history.recordDial(outcome,
				Math.max(0, Duration.between(call.createdAt(), rangUntil).toMillis() / 1000.0));
		if (outcome == CallOutcome.LIVE && answered != null) {
			this.history.recordLiveAnswer(answered);
			if (call.bridgedAt() == null) {
				Instant at = (call.abandonedAt() != null) ? call.abandonedAt() : ended;
				this.history.recordAbandon(at);
				this.abandoned.recordAbandon(PhoneNumber.parse(call.number(), "US"), at);
			}
			else {
				this.history.recordTalk(Math.max(1, Duration.between(call.bridgedAt(), ended).toMillis() / 1000.0));
			}
		}
	}

	/** The predictive pacer's margin, or null for a pacer without one. */
	@Nullable Double margin() {
		return (this.pacer instanceof PredictivePacer predictive) ? predictive.margin() : null;
	}

	static CallOutcome outcome(DialerCalls.Dialled call) {
		if ("HUMAN".equals(call.amd())) {
			return CallOutcome.LIVE;
		}
		if ("MACHINE".equals(call.amd())) {
			return CallOutcome.MACHINE;
		}
		if (call.cause() == CallEvent.EndCause.BUSY || call.cause() == CallEvent.EndCause.FAILED) {
			return CallOutcome.FAILED;
		}
		return CallOutcome.NO_ANSWER;
	}

}
