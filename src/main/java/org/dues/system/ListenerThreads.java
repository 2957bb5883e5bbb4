package org.dues.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.TransactionDefinition;

/**
 * The threads that run the modules' event listeners after commit
 * ({@code @ApplicationModuleListener}): a fixed few ({@code dues.events.threads}, 4), the
 * rest waiting in line. Without it each listener of each event got a new thread, and a
 * burst (a bank statement's batches, webhooks at 50 a second) took every database
 * connection, so that listeners and requests alike failed for want of one; an event whose
 * listener failed so waits in the event publication registry until a restart.
 * <p>
 * The transactions these threads run commit without waiting for the write-ahead log to
 * reach the disk ({@code synchronous_commit = off}). A webhook at 50 a second set off six
 * listener transactions and as many completion marks, each waiting for its own flush, and
 * the requests' commits queued behind them (sessions waiting on {@code WalSync} and
 * {@code WALWrite}). Nothing is lost by it: a crash can forget the last fraction of a
 * second of listener commits, but the log keeps its order, so a forgotten listener's work
 * and its completion mark go together, and the registry publishes the event again at the
 * next start ({@code republish-outstanding-events-on-restart}); the listeners are written
 * to be run again. Requests and jobs still commit durably.
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreads {

	@Bean(name = "taskExecutor", destroyMethod = "shutdown")
	ThreadPoolTaskExecutor taskExecutor(@Value("${dues.events.threads:4}") int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("dues-event-");
		executor.setThreadGroup(new ThreadGroup("dues-events"));
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(20);
		executor.initialize();
		return executor;
	}

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource,
			@Qualifier("taskExecutor") ThreadPoolTaskExecutor listeners) {
		ThreadGroup group = listeners.getThreadGroup();
		return new JdbcTransactionManager(dataSource) {

			@Override
			protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
					throws SQLException {
				super.prepareTransactionalConnection(connection, definition);
				if (group != null && Thread.currentThread().getThreadGroup() == group) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("SET LOCAL synchronous_commit = off");
					}
				}
			}

		};
	}

}
