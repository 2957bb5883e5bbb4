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
import org.dues.messaging.Sending;
import org.dues.portfolio.AccountId;
import org.dues.shared.Choice;
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
	@Operation(summary = "Send a message from a template",
			description = "201 with the message: SENT (or DELIVERED) when the gate let it go, QUEUED with the "
					+ "reasons when it waits for a lawful window, BLOCKED with the reasons when it may not go; "
					+ "400 naming the field for an unknown template or an address that is not the customer's")
	ResponseEntity<MessageJson> send(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid SendRequest body, Authentication user) {
		MessageView sent = this.sending.send(
				new NewMessage(new AccountId(accountId), Choice.of("channel", body.channel(), Channel.class),
						body.template(), body.language(), body.to(), body.notBefore(), null, null, null),
				user.getName());
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

	record SendRequest(@NotBlank String channel, @NotBlank @Size(max = 63) String template,
			@Nullable @Size(max = 3) String language, @Nullable @Size(max = 320) String to,
			@Nullable Instant notBefore) {
	}

}
