package org.dues.messaging.chat;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;

import org.springframework.stereotype.Component;

/**
 * Puts a closed chat's whole transcript on its account's timeline: an inbound
 * conversation (the customer started it: no outbound attempt for the frequency rules) on
 * the chat's medium, a web chat as {@link Channel#CHAT}, a WhatsApp chat as
 * {@link Channel#WHATSAPP} from the customer's number. A transcript longer than an
 * interaction's note is written in parts, each numbered, none cut inside a line unless a
 * line alone is too long.
 */
@Component
class ChatTranscripts {

	/** The most an interaction's note holds. */
	static final int NOTE = 4000;

	private final ContactLog contacts;

	ChatTranscripts(ContactLog contacts) {
		this.contacts = contacts;
	}

	List<InteractionView> record(ChatView chat, List<ChatLine> lines) {
		List<String> parts = parts(lines);
		List<InteractionView> written = new ArrayList<>();
		Channel channel = (chat.channel() == ChatChannel.WHATSAPP) ? Channel.WHATSAPP : Channel.CHAT;
		for (int i = 0; i < parts.size(); i++) {
			String head = "Chat transcript (%s, %s, %d/%d)\n".formatted(chat.channel(), chat.language(), i + 1,
					parts.size());
			written.add(this.contacts.inbound(chat.accountId(), Set.of(), channel, chat.address(), PersonRole.CONSUMER,
					ContactResult.CONVERSATION, chat.createdAt(), head + parts.get(i), String.valueOf(chat.agent())));
		}
		return written;
	}

	/** The transcript's lines, gathered into parts that each fit a note with its head. */
	static List<String> parts(List<ChatLine> lines) {
		int room = NOTE - 64;
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		for (ChatLine line : lines) {
			String text = line(line);
			while (text.length() > room) {
				if (!part.isEmpty()) {
					parts.add(part.toString());
					part.setLength(0);
				}
				parts.add(text.substring(0, room));
				text = text.substring(room);
			}
			if (part.length() + text.length() + 1 > room) {
				parts.add(part.toString());
				part.setLength(0);
			}
			if (!part.isEmpty()) {
				part.append('\n');
			}
			part.append(text);
		}
		if (!part.isEmpty() || parts.isEmpty()) {
			parts.add(part.toString().isEmpty() ? "(no lines)" : part.toString());
		}
		return parts;
	}

	private static String line(ChatLine line) {
		String who = switch (line.sender()) {
			case CUSTOMER -> "customer";
			case AGENT -> String.valueOf(line.author());
			case SYSTEM -> "Dues";
		};
		return line.at().truncatedTo(ChronoUnit.SECONDS) + " " + who + ": " + line.text();
	}

}
