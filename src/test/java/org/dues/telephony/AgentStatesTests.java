package org.dues.telephony;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents' states on PostgreSQL: the time in each state is recorded as intervals, a
 * wrap-up ends by itself when its timer runs out, and the agent ready longest is claimed
 * once however many claim at once.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class AgentStatesTests {

	@Autowired
	AgentStates states;

	@Autowired
	MutableClock clock;

	@Test
	void anAgentNeverSeenIsOfflineAndTimeInEachStateIsRecorded() {
		assertThat(this.states.current("st-never").state()).isEqualTo(AgentState.OFFLINE);
		this.clock.set(Instant.parse("2026-11-26T10:00:00Z"));
		this.states.change("st-ana", AgentState.READY, null);
		this.clock.advance(Duration.ofSeconds(90));
		this.states.change("st-ana", AgentState.ON_CALL, null);
		assertThat(this.states.current("st-ana").state()).isEqualTo(AgentState.ON_CALL);
		assertThat(this.states.current("st-ana").since()).isEqualTo(Instant.parse("2026-11-26T10:01:30Z"));
		this.clock.advance(Duration.ofSeconds(200));
		this.states.wrapUp("st-ana", Duration.ofSeconds(30));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.states.current("st-ana").state()).isEqualTo(AgentState.WRAP_UP);
		this.clock.advance(Duration.ofSeconds(20));
		// the wrap-up ran out 10 s ago: ready since then
		AgentStateView now = this.states.current("st-ana");
		assertThat(now.state()).isEqualTo(AgentState.READY);
		assertThat(now.since()).isEqualTo(Instant.parse("2026-11-26T10:05:20Z"));
		this.states.change("st-ana", AgentState.BREAK, "lunch");
		this.clock.advance(Duration.ofSeconds(600));

		Map<AgentState, Duration> day = this.states.timeIn(LocalDate.of(2026, 11, 26), ZoneOffset.UTC).get("st-ana");
		assertThat(day).containsEntry(AgentState.READY, Duration.ofSeconds(100))
			.containsEntry(AgentState.ON_CALL, Duration.ofSeconds(200))
			.containsEntry(AgentState.WRAP_UP, Duration.ofSeconds(30))
			.containsEntry(AgentState.BREAK, Duration.ofSeconds(600));
		// the day before saw none of it
		assertThat(this.states.timeIn(LocalDate.of(2026, 11, 25), ZoneOffset.UTC)).doesNotContainKey("st-ana");
		assertThat(this.states.all()).anySatisfy((v) -> {
			assertThat(v.username()).isEqualTo("st-ana");
			assertThat(v.state()).isEqualTo(AgentState.BREAK);
		});
	}

	@Test
	void theAgentReadyLongestIsClaimedOnceEvenWhenManyClaimAtOnce() throws Exception {
		List<String> agents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String agent = "st-claim-" + i;
			agents.add(agent);
			this.states.change(agent, AgentState.READY, null);
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.states.change("st-claim-5", AgentState.BREAK, null);
		this.states.change("st-claim-0", AgentState.OFFLINE, null);
		this.states.change("st-claim-0", AgentState.READY, null);
		// ready longest: 1, then 2, 3, 4; 0 is ready again but only since now; 5 on a
		// break
		assertThat(this.states.claimLongestReady(agents, AgentState.ON_CALL, 7L)).contains("st-claim-1");
		assertThat(this.states.current("st-claim-1").campaignId()).isEqualTo(7L);

		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Optional<String>>> claims = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			claims.add(pool.submit(() -> {
				start.await();
				return this.states.claimLongestReady(agents, AgentState.ON_CALL);
			}));
		}
		start.countDown();
		List<String> claimed = Collections.synchronizedList(new ArrayList<>());
		for (Future<Optional<String>> claim : claims) {
			claim.get(20, TimeUnit.SECONDS).ifPresent(claimed::add);
		}
		pool.shutdown();
		// four were ready (0, 2, 3, 4): each claimed exactly once, the others got none
		assertThat(claimed).containsExactlyInAnyOrder("st-claim-0", "st-claim-2", "st-claim-3", "st-claim-4");
		assertThat(this.states.claimLongestReady(agents, AgentState.ON_CALL)).isEmpty();
		assertThat(this.states.current("st-claim-5").state()).isEqualTo(AgentState.BREAK);
	}

}
