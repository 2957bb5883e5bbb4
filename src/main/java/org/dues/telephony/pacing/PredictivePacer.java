package org.dues.telephony.pacing;

/**
 * Predictive dialing. Each second it forecasts, for every second {@code k} of the ring
 * horizon, the agents free by {@code k + 2} (ready now, or their talk and wrap, or wrap,
 * ending in time, from the campaign's observed talk and wrap times) and the live answers
 * by {@code k} (from each call already ringing, given how long it has rung, and from the
 * calls it would place now), and places the most calls for which, at every {@code k},
 * <pre>expected answers − expected agents + margin × √(variance) ≤ 0</pre> The margin is
 * tuned online from the abandons observed ({@link AbandonMargin}). Until the campaign has
 * enough history, and whenever one more abandon would take the rolling 24 hours or 30
 * days over the legal share, it dials progressively, which cannot abandon.
 */
public final class PredictivePacer implements Pacer {

	private final PredictiveSettings settings;

	private final AbandonMargin margin;

	private final ProgressivePacer fallback = new ProgressivePacer();

	/**
	 * A pacer for one campaign.
	 * @param settings its maximum ratio and abandon target
	 */
	public PredictivePacer(PredictiveSettings settings) {
		this.settings = settings;
		this.margin = new AbandonMargin(settings);
	}

	@Override
	public int callsToPlace(PacingSnapshot now) {
		PacingHistory history = now.history();
		this.margin.observe(history);
		if (!warm(history) || !affordsAbandon(now)) {
			return this.fallback.callsToPlace(now);
		}
		int lines = (int) Math.floor(this.settings.maxDialRatio() * now.agents()) - now.callsInFlight()
				- now.waitingAnswers();
		if (lines <= 0) {
			return 0;
		}
		Forecast forecast = new Forecast(now);
		double z = this.margin.value();
		int calls = 0;
		while (calls < lines && fits(forecast, calls + 1, z)) {
			calls++;
		}
		return calls;
	}

	private static boolean fits(Forecast forecast, int calls, double z) {
		for (int k = 1; k <= forecast.horizon; k++) {
			double q = forecast.fresh[k];
			double excess = forecast.demand[k] + calls * q - forecast.supply[k];
			double spread = Math.sqrt(forecast.demandVariance[k] + forecast.supplyVariance[k] + calls * q * (1 - q));
			if (excess + z * spread > 0) {
				return false;
			}
		}
		return true;
	}

	private boolean warm(PacingHistory history) {
		int needed = this.settings.warmUpSamples();
		return history.talk().size() >= needed && history.wrap().size() >= needed
				&& history.dials().liveAnswers() >= needed;
	}

	private boolean affordsAbandon(PacingSnapshot now) {
		double limit = this.settings.legalAbandonRate();
		return now.history().lastDay(now.at()).affordsAnother(limit)
				&& now.history().lastThirtyDays(now.at()).affordsAnother(limit);
	}

	/**
	 * @return the margin now, in standard deviations (for the lead's live figures)
	 */
	public double margin() {
		return this.margin.value();
	}

	@Override
	public boolean guaranteesAgent() {
		return false;
	}

	@Override
	public String mode() {
		return "predictive";
	}

}
