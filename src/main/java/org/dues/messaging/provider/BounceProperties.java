package org.dues.messaging.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox bounces come back to ({@code DUES_BOUNCE_IMAP_*}), read over IMAP.
 *
 * @param host the IMAP server; unset, no mailbox is read
 * @param port its port, 993 (IMAP over TLS) by default
 * @param username the mailbox's login
 * @param password its password
 * @param tls whether to speak IMAP over TLS ({@code imaps}); false, plain IMAP upgraded
 * with STARTTLS when the server offers it
 * @param folder the folder bounces land in
 * @param every how often the mailbox is read
 * @param batch at most how many mails one reading takes
 */
@ConfigurationProperties("dues.bounce.imap")
record BounceProperties(@Nullable String host, @DefaultValue("993") int port, @Nullable String username,
		@Nullable String password, @DefaultValue("true") boolean tls, @DefaultValue("INBOX") String folder,
		@DefaultValue("1m") Duration every, @DefaultValue("500") int batch, @DefaultValue("15s") Duration timeout) {
}
