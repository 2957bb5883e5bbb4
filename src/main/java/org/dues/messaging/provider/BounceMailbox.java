package org.dues.messaging.provider;

import java.util.Objects;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox over IMAP: each unseen mail is read as a delivery status
 * notification ({@link DeliveryStatusNotices}) and handed to
 * {@link ProviderReports#bounce} once (by its own Message-ID). A notification that named
 * one of our messages is then flagged seen and deleted; one that named none (or a mail
 * that is no notification) is flagged seen and left in the mailbox for a person to read.
 * A mail that cannot be read or applied is left unseen and tried at the next reading.
 */
public class BounceMailbox {

	private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

	private final BounceProperties properties;

	private final ProviderReports reports;

	BounceMailbox(BounceProperties properties, ProviderReports reports) {
		this.properties = properties;
		this.reports = reports;
	}

	/**
	 * Reads the unseen mails once.
	 * @return how many named a message of ours and were taken (repeats included)
	 * @throws MessagingException when the mailbox cannot be reached (tried again at the
	 * next reading)
	 */
	public int poll() throws MessagingException {
		String protocol = this.properties.tls() ? "imaps" : "imap";
		Properties settings = new Properties();
		String millis = String.valueOf(this.properties.timeout().toMillis());
		settings.setProperty("mail.store.protocol", protocol);
		settings.setProperty("mail." + protocol + ".connectiontimeout", millis);
		settings.setProperty("mail." + protocol + ".timeout", millis);
		settings.setProperty("mail." + protocol + ".writetimeout", millis);
		// read without setting \Seen: a mail that cannot be taken stays unseen
		settings.setProperty("mail." + protocol + ".peek", "true");
		if (!this.properties.tls()) {
			settings.setProperty("mail.imap.starttls.enable", "true");
		}
		Session session = Session.getInstance(settings);
		int taken = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(Objects.requireNonNull(this.properties.host()), this.properties.port(),
					this.properties.username(), this.properties.password());
			Folder folder = store.getFolder(this.properties.folder());
			folder.open(Folder.READ_WRITE);
			boolean expunge = false;
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				int limit = Math.min(unseen.length, this.properties.batch());
				for (int i = 0; i < limit; i++) {
					Message mail = unseen[i];
					Outcome outcome = take(mail);
					if (outcome == Outcome.TAKEN) {
						mail.setFlag(Flags.Flag.SEEN, true);
						mail.setFlag(Flags.Flag.DELETED, true);
						expunge = true;
						taken++;
					}
					else if (outcome == Outcome.UNMATCHED) {
						mail.setFlag(Flags.Flag.SEEN, true);
					}
				}
			}
			finally {
				folder.close(expunge);
			}
		}
		return taken;
	}

	private Outcome take(Message mail) {
		try {
			// a copy: the server's message loads its parts lazily, and reading does not
			// set \Seen on a copy until we say so
			Bounce bounce = DeliveryStatusNotices.read(new MimeMessage((MimeMessage) mail));
			if (this.reports.bounce(bounce) == Bounce.Taken.UNMATCHED) {
				log.warn("A mail in the bounce mailbox names no message of ours, left there: {} ({})", bounce.id(),
						bounce.diagnostic());
				return Outcome.UNMATCHED;
			}
			return Outcome.TAKEN;
		}
		catch (Exception ex) {
			log.warn("A mail in the bounce mailbox could not be taken, tried again later: {}", ex.toString());
			return Outcome.LEFT;
		}
	}

	private enum Outcome {

		TAKEN, UNMATCHED, LEFT

	}

}
