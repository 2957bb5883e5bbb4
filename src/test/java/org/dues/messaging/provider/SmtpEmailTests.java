package org.dues.messaging.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Email over SMTP to GreenMail, a real SMTP server in the test.
 */
class SmtpEmailTests {

	static final UUID ID = UUID.fromString("0b8f5c3e-2d4a-4f7b-9c1e-6a5d4c3b2a10");

	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static SmtpEmail adapter(int port) {
		SmtpProperties properties = new SmtpProperties("localhost", port, null, null,
				"Dues Collections <collections@dues.example.com>", null, false, Duration.ofSeconds(5));
		return new SmtpEmail(new SmtpConfiguration().smtpMailSender(properties), properties,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	static Outgoing email(String subject, String body, String unsubscribeUrl) {
		return new Outgoing(ID, Channel.EMAIL, "lakshmi@example.in", subject, body, "ml", null, null, unsubscribeUrl,
				null);
	}

	@Test
	void aPlainTextEmailInMalayalamWithOurMessageIdAndOneClickUnsubscribe() throws Exception {
		String body = "പ്രിയ ലക്ഷ്മി,\n₹1,23,456.50 അടയ്ക്കാനുള്ള അവസാന തീയതി 30-11-2026 ആണ്.\nनमस्ते";

		Handover handover = adapter(smtp.getSmtp().getPort())
			.handOver(email("അടവ് ഓർമ്മപ്പെടുത്തൽ", body, "https://dues.example.com/unsubscribe/AbCdEf0123"));

		assertThat(handover).isEqualTo(new Handover(ID + "@dues.example.com", MessageStatus.SENT));
		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getMessageID()).isEqualTo("<" + ID + "@dues.example.com>");
		assertThat(received.getHeader("List-Unsubscribe", null))
			.isEqualTo("<https://dues.example.com/unsubscribe/AbCdEf0123>");
		assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(received.getSubject()).isEqualTo("അടവ് ഓർമ്മപ്പെടുത്തൽ");
		assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(body);
		assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("collections@dues.example.com");
		assertThat(received.getAllRecipients()).extracting(Address::toString).containsExactly("lakshmi@example.in");
		assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
		// the envelope sender names the message, so its bounce does too
		assertThat(received.getHeader("Return-Path", null)).isEqualTo("<bounces+" + ID + "@dues.example.com>");
		assertThat(received.getHeader("X-Dues-Message", null)).isEqualTo(ID.toString());
	}

	@Test
	void bouncesGoToTheConfiguredBounceAddressWithTheMessageIdAfterItsLocalPart() throws Exception {
		SmtpProperties properties = new SmtpProperties("localhost", smtp.getSmtp().getPort(), null, null,
				"Dues Collections <collections@dues.example.com>", "returns@bounce.dues.example.com", false,
				Duration.ofSeconds(5));
		SmtpEmail adapter = new SmtpEmail(new SmtpConfiguration().smtpMailSender(properties), properties,
				Clock.fixed(NOW, ZoneOffset.UTC));
		adapter.handOver(email("Receipt", "Thank you for your payment.", null));

		assertThat(smtp.getReceivedMessages()[0].getHeader("Return-Path", null))
			.isEqualTo("<returns+" + ID + "@bounce.dues.example.com>");
		assertThat(adapter.verp(ID)).isEqualTo("returns+" + ID + "@bounce.dues.example.com");
	}

	@Test
	void withoutAnUnsubscribeUrlThereIsNoListUnsubscribe() throws Exception {
		adapter(smtp.getSmtp().getPort()).handOver(email("Receipt", "Thank you for your payment.", null));

		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getHeader("List-Unsubscribe")).isNull();
		assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
	}

	@Test
	void noServerIsTriedAgain() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter(9).handOver(email("Reminder", "Your payment is due.", null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
	}

	@Test
	void aRejectedAddressOrA5xxIsFinalAndA4xxIsNot() throws Exception {
		SendFailedException rejected = new SendFailedException("550 5.1.1 <nobody@example.in>: user unknown", null,
				new Address[0], new Address[] { new InternetAddress("nobody@example.in") }, new Address[0]);
		assertThat(SmtpEmail.permanent(new MailSendException(Map.of(new Object(), rejected)))).isTrue();
		assertThat(SmtpEmail
			.permanent(new MailSendException("failed", new MessagingException("554 5.7.1 Message rejected as spam"))))
			.isTrue();
		assertThat(SmtpEmail.permanent(
				new MailSendException("failed", new MessagingException("451 4.7.1 Greylisted, try again later"))))
			.isFalse();
	}

	@Test
	void aServerWithoutASenderDoesNotStart() {
		SmtpProperties properties = new SmtpProperties("localhost", 25, null, null, "", null, false,
				Duration.ofSeconds(5));
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new SmtpEmail(new SmtpConfiguration().smtpMailSender(properties), properties,
					Clock.fixed(NOW, ZoneOffset.UTC)))
			.withMessageContaining("DUES_MAIL_FROM");
	}

}
