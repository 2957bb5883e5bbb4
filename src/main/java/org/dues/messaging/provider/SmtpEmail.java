package org.dues.messaging.provider;

import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;
import org.dues.messaging.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP through Jakarta Mail: plain text in UTF-8 (Hindi and Malayalam
 * included), a Message-ID made from our message id ({@code <id@sender's domain>}, the
 * provider id, which a bounce's DSN quotes back), and for a message with an unsubscribe
 * URL the {@code List-Unsubscribe} and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} headers of RFC 8058; its envelope sender (Return-Path) is a
 * VERP address that names the message ({@code bounces+<id>@domain}), so a bounce says
 * which message it is about. A server's permanent refusal (5xx, an address it rejects) is
 * final; no connection, a timeout or a 4xx is tried again. Made only when
 * {@code DUES_SMTP_HOST} is set.
 */
@Component
@ConditionalOnSet("dues.mail.host")
public class SmtpEmail implements MessageProvider {

	static final String NAME = "smtp";

	private static final Logger log = LoggerFactory.getLogger(SmtpEmail.class);

	private static final Pattern PERMANENT = Pattern.compile("^\\s*5\\d\\d[ -].*", Pattern.DOTALL);

	private final JavaMailSenderImpl sender;

	private final SmtpProperties properties;

	private final Clock clock;

	SmtpEmail(JavaMailSenderImpl sender, SmtpProperties properties, Clock clock) {
		// an SMTP server without a sender would fail every email: refuse to start
		if (properties.from() == null || properties.from().isBlank()) {
			throw new IllegalStateException("DUES_MAIL_FROM is not set, and DUES_SMTP_HOST is");
		}
		String bounces = properties.bounceAddress();
		if (bounces != null && !bounces.isBlank() && !bounces.strip().matches("[^@\\s<>]+@[^@\\s<>]+")) {
			throw new IllegalStateException("DUES_BOUNCE_ADDRESS is not a plain address: " + bounces);
		}
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean serves(Route route) {
		return route.address().contains("@");
	}

	@Override
	public Handover send(ClearedContact cleared, Outgoing message) {
		Cleared.check(cleared, message);
		return handOver(message);
	}

	/** The message itself, for a message the gate cleared. */
	Handover handOver(Outgoing message) {
		String from = Objects.requireNonNull(this.properties.from());
		String messageId;
		// the envelope sender (MAIL FROM, the Return-Path) is set per message: bounces
		// come
		// back to an address that names the message
		SMTPMessage mime = new SMTPMessage(this.sender.getSession());
		try {
			InternetAddress sender = new InternetAddress(from.strip(), true);
			String address = sender.getAddress();
			messageId = message.messageId() + "@" + address.substring(address.indexOf('@') + 1);
			mime.setEnvelopeFrom(verp(message.messageId()));
			MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
			helper.setFrom(sender);
			helper.setTo(new InternetAddress(message.to(), true));
			helper.setSubject(message.subject() == null ? "" : message.subject());
			helper.setText(message.body(), false);
			helper.setSentDate(Date.from(this.clock.instant()));
			mime.setHeader("Message-ID", "<" + messageId + ">");
			mime.setHeader(DeliveryStatusNotices.HEADER, message.messageId().toString());
			String unsubscribe = message.unsubscribeUrl();
			if (unsubscribe != null && !unsubscribe.isBlank()) {
				mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
				mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
		}
		catch (MessagingException ex) {
			throw new ProviderException("the email cannot be written: " + ex.getMessage(), false, ex);
		}
		try {
			this.sender.send(mime);
		}
		catch (MailAuthenticationException ex) {
			throw new ProviderException("the SMTP server refused the login", true, ex);
		}
		catch (MailException ex) {
			boolean permanent = permanent(ex);
			log.warn("The SMTP server did not take message {}: {}", message.messageId(), ex.getMessage());
			throw new ProviderException("the SMTP server did not take the email: " + ex.getMessage(), !permanent, ex);
		}
		return new Handover(messageId, MessageStatus.SENT);
	}

	/**
	 * The envelope sender for a message (VERP): {@code bounces+<id>@<domain>}, the local
	 * part and domain of {@code DUES_BOUNCE_ADDRESS} when it is set, else {@code bounces}
	 * at the domain of {@code DUES_MAIL_FROM}.
	 */
	String verp(UUID id) {
		String configured = this.properties.bounceAddress();
		String base = (configured != null && !configured.isBlank()) ? configured.strip()
				: "bounces@" + domain(Objects.requireNonNull(this.properties.from()));
		int at = base.lastIndexOf('@');
		return base.substring(0, at) + "+" + id + base.substring(at);
	}

	private static String domain(String from) {
		try {
			String address = new InternetAddress(from.strip(), true).getAddress();
			return address.substring(address.indexOf('@') + 1);
		}
		catch (jakarta.mail.internet.AddressException ex) {
			throw new IllegalStateException("DUES_MAIL_FROM is not an address: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the server refused for good: an address it rejected, or a 5xx reply.
	 */
	static boolean permanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return false;
			}
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (cause instanceof MessagingException && cause.getMessage() != null
					&& PERMANENT.matcher(cause.getMessage()).matches()) {
				return true;
			}
			if (cause instanceof org.springframework.mail.MailSendException send) {
				for (Exception failed : send.getFailedMessages().values()) {
					if (permanent(failed)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
