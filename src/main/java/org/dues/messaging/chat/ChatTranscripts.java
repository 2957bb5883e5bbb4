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
import org.dues.shared.Phrase;

import org.springframework.stereotype.Component;

/**
 * Puts a closed chat's whole transcript on its account's timeline: an inbound
 * conversation (the customer started it: no outbound attempt for the frequency rules) on
 * the chat's medium, a web chat as {@link Channel#CHAT}, a WhatsApp chat as
 * {@link Channel#WHATSAPP} from the customer's number. A transcript longer than an
 * interaction's note is written in parts, each numbered, none cut inside a line unless a
 * line alone is too long. The note keeps the English text (times in UTC); pages say it in
 * the reader's language, with each line's time in the reader's zone, named.
 */
@Component
class ChatTranscripts {

	/** The most an interaction's note holds. */
	static final int NOTE = 4000;

	/** The languages whose names pages say ({@code language.xx}). */
	private static final Set<String> LANGUAGES = Set.of("en", "hi", "ml");

	private final ContactLog contacts;

	ChatTranscripts(ContactLog contacts) {
		this.contacts = contacts;
	}

	List<InteractionView> record(ChatView chat, List<ChatLine> lines) {
		List<Part> parts = parts(lines);
		List<InteractionView> written = new ArrayList<>();
		Channel channel = (chat.channel() == ChatChannel.WHATSAPP) ? Channel.WHATSAPP : Channel.CHAT;
		Object language = LANGUAGES.contains(chat.language()) ? Phrase.of("language." + chat.language())
				: chat.language();
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			String head = "Chat transcript (%s, %s, %d/%d)\n".formatted(chat.channel(), chat.language(), i + 1,
					parts.size());
			List<Phrase> said = new ArrayList<>();
			said.add(Phrase.of("chat.transcript.head", Phrase.of("chat.channel." + chat.channel()), language, i + 1,
					parts.size()));
			said.addAll(part.said());
			written.add(this.contacts.inbound(chat.accountId(), Set.of(), channel, chat.address(), PersonRole.CONSUMER,
					ContactResult.CONVERSATION, chat.createdAt(), head + part.text(), Phrase.lines(said),
					String.valueOf(chat.agent())));
		}
		return written;
	}

	/**
	 * A part of a transcript: its English text (times in UTC, as the API keeps it) and
	 * its lines as pages say them (times in the reader's zone, named).
	 */
	record Part(String text, List<Phrase> said) {
	}

	/** The transcript's lines, gathered into parts that each fit a note with its head. */
	static List<Part> parts(List<ChatLine> lines) {
		int room = NOTE - 64;
		List<Part> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		List<Phrase> said = new ArrayList<>();
		for (ChatLine line : lines) {
			String prefix = prefix(line);
			String text = prefix + line.text();
			int from = 0;
			while (text.length() - from > room) {
				if (!part.isEmpty()) {
					parts.add(new Part(part.toString(), List.copyOf(said)));
					part.setLength(0);
					said.clear();
				}
				parts.add(new Part(text.substring(from, from + room), List.of(said(line, prefix, from, from + room))));
				from += room;
			}
			String rest = text.substring(from);
			if (part.length() + rest.length() + 1 > room) {
				parts.add(new Part(part.toString(), List.copyOf(said)));
				part.setLength(0);
				said.clear();
			}
			if (!part.isEmpty()) {
				part.append('\n');
			}
			part.append(rest);
			said.add(said(line, prefix, from, text.length()));
		}
		if (!part.isEmpty() || parts.isEmpty()) {
			parts.add(part.toString().isEmpty() ? new Part("(no lines)", List.of(Phrase.of("chat.transcript.empty")))
					: new Part(part.toString(), List.copyOf(said)));
		}
		return parts;
	}

	/**
	 * A piece of a line (characters {@code from} to {@code to} of its English text) as
	 * pages say it: the line's time and sender with its text where the piece starts the
	 * line, else the text that continues it.
	 */
	private static Phrase said(ChatLine line, String prefix, int from, int to) {
		if (from < prefix.length()) {
			Object who = switch (line.sender()) {
				case CUSTOMER -> Phrase.of("chat.sender.CUSTOMER");
				case AGENT -> String.valueOf(line.author());
				case SYSTEM -> Phrase.of("chat.sender.SYSTEM");
			};
			return Phrase.of("chat.transcript.line", line.at().truncatedTo(ChronoUnit.SECONDS), who,
					line.text().substring(0, Math.max(0, to - prefix.length())));
		}
		String text = prefix + line.text();
		return Phrase.of("chat.transcript.more", text.substring(from, to));
	}

	private static String prefix(ChatLine line) {
		String who = switch (line.sender()) {
			case CUSTOMER -> "customer";
			case AGENT -> String.valueOf(line.author());
			case SYSTEM -> "Dues";
		};
		return line.at().truncatedTo(ChronoUnit.SECONDS) + " " + who + ": ";
	}

}
