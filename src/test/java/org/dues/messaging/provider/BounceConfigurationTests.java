package org.dues.messaging.provider;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounce mailbox is read only when {@code DUES_BOUNCE_IMAP_HOST} is set (an empty
 * value counts as unset), by a db-scheduler task.
 */
class BounceConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(BounceConfiguration.class)
		.withBean(ProviderReports.class, RecordingReports::new);

	@Test
	void withoutAHostNoMailboxIsRead() {
		this.runner.withPropertyValues("dues.bounce.imap.host=").run((context) -> {
			assertThat(context).doesNotHaveBean(BounceMailbox.class);
			assertThat(context).doesNotHaveBean("messagingBounces");
		});
	}

	@Test
	void withAHostTheMailboxIsReadByAScheduledTask() {
		this.runner
			.withPropertyValues("dues.bounce.imap.host=imap.example.com", "dues.bounce.imap.username=bounces",
					"dues.bounce.imap.every=30s")
			.run((context) -> {
				assertThat(context).hasSingleBean(BounceMailbox.class);
				assertThat(context.getBean(BounceProperties.class).port()).isEqualTo(993);
				assertThat(context.getBean(BounceProperties.class).tls()).isTrue();
				assertThat(context
					.getBean("messagingBounces", com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class)
					.getName()).isEqualTo("messaging-bounces");
			});
	}

}
