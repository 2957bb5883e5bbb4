package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The {@link JavaMailSenderImpl} for {@link SmtpEmail}, made from {@code DUES_SMTP_*}
 * only when {@code DUES_SMTP_HOST} is set. Spring Boot's own mail configuration
 * ({@code spring.mail.host}) would take an empty host for a configured one; this one does
 * not, and with it in place Boot's steps back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSet("dues.mail.host")
@EnableConfigurationProperties(SmtpProperties.class)
class SmtpConfiguration {

	@Bean
	JavaMailSenderImpl smtpMailSender(SmtpProperties properties) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.host());
		sender.setPort(properties.port());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		String username = properties.username();
		Properties mail = new Properties();
		if (username != null && !username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(properties.password());
			mail.setProperty("mail.smtp.auth", "true");
		}
		mail.setProperty("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
		String millis = String.valueOf(properties.timeout().toMillis());
		mail.setProperty("mail.smtp.connectiontimeout", millis);
		mail.setProperty("mail.smtp.timeout", millis);
		mail.setProperty("mail.smtp.writetimeout", millis);
		sender.setJavaMailProperties(mail);
		return sender;
	}

}
