package org.dues.benchmark;

import java.util.Locale;
import java.util.function.Supplier;

import org.dues.telephony.pacing.Pacer;
import org.dues.telephony.pacing.PredictivePacer;
import org.dues.telephony.pacing.PredictiveSettings;
import org.dues.telephony.pacing.ProgressivePacer;
import org.dues.telephony.sim.CarrierModel;
import org.dues.telephony.sim.ShiftResult;
import org.dues.telephony.sim.ShiftSimulation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23's dialer figure: the real pacers against the simulated carrier for an 8-hour
 * shift (the first 15 minutes left out), agents {10, 25, 50, 100} × live answer {25%,
 * 10%}, 5 seeds each, progressive as the baseline and predictive with its self-tuned
 * margin. Prints one line per mode and scenario, the means over the seeds:
 * {@code DIALER mode agents liveAnswer talkMinPerAgentHour connectsPerAgentHour abandonPct hoursOver3Pct}.
 * Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=DialerBenchmark}.
 */
@Tag("benchmark")
class DialerBenchmark {

	private static final int[] AGENTS = { 10, 25, 50, 100 };

	private static final double[] LIVE_ANSWER = { 0.25, 0.10 };

	private static final int SEEDS = 5;

	@Test
	void pacesAShift() {
		double[] predictiveAtFifty = new double[LIVE_ANSWER.length];
		for (String mode : new String[] { "progressive", "predictive" }) {
			Supplier<Pacer> pacer = mode.equals("progressive") ? ProgressivePacer::new
					: () -> new PredictivePacer(PredictiveSettings.defaults());
			for (int agents : AGENTS) {
				for (int l = 0; l < LIVE_ANSWER.length; l++) {
					double[] mean = scenario(pacer, agents, LIVE_ANSWER[l]);
					System.out.println(String.format(Locale.ROOT, "DIALER %s %d %.2f %.1f %.1f %.1f %.1f", mode, agents,
							LIVE_ANSWER[l], mean[0], mean[1], mean[2], mean[3]));
					if (mode.equals("predictive") && agents == 50) {
						predictiveAtFifty[l] = mean[0];
						assertThat(mean[2]).as("shift abandon %% at 50 agents").isLessThanOrEqualTo(3.0);
						assertThat(mean[3]).as("hours over 3%% at 50 agents").isLessThanOrEqualTo(10.0);
					}
				}
			}
		}
		assertThat(predictiveAtFifty[0]).as("talk-min/h at 50 agents, 25%% live").isGreaterThanOrEqualTo(47);
		assertThat(predictiveAtFifty[1]).as("talk-min/h at 50 agents, 10%% live").isGreaterThanOrEqualTo(45);
	}

	private static double[] scenario(Supplier<Pacer> pacer, int agents, double liveAnswer) {
		double[] sum = new double[4];
		for (int seed = 1; seed <= SEEDS; seed++) {
			ShiftResult shift = ShiftSimulation.eightHours(pacer.get(),
					CarrierModel.defaults().withLiveAnswer(liveAnswer), agents, seed);
			sum[0] += shift.talkMinutesPerAgentHour();
			sum[1] += shift.connectsPerAgentHour();
			sum[2] += shift.abandonPercent();
			sum[3] += shift.hoursOver3Percent();
		}
		for (int i = 0; i < sum.length; i++) {
			sum[i] /= SEEDS;
		}
		return sum;
	}

}
