package org.dues.messaging.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat widget of the public pay page ({@code /pay/{token}}), with no login: the pay
 * link's token names the account, and starting a chat answers a secret that only the
 * customer's page holds (in the tab's session storage), which with the token opens the
 * chat's stream and takes its lines. No cookie is any authority here, so these requests
 * need no CSRF token; a token and secret that do not open a chat answer 404 alike.
 */
@Controller
@Hidden
class ChatWidget {

	static final String TOKEN = "the pay link's token itself is the authority: 128 random bits only the link holds";

	static final String CHAT = "opened only with the secret made for the chat, checked with the token";

	private static final List<String> LANGUAGES = List.of("en", "hi", "ml");

	private final Chats chats;

	private final ChatStreams streams;

	private final LocaleResolver locales;

	ChatWidget(Chats chats, ChatStreams streams, LocaleResolver locales) {
		this.chats = chats;
		this.streams = streams;
		this.locales = locales;
	}

	/**
	 * Starts a chat in the page's language: {@code 201} with the chat's id and secret.
	 */
	@PostMapping(path = "/pay/{token}/chat", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> start(@PathVariable @Unscoped(TOKEN) String token,
			@RequestParam(required = false) @Nullable String text, HttpServletRequest request) {
		String language = this.locales.resolveLocale(request).getLanguage().toLowerCase(Locale.ROOT);
		try {
			Chats.Started started = this.chats.start(token, LANGUAGES.contains(language) ? language : "en", text);
			return ResponseEntity.status(HttpStatus.CREATED)
				.cacheControl(CacheControl.noStore())
				.body(Map.of("chat", started.chat().id().toString(), "secret", started.secret(), "status",
						started.chat().status().name()));
		}
		catch (NotFoundException ex) {
			return ResponseEntity.notFound().build();
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().build();
		}
	}

	@GetMapping(path = "/pay/{token}/chat/{chatId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream(@PathVariable @Unscoped(TOKEN) String token,
			@PathVariable @Unscoped(CHAT) UUID chatId, @RequestParam(required = false) @Nullable String secret) {
		try {
			ChatView chat = this.chats.open(chatId, token, (secret == null) ? "" : secret);
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.streams.customer(chat));
		}
		catch (NotFoundException ex) {
			return ResponseEntity.notFound().build();
		}
	}

	@PostMapping("/pay/{token}/chat/{chatId}/messages")
	ResponseEntity<Void> say(@PathVariable @Unscoped(TOKEN) String token, @PathVariable @Unscoped(CHAT) UUID chatId,
			@RequestParam(required = false) @Nullable String secret,
			@RequestParam(required = false) @Nullable String text) {
		try {
			this.chats.customerSays(chatId, token, (secret == null) ? "" : secret, (text == null) ? "" : text);
			return ResponseEntity.noContent().build();
		}
		catch (NotFoundException ex) {
			return ResponseEntity.notFound().build();
		}
		catch (ConflictException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).build();
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().build();
		}
	}

}
