package org.dues.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's live figures for its lead: each member's state and time in it, lines in
 * use, dials and connects today, abandons as a share of live answers today and over the
 * last 30 days (the US rule's period), the predictive pacer's margin, and why a running
 * campaign places no call (outside its hours, or no customer inside their calling hours)
 * with when that ends. Everything is read from PostgreSQL, so any node shows them.
 */
@Service
public class CampaignFigures {

	private final Campaigns campaigns;

	private final AgentStates states;

	private final DialerCalls calls;

	private final Clock clock;

	CampaignFigures(Campaigns campaigns, AgentStates states, DialerCalls calls, Clock clock) {
		this.campaigns = campaigns;
		this.states = states;
		this.calls = calls;
		this.clock = clock;
	}

	/**
	 * The campaign's figures now; today is the campaign's day in its zone.
	 */
	@Transactional
	public Figures of(long id) {
		CampaignView campaign = this.campaigns.get(id);
		Instant now = this.clock.instant();
		ZoneId zone = ZoneId.of(campaign.zone());
		Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
		Set<String> members = Set.copyOf(campaign.members());
		Map<String, Map<AgentState, Duration>> day = this.states.timeIn(now.atZone(zone).toLocalDate(), zone);
		List<Agent> agents = this.states.all()
			.stream()
			.filter((a) -> members.contains(a.username()))
			.map((a) -> new Agent(a.username(), a.state(), a.since(),
					Math.max(0, Duration.between(a.since(), now).toSeconds()),
					day.getOrDefault(a.username(), Map.of())))
			.toList();
		DialerCalls.Figures today = this.calls.figures(id, midnight);
		DialerCalls.Figures period = this.calls.figures(id, now.minus(CampaignRun.REPLAYED));
		return new Figures(campaign, agents, today.lines(), today.dials(), today.connects(), today.liveAnswers(),
				today.abandons(), today.abandonRate(), period.liveAnswers(), period.abandons(), period.abandonRate(),
				campaign.margin(), this.campaigns.waiting(id), now);
	}

	/**
	 * A member's state.
	 *
	 * @param seconds how long they have been in it
	 * @param today time in each state today
	 */
	public record Agent(String username, AgentState state, Instant since, long seconds,
			Map<AgentState, Duration> today) {
	}

	/**
	 * The live figures.
	 *
	 * @param lines calls not ended
	 * @param abandonRateToday abandons ÷ live answers today (0 to 1)
	 * @param abandonRatePeriod abandons ÷ live answers over the last 30 days
	 * @param margin the predictive pacer's margin in standard deviations, when it runs
	 * @param waiting why the running campaign places no call now, and until when; null
	 * while it dials (or is stopped)
	 */
	public record Figures(CampaignView campaign, List<Agent> agents, long lines, long dialsToday, long connectsToday,
			long liveAnswersToday, long abandonsToday, double abandonRateToday, long liveAnswersPeriod,
			long abandonsPeriod, double abandonRatePeriod, @Nullable Double margin, @Nullable CampaignWaiting waiting,
			Instant at) {

		/** Members in each state. */
		public Map<AgentState, Long> byState() {
			Map<AgentState, Long> counts = new java.util.EnumMap<>(AgentState.class);
			for (AgentState s : AgentState.values()) {
				counts.put(s, this.agents.stream().filter((a) -> a.state() == s).count());
			}
			return counts;
		}

	}

}
