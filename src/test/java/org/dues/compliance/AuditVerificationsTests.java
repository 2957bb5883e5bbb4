package org.dues.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification started from the page runs apart from the request, one at a time: clicks
 * while it runs join it, and the next click after it finished starts a new walk.
 */
class AuditVerificationsTests {

	@Test
	void clicksWhileItRunsJoinTheRunningWalkAndNoneRunsTwiceAtOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger walks = new AtomicInteger();
		AtomicInteger atOnce = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AuditTrail trail = new AuditTrail(null, null, null, null, null, Clock.systemUTC()) {
			@Override
			public Verification verify() {
				walks.incrementAndGet();
				most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				atOnce.decrementAndGet();
				return new Verification(12, true, null, "All 12 records chain correctly", 12L, Instant.EPOCH);
			}
		};
		AuditVerifications verifications = new AuditVerifications(trail,
				Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
		assertThat(verifications.latest()).isEmpty();
		AuditVerifications.Run first = verifications.start("officer-a");
		Thread[] clicks = new Thread[8];
		AuditVerifications.Run[] joined = new AuditVerifications.Run[clicks.length];
		for (int i = 0; i < clicks.length; i++) {
			int n = i;
			clicks[i] = Thread.ofPlatform().start(() -> joined[n] = verifications.start("officer-b"));
		}
		for (Thread click : clicks) {
			click.join();
		}
		assertThat(joined).allSatisfy((run) -> assertThat(run.id()).isEqualTo(first.id()));
		assertThat(first.running()).isTrue();
		assertThat(first.startedBy()).isEqualTo("officer-a");
		release.countDown();
		AuditVerifications.Run done = awaitDone(verifications);
		assertThat(done.id()).isEqualTo(first.id());
		assertThat(done.result().checked()).isEqualTo(12);
		assertThat(walks.get()).isEqualTo(1);
		assertThat(most.get()).isEqualTo(1);
		// a click after it finished starts a new walk
		AuditVerifications.Run again = verifications.start("officer-b");
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(awaitDone(verifications).id()).isEqualTo(again.id());
		assertThat(walks.get()).isEqualTo(2);
	}

	@Test
	void aWalkThatFailsSaysWhy() throws Exception {
		AuditTrail trail = new AuditTrail(null, null, null, null, null, Clock.systemUTC()) {
			@Override
			public Verification verify() {
				throw new IllegalStateException("the database is unreachable");
			}
		};
		AuditVerifications verifications = new AuditVerifications(trail, Clock.systemUTC());
		verifications.start("officer-a");
		AuditVerifications.Run done = awaitDone(verifications);
		assertThat(done.result()).isNull();
		assertThat(done.failure()).isEqualTo("the database is unreachable");
	}

	private static AuditVerifications.Run awaitDone(AuditVerifications verifications) throws InterruptedException {
		for (int i = 0; i < 500; i++) {
			AuditVerifications.Run run = verifications.latest().orElseThrow();
			if (!run.running()) {
				return run;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("the verification did not finish");
	}

}
