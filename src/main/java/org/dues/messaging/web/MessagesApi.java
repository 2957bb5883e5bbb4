package org.dues.messaging.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.Replies;
import org.dues.messaging.Sending;
import org.dues.portfolio.AccountId;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's messages: send one (the gate decides as it leaves), read them with their
 * status history.
 */
@RestController
@Tag(name = "Messaging")
class MessagesApi {

	private final Sending sending;

	private final Messages messages;

	MessagesApi(Sending sending, Messages messages) {
		this.sending = sending;
		this.messages = messages;
	}

	@PostMapping("/api/v1/accounts/{accountId}/messages")
	@Operation(summary = "Send a message from a template, or a free-text WhatsApp reply",
			description = "With `template`: 201 with the message: SENT (or DELIVERED) when the gate let it go, "
					+ "QUEUED with the reasons when it waits for a lawful window, BLOCKED with the reasons when it "
					+ "may not go; 400 naming the field for an unknown template or an address that is not the "
					+ "customer's. With `text` instead (channel WHATSAPP only): a free-text reply, taken only "
					+ "within 24 hours of the customer's last WhatsApp message from that number (to the number "
					+ "they wrote from, or `to`); outside that window 400 on `text` naming when it closed")
	ResponseEntity<MessageJson> send(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid SendRequest body, Authentication user) {
		Channel channel = Choice.of("channel", body.channel(), Channel.class);
		AccountId account = new AccountId(accountId);
		MessageView sent;
		if (body.text() != null) {
			if (body.template() != null) {
				throw new InvalidInputException("template", "give a template or a text, not both",
						Phrase.of("validation.reply.both"));
			}
			if (body.notBefore() != null) {
				throw new InvalidInputException("notBefore",
						"a reply goes now: WhatsApp's 24-hour window may be closed by a later time",
						Phrase.of("validation.reply.notBefore"));
			}
			if (channel != Channel.WHATSAPP) {
				throw new InvalidInputException("channel", "a free text goes by WhatsApp only, within 24 hours of "
						+ "the customer's last message; use a template", Phrase.of("validation.reply.channel"));
			}
			sent = this.sending.reply(account, body.text(), body.to(), user.getName());
		}
		else {
			if (body.template() == null || body.template().isBlank()) {
				throw new InvalidInputException("template", "name a template (or, on WhatsApp, write a text)",
						Phrase.of("validation.reply.template"));
			}
			sent = this.sending.send(new NewMessage(account, channel, body.template(), body.language(), body.to(),
					body.notBefore(), null, null, null), user.getName());
		}
		return ResponseEntity.created(URI.create("/api/v1/messages/" + sent.id())).body(MessageJson.of(sent));
	}

	@GetMapping("/api/v1/accounts/{accountId}/messages")
	@Operation(summary = "The account's messages, newest first, with their status history and provider id")
	List<MessageJson> list(@PathVariable @Scoped("account") UUID accountId) {
		return this.messages.ofAccount(new AccountId(accountId), 200).stream().map(MessageJson::of).toList();
	}

	@GetMapping("/api/v1/messages/{messageId}")
	@Operation(summary = "A message with its status history")
	MessageJson get(@PathVariable @Scoped("message") UUID messageId) {
		return MessageJson.of(this.messages.get(messageId));
	}

	record SendRequest(@NotBlank String channel, @Nullable @Size(max = 63) String template,
			@Nullable @Size(max = Replies.MOST) String text, @Nullable @Size(max = 3) String language,
			@Nullable @Size(max = 320) String to, @Nullable Instant notBefore) {
	}

}
