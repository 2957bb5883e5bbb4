package org.dues.telephony.pacing;

/**
 * A predictive campaign's settings.
 *
 * @param maxDialRatio most calls ringing at once per agent logged in (ready, talking or
 * wrapping up)
 * @param targetAbandonRate the share of live answers the margin aims to abandon, below
 * the legal limit so that an unlucky hour stays within it
 * @param legalAbandonRate the limit over the rolling 24 hours and 30 days (0.03); when
 * one more abandon would pass it in either window the pacer dials progressively
 * @param gain how far the margin moves per abandon (in standard deviations); each live
 * answer taken moves it back by {@code gain × target / (1 − target)}
 * @param initialMargin the margin a new campaign starts with, in standard deviations
 * @param warmUpSamples talks, wraps and live answers to observe before predicting; until
 * then the pacer dials progressively
 */
public record PredictiveSettings(double maxDialRatio, double targetAbandonRate, double legalAbandonRate, double gain,
		double initialMargin, int warmUpSamples) {

	public PredictiveSettings {
		if (maxDialRatio < 1 || !(targetAbandonRate > 0) || targetAbandonRate > legalAbandonRate
				|| legalAbandonRate >= 1 || !(gain > 0) || warmUpSamples < 1) {
			throw new IllegalArgumentException("predictive settings out of range");
		}
	}

	/**
	 * @return ratio 3, target 2%, limit 3%, gain 0.1, margin 1, 30 samples to warm up
	 */
	public static PredictiveSettings defaults() {
		return new PredictiveSettings(3, 0.02, 0.03, 0.5, 1, 30);
	}

	/**
	 * @param ratio the campaign's maximum dial ratio
	 * @return these settings with that ratio
	 */
	public PredictiveSettings withMaxDialRatio(double ratio) {
		return new PredictiveSettings(ratio, this.targetAbandonRate, this.legalAbandonRate, this.gain,
				this.initialMargin, this.warmUpSamples);
	}

}
