package org.dues.messaging.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.RightPartyVerification;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat panel on the desk, beside the account workspace: the agent says whether they
 * take chats, sees each chat given to them with its account, writes, posts canned replies
 * and a payment link, and closes it. Lines arrive over server-sent events
 * ({@code /desk/chats/stream}); lines go out by POST with the CSRF token. Until the agent
 * has verified the customer on the account's workspace, the replies that speak of the
 * debt and the payment link are refused, and the panel says why.
 */
@PageController
class ChatDesk {

	static final String CHAT = "a chat is reached only by the agent it was given to: Chats.theirs answers 404 to anyone else";

	private final Chats chats;

	private final ChatRouter router;

	private final ChatReplies replies;

	private final ChatStreams streams;

	private final RightPartyVerification rightParty;

	private final ChatAccounts accounts;

	private final Phrases phrases;

	ChatDesk(Chats chats, ChatRouter router, ChatReplies replies, ChatStreams streams,
			RightPartyVerification rightParty, ChatAccounts accounts, Phrases phrases) {
		this.chats = chats;
		this.router = router;
		this.replies = replies;
		this.streams = streams;
		this.rightParty = rightParty;
		this.accounts = accounts;
		this.phrases = phrases;
	}

	@GetMapping("/desk/chats")
	String panel(Model model, Authentication user) {
		String agent = user.getName();
		List<ChatView> mine = this.chats.of(agent).stream().map((c) -> noteVerified(c, agent)).toList();
		Map<UUID, List<ChatLine>> lines = new LinkedHashMap<>();
		Map<UUID, ChatAccounts.Shown> shown = new LinkedHashMap<>();
		for (ChatView chat : mine) {
			lines.put(chat.id(), this.chats.lines(chat.id(), 0));
			shown.put(chat.id(), this.accounts.shown(chat));
		}
		model.addAttribute("ready", this.router.isReady(agent));
		model.addAttribute("takes", ChatRouter.TAKERS.stream().anyMatch((r) -> has(user, r.authority())));
		model.addAttribute("most", this.router.most());
		model.addAttribute("chats", mine);
		model.addAttribute("lines", lines);
		model.addAttribute("shown", shown);
		model.addAttribute("canned", ChatReplies.CANNED);
		return "messaging/chats :: panel";
	}

	@PostMapping("/desk/chats/ready")
	String ready(@RequestParam(defaultValue = "false") boolean ready, Model model, Authentication user) {
		boolean takes = ChatRouter.TAKERS.stream().anyMatch((r) -> has(user, r.authority()));
		this.router.ready(user.getName(), ready && takes);
		return panel(model, user);
	}

	@GetMapping(path = "/desk/chats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Authentication user) {
		return this.streams.agent(user.getName());
	}

	@PostMapping("/desk/chats/{chatId}/messages")
	ResponseEntity<String> say(@PathVariable @Unscoped(CHAT) UUID chatId,
			@RequestParam(required = false) @Nullable String text, Authentication user) {
		return answer(() -> this.chats.agentSays(chatId, user.getName(), (text == null) ? "" : text));
	}

	@PostMapping("/desk/chats/{chatId}/canned")
	ResponseEntity<String> canned(@PathVariable @Unscoped(CHAT) UUID chatId,
			@RequestParam(required = false) @Nullable String key, Authentication user) {
		return answer(() -> {
			boolean verified = verified(chatId, user.getName());
			ChatReplies.Canned which = ChatReplies.CANNED.stream()
				.filter((c) -> c.name().equals(key))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("key", "no canned reply '%s'".formatted(key)));
			return this.replies.canned(chatId, user.getName(), which, verified);
		});
	}

	@PostMapping("/desk/chats/{chatId}/link")
	ResponseEntity<String> link(@PathVariable @Unscoped(CHAT) UUID chatId, Authentication user) {
		return answer(() -> this.replies.paymentLink(chatId, user.getName(), verified(chatId, user.getName())));
	}

	@PostMapping("/desk/chats/{chatId}/close")
	ResponseEntity<String> close(@PathVariable @Unscoped(CHAT) UUID chatId, Authentication user) {
		return answer(() -> {
			ChatView chat = this.chats.theirs(chatId, user.getName());
			return this.chats.close(chatId, user.getName(), this.replies.say(chat, "chat.closed.line"));
		});
	}

	/**
	 * Whether the agent verified the chat's customer on the account's workspace in this
	 * login; the chat records it the first time it is seen.
	 */
	private boolean verified(UUID chatId, String agent) {
		ChatView chat = this.chats.theirs(chatId, agent);
		return noteVerified(chat, agent).verified();
	}

	private ChatView noteVerified(ChatView chat, String agent) {
		if (!chat.verified() && this.rightParty.isVerified(chat.accountId().value())) {
			return this.chats.verified(chat.id(), agent, this.replies.say(chat, "chat.verified.line"));
		}
		return chat;
	}

	/** 204, or the refusal in the reader's language with its status. */
	private ResponseEntity<String> answer(Supplier<?> action) {
		try {
			action.get();
			return ResponseEntity.noContent().build();
		}
		catch (NotFoundException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(this.phrases.problem(ex));
		}
		catch (ConflictException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(this.phrases.problem(ex));
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().body(this.phrases.problem(ex));
		}
	}

	private static boolean has(Authentication user, String authority) {
		return user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(authority));
	}

}
