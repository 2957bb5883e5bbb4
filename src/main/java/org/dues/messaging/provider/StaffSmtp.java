package org.dues.messaging.provider;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email to staff over the same SMTP server as customers' email ({@code DUES_SMTP_*}),
 * from {@code DUES_MAIL_FROM}: plain UTF-8 text and, where there is one, a document
 * attached. Made only when {@code DUES_SMTP_HOST} is set.
 */
@Component
@ConditionalOnSet("dues.mail.host")
public class StaffSmtp {

	private final JavaMailSenderImpl sender;

	private final SmtpProperties properties;

	private final Clock clock;

	StaffSmtp(JavaMailSenderImpl sender, SmtpProperties properties, Clock clock) {
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends the email, or throws a {@link ProviderException} saying why the server did
	 * not take it.
	 */
	public void send(List<String> to, String subject, String body, @Nullable String fileName,
			@Nullable String contentType, byte @Nullable [] content) {
		MimeMessage mime = this.sender.createMimeMessage();
		try {
			boolean attached = fileName != null && content != null;
			MimeMessageHelper helper = new MimeMessageHelper(mime,
					attached ? MimeMessageHelper.MULTIPART_MODE_MIXED : MimeMessageHelper.MULTIPART_MODE_NO, "UTF-8");
			helper.setFrom(new InternetAddress(Objects.requireNonNull(this.properties.from()).strip(), true));
			InternetAddress[] addresses = new InternetAddress[to.size()];
			for (int i = 0; i < to.size(); i++) {
				addresses[i] = new InternetAddress(to.get(i), true);
			}
			helper.setTo(addresses);
			helper.setSubject(subject);
			helper.setText(body, false);
			if (attached) {
				helper.addAttachment(fileName, new ByteArrayResource(content),
						(contentType != null) ? contentType : "application/octet-stream");
			}
			helper.setSentDate(Date.from(this.clock.instant()));
		}
		catch (MessagingException ex) {
			throw new ProviderException("the email cannot be written: " + ex.getMessage(), false, ex);
		}
		try {
			this.sender.send(mime);
		}
		catch (MailException ex) {
			throw new ProviderException("the SMTP server did not take the email: " + ex.getMessage(), true, ex);
		}
	}

}
