package org.dues.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' event listeners after commit
 * ({@code @ApplicationModuleListener}): a fixed few ({@code dues.events.threads}, 4), the
 * rest waiting in line. Without it each listener of each event got a new thread, and a
 * burst (a bank statement's batches, webhooks at 50 a second) took every database
 * connection, so that listeners and requests alike failed for want of one; an event whose
 * listener failed so waits in the event publication registry until a restart.
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreads {

	@Bean(name = "taskExecutor", destroyMethod = "shutdown")
	ThreadPoolTaskExecutor taskExecutor(@Value("${dues.events.threads:4}") int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("dues-event-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(20);
		executor.initialize();
		return executor;
	}

}
