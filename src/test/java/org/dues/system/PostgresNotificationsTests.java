package org.dues.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's one listening connection: what is announced after it started is heard, once,
 * by the channel's listener; stopped and started again (as Spring pauses a test's cached
 * context), it hears again, and never twice.
 */
@IntegrationTest
class PostgresNotificationsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void heardOnceAfterEachStartAndOnlyByTheChannelsListener() throws Exception {
		List<String> heard = new CopyOnWriteArrayList<>();
		List<String> other = new CopyOnWriteArrayList<>();
		List<String> events = new CopyOnWriteArrayList<>();
		NotificationListener listener = new Recording("dues_test_a", heard, events);
		NotificationListener bystander = new Recording("dues_test_b", other, events);
		PostgresNotifications notifications = new PostgresNotifications(this.dataSource, List.of(listener, bystander));
		try {
			notifications.start();
			// started means listening: an announcement right after start is not missed
			notify("dues_test_a", "first");
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("first"));

			notifications.stop();
			notifications.start();
			notify("dues_test_a", "second");
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("second"));
			// a thread of the first start, had it lived on, would hear it twice
			Thread.sleep(1500);
			assertThat(heard).containsExactly("first", "second");
			assertThat(other).isEmpty();
			assertThat(events).containsSubsequence("started:dues_test_a", "stopped:dues_test_a", "started:dues_test_a");
		}
		finally {
			notifications.stop();
		}
	}

	@Test
	void aChannelThatIsNoNameIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostgresNotifications(this.dataSource, List
				.of(new Recording("bad; DROP TABLE x", new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()))));
	}

	private void notify(String channel, String payload) {
		this.jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", channel)
			.param("payload", payload)
			.query(Object.class)
			.single();
	}

	private record Recording(String channel, List<String> heard, List<String> events) implements NotificationListener {

		@Override
		public void heard(String payload) {
			this.heard.add(payload);
		}

		@Override
		public void started() {
			this.events.add("started:" + this.channel);
		}

		@Override
		public void stopped() {
			this.events.add("stopped:" + this.channel);
		}

	}

}
