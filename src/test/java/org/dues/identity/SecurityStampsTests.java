package org.dues.identity;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's copies of security stamps: kept only while the node is known to be listening
 * for changes, dropped when any change is heard, never kept from a read that a change
 * overtook.
 */
class SecurityStampsTests {

	private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

	private final StoredStamps stored = new StoredStamps();

	private final SecurityStamps stamps = new SecurityStamps(this.stored, this.now::get);

	@Test
	void notListeningEveryAskReadsTheDatabase() {
		this.stored.set("agent1", 3);
		this.stamps.started();

		assertThat(this.stamps.stamp("agent1")).hasValue(3);
		assertThat(this.stamps.stamp("agent1")).hasValue(3);
		assertThat(this.stored.reads).isEqualTo(2);
	}

	@Test
	void listeningTheStampIsReadOnceAndAgainOnlyAfterAChangeIsHeard() {
		this.stored.set("agent1", 3);
		this.stamps.listening();

		assertThat(this.stamps.stamp("agent1")).hasValue(3);
		assertThat(this.stamps.stamp("agent1")).hasValue(3);
		assertThat(this.stored.reads).isEqualTo(1);

		this.stored.set("agent1", 4);
		assertThat(this.stamps.stamp("agent1")).as("not heard yet").hasValue(3);
		this.stamps.heard("agent2");
		assertThat(this.stamps.stamp("agent1")).as("another user's change").hasValue(3);
		this.stamps.heard("agent1");
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
		assertThat(this.stored.reads).isEqualTo(2);
	}

	@Test
	void aDisabledOrUnknownUserIsNeverKept() {
		this.stamps.listening();

		assertThat(this.stamps.stamp("nobody")).isEmpty();
		this.stored.set("nobody", 1);
		assertThat(this.stamps.stamp("nobody")).hasValue(1);
	}

	@Test
	void copiesAreNotUsedOnceTheListeningConnectionStopsConfirming() {
		this.stored.set("agent1", 3);
		this.stamps.listening();
		this.stamps.stamp("agent1");

		this.now.addAndGet(SecurityStamps.TRUSTED_NS + 1);
		this.stored.set("agent1", 4);
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
		assertThat(this.stored.reads).isEqualTo(3);

		this.stamps.listening();
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
		assertThat(this.stored.reads).isEqualTo(4);
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
		assertThat(this.stored.reads).isEqualTo(4);
	}

	@Test
	void aLostConnectionDropsEveryCopyAndTheNextListeningStartsAfresh() {
		this.stored.set("agent1", 3);
		this.stamps.listening();
		this.stamps.stamp("agent1");

		this.stamps.lost();
		this.stored.set("agent1", 4);
		assertThat(this.stamps.stamp("agent1")).hasValue(4);

		this.stamps.reconnected();
		this.stamps.listening();
		this.stored.set("agent1", 5);
		assertThat(this.stamps.stamp("agent1")).as("nothing kept from before the connection was lost").hasValue(5);
	}

	@Test
	void aReadThatAChangeOvertookIsNotKept() {
		this.stored.set("agent1", 3);
		this.stamps.listening();
		// the change commits and is heard while the old stamp is on its way back
		this.stored.duringNextRead = () -> {
			this.stamps.heard("agent1");
			this.stored.set("agent1", 4);
		};

		assertThat(this.stamps.stamp("agent1")).hasValue(3);
		assertThat(this.stamps.stamp("agent1")).hasValue(4);
	}

	@Test
	void thisNodesOwnChangeDropsItsCopyAtOnce() {
		this.stored.set("agent1", 3);
		this.stamps.listening();
		this.stamps.stamp("agent1");

		this.stamps.restamp("agent1");

		assertThat(this.stamps.stamp("agent1")).hasValue(4);
	}

	/** The stamps as the database holds them, counting the reads. */
	static final class StoredStamps extends UserLogins {

		final Map<String, Long> stamps = new HashMap<>();

		int reads;

		@Nullable Runnable duringNextRead;

		StoredStamps() {
			super(JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource()));
		}

		void set(String username, long stamp) {
			this.stamps.put(username, stamp);
		}

		@Override
		OptionalLong stamp(String username) {
			this.reads++;
			Long stamp = this.stamps.get(username);
			Runnable during = this.duringNextRead;
			this.duringNextRead = null;
			if (during != null) {
				during.run();
			}
			return (stamp != null) ? OptionalLong.of(stamp) : OptionalLong.empty();
		}

		@Override
		void restamp(String username) {
			this.stamps.merge(username, 1L, Long::sum);
		}

	}

}
