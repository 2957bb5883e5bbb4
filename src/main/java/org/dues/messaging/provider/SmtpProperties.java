package org.dues.messaging.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server email goes through ({@code DUES_SMTP_*}, {@code DUES_MAIL_FROM}).
 *
 * @param host the server; unset, no email leaves through SMTP
 * @param port its port, 587 (submission) by default
 * @param username the login, if the server asks for one
 * @param password its password
 * @param from the sender ({@code Dues Collections <collections@example.com>}); the domain
 * of its address also ends each Message-ID
 * @param bounceAddress where bounces go ({@code bounces@bounce.example.com}); each
 * email's envelope sender is it with {@code +<message id>} after its local part; unset,
 * {@code bounces@} the domain of {@code from}
 * @param starttls whether to upgrade the connection with STARTTLS when the server offers
 * it
 */
@ConfigurationProperties("dues.mail")
record SmtpProperties(@Nullable String host, @DefaultValue("587") int port, @Nullable String username,
		@Nullable String password, @Nullable String from, @Nullable String bounceAddress,
		@DefaultValue("true") boolean starttls, @DefaultValue("10s") Duration timeout) {
}
