package org.dues.messaging.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.messaging.provider.ProviderReports;
import org.dues.shared.NotFoundException;
import org.dues.system.RecordScope;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.dues.system.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Sandbox of the simulated providers (the embedded default and the demo): every
 * message they took on the accounts the viewer reaches, as the customer would see it,
 * with buttons to answer as the customer (a free text, STOP, an email unsubscribe), which
 * go in as the provider's webhook would. Off when real providers send.
 */
@PageController
class SandboxPages {

	private final JdbcClient jdbc;

	private final RecordScope scope;

	private final ProviderReports reports;

	private final boolean simulated;

	SandboxPages(JdbcClient jdbc, RecordScope scope, ProviderReports reports,
			@Value("${dues.messaging.simulated:true}") boolean simulated) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.reports = reports;
		this.simulated = simulated;
	}

	@GetMapping("/sandbox")
	String page(@RequestParam(required = false) @Nullable String replied, Model model, Authentication user) {
		model.addAttribute("simulated", this.simulated);
		model.addAttribute("replied", replied != null);
		model.addAttribute("items", this.simulated ? items(user, null) : List.of());
		return "messaging/sandbox";
	}

	@PostMapping("/sandbox/{messageId}/reply")
	String reply(@PathVariable @Scoped("message") UUID messageId, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String action, Authentication user) {
		if (!this.simulated) {
			throw new NotFoundException("sandbox", "off");
		}
		Item item = items(user, messageId).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("message", messageId));
		if ("unsubscribe".equals(action) && item.channel() == Channel.EMAIL) {
			this.reports.optOut(Channel.EMAIL, item.to(), "one-click unsubscribe (sandbox)");
		}
		else {
			String said = "stop".equals(action) ? "STOP" : (text == null || text.isBlank()) ? null : text.strip();
			if (said != null) {
				this.reports.inbound("simulated", "sandbox:" + UUID.randomUUID(), item.channel(), item.to(), null,
						(said.length() > 1000) ? said.substring(0, 1000) : said);
			}
		}
		return "redirect:/sandbox?replied";
	}

	private List<Item> items(Authentication user, @Nullable UUID only) {
		Map<String, Object> params = new HashMap<>();
		String condition = this.scope.accountCondition(user, "m.account_id", params);
		params.put("only", only);
		return this.jdbc.sql("""
				SELECT m.id, m.channel, m.address, m.subject, m.body, m.language, m.status, m.sent_at, m.created_at
				FROM messaging_messages m
				WHERE m.provider = 'simulated' AND (CAST(:only AS uuid) IS NULL OR m.id = :only) AND %s
				ORDER BY m.created_at DESC LIMIT 100""".formatted(condition)).params(params).query((rs, n) -> {
			Timestamp sent = rs.getTimestamp("sent_at");
			return new Item(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
					rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getString("language"),
					rs.getString("status"),
					(sent != null) ? sent.toInstant() : rs.getTimestamp("created_at").toInstant());
		}).list();
	}

	record Item(UUID id, Channel channel, String to, @Nullable String subject, String body, String language,
			String status, Instant at) {
	}

}
