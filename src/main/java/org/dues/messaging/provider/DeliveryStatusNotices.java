package org.dues.messaging.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * Reads a delivery status notification (RFC 3464): a {@code multipart/report;
 * report-type=delivery-status} whose {@code message/delivery-status} part holds the
 * per-message fields and a block of fields per recipient ({@code Final-Recipient},
 * {@code Action}, {@code Status}, {@code Diagnostic-Code}), and whose third part returns
 * the original message or its headers ({@code message/rfc822},
 * {@code text/rfc822-headers}). Each block is a set of header fields, read with Jakarta
 * Mail's {@link InternetHeaders} (the DSN content handler, Angus Mail's separate
 * {@code dsn} artifact, is not needed for that). Our message is found by the VERP address
 * the notification came back to ({@code bounces+<id>@…}), else by the returned headers'
 * {@code X-Dues-Message} or {@code Message-ID} ({@code <id@sender's domain>}).
 */
final class DeliveryStatusNotices {

	static final String HEADER = "X-Dues-Message";

	private static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private static final Pattern VERP = Pattern.compile("\\+(" + UUID_TEXT + ")@");

	private static final Pattern MESSAGE_ID = Pattern.compile("<(" + UUID_TEXT + ")@");

	private static final Pattern BARE = Pattern.compile("^\\s*<?(" + UUID_TEXT + ")>?\\s*$");

	/** Where the address a bounce was delivered to may be found, first the most exact. */
	private static final List<String> ENVELOPE_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To",
			"X-Envelope-To", "To");

	private DeliveryStatusNotices() {
	}

	/**
	 * The notification as a {@link Bounce}; a mail that is not one (an auto-reply) comes
	 * back without a message id and with why in its diagnostic.
	 */
	static Bounce read(MimeMessage mail) throws MessagingException, IOException {
		String id = ownId(mail);
		Part report = find(mail, "message/delivery-status");
		if (report == null) {
			return new Bounce(id, null, null, "", "",
					"not a delivery status notification (" + mail.getContentType() + ")");
		}
		List<InternetHeaders> recipients = new ArrayList<>();
		try (InputStream in = report.getInputStream()) {
			new InternetHeaders(in); // the per-message fields
			while (true) {
				InternetHeaders block = new InternetHeaders(in);
				if (!block.getAllHeaders().hasMoreElements()) {
					break;
				}
				recipients.add(block);
			}
		}
		InternetHeaders recipient = recipients.stream()
			.filter((r) -> field(r, "Action") != null)
			.findFirst()
			.orElse(recipients.isEmpty() ? new InternetHeaders() : recipients.get(0));
		String address = address(field(recipient, "Final-Recipient"));
		if (address == null) {
			address = address(field(recipient, "Original-Recipient"));
		}
		String action = String.valueOf(field(recipient, "Action") == null ? "" : field(recipient, "Action"));
		String status = String.valueOf(field(recipient, "Status") == null ? "" : field(recipient, "Status"));
		status = status.strip().split("\\s+")[0];
		return new Bounce(id, ours(mail), address, action.strip(), status, field(recipient, "Diagnostic-Code"));
	}

	/**
	 * Our message id, from the VERP address the mail came back to or the returned
	 * headers.
	 */
	private static @Nullable UUID ours(MimeMessage mail) throws MessagingException, IOException {
		for (String name : ENVELOPE_HEADERS) {
			String[] values = mail.getHeader(name);
			if (values == null) {
				continue;
			}
			for (String value : values) {
				Matcher verp = VERP.matcher(value);
				if (verp.find()) {
					return UUID.fromString(verp.group(1));
				}
			}
		}
		Part returned = find(mail, "text/rfc822-headers");
		if (returned == null) {
			returned = find(mail, "message/rfc822");
		}
		if (returned == null) {
			return null;
		}
		InternetHeaders original;
		try (InputStream in = returned.getInputStream()) {
			original = new InternetHeaders(in);
		}
		String marked = original.getHeader(HEADER, null);
		if (marked != null) {
			Matcher bare = BARE.matcher(marked);
			if (bare.matches()) {
				return UUID.fromString(bare.group(1));
			}
		}
		String returnPath = original.getHeader("Return-Path", null);
		if (returnPath != null) {
			Matcher verp = VERP.matcher(returnPath);
			if (verp.find()) {
				return UUID.fromString(verp.group(1));
			}
		}
		String messageId = original.getHeader("Message-ID", null);
		if (messageId != null) {
			Matcher matcher = MESSAGE_ID.matcher(messageId);
			if (matcher.find()) {
				return UUID.fromString(matcher.group(1));
			}
		}
		return null;
	}

	/**
	 * The notification's own Message-ID; one without (rare) is known by a digest of its
	 * headers and start, which is the same each time the same mail is read.
	 */
	private static String ownId(MimeMessage mail) throws MessagingException, IOException {
		String id = mail.getMessageID();
		if (id != null && !id.isBlank()) {
			return id.strip();
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			java.util.Enumeration<String> lines = mail.getAllHeaderLines();
			while (lines.hasMoreElements()) {
				digest.update(lines.nextElement().getBytes(StandardCharsets.UTF_8));
			}
			try (InputStream raw = mail.getRawInputStream()) {
				digest.update(raw.readNBytes(4096));
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first part of the type, at any depth. */
	private static @Nullable Part find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return part;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Part found = find(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static @Nullable String field(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, " ");
		return (value == null) ? null : value.replaceAll("\\r?\\n[ \\t]+", " ").strip();
	}

	/** {@code rfc822; someone@example.com} as {@code someone@example.com}. */
	private static @Nullable String address(@Nullable String field) {
		if (field == null) {
			return null;
		}
		int semicolon = field.indexOf(';');
		String address = ((semicolon < 0) ? field : field.substring(semicolon + 1)).strip();
		if (address.startsWith("<") && address.endsWith(">")) {
			address = address.substring(1, address.length() - 1);
		}
		return address.isEmpty() ? null : address.toLowerCase(Locale.ROOT);
	}

}
