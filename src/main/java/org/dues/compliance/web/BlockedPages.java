package org.dues.compliance.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.dues.compliance.BlockedAttempts;
import org.dues.compliance.Channel;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.system.FormErrors;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The contact attempts the gate refused, for the compliance officer: filtered by rule,
 * channel, creditor, agent and period, newest first, with how many each rule blocked;
 * each with its reasons in the reader's language where the decision recorded a message
 * code for them (else as recorded, in English) and a link to the account.
 */
@PageController
class BlockedPages {

	private final BlockedAttempts blocked;

	private final Accounts accounts;

	private final Creditors creditors;

	private final UserManagement users;

	private final MessageSource messages;

	BlockedPages(BlockedAttempts blocked, Accounts accounts, Creditors creditors, UserManagement users,
			MessageSource messages) {
		this.blocked = blocked;
		this.accounts = accounts;
		this.creditors = creditors;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/compliance/blocked")
	String blocked(@Valid @ModelAttribute("filter") BlockedFilter filter, BindingResult binding, HttpSession session,
			Model model) {
		ZoneId zone = ViewerZone.of(session, filter.zone(), this.creditors, model);
		BlockedAttempts.Page page = new BlockedAttempts.Page(List.of(), 0, Map.of(), 0);
		if (binding.hasErrors()) {
			model.addAttribute("filterErrors", FormErrors.describe(binding));
			model.addAttribute("periodReversed",
					binding.hasFieldErrors("to") && !binding.getFieldError("to").isBindingFailure());
		}
		else {
			page = this.blocked.find(new BlockedAttempts.Query(blankless(filter.rule()), filter.channel(),
					blankless(filter.creditor()), blankless(filter.agent()), ViewerZone.startOf(filter.from(), zone),
					ViewerZone.endOf(filter.to(), zone)), (filter.page() == null) ? 0 : filter.page() - 1);
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<AccountId, String> refs = this.accounts
			.refs(page.attempts().stream().map(BlockedAttempts.Attempt::account).toList());
		List<Row> rows = page.attempts()
			.stream()
			.map((a) -> new Row(a, refs.getOrDefault(a.account(), a.account().value().toString()),
					a.refusals().stream().map((r) -> reason(r, locale)).toList()))
			.toList();
		Map<String, String> ruleNames = new LinkedHashMap<>();
		Set<String> rules = new LinkedHashSet<>(BlockedAttempts.RULES);
		rules.addAll(page.byRule().keySet());
		if (filter.rule() != null && !filter.rule().isBlank()) {
			rules.add(filter.rule().strip());
		}
		rules.forEach((r) -> ruleNames.put(r, rule(r, locale)));
		model.addAttribute("page", page);
		model.addAttribute("rows", rows);
		model.addAttribute("ruleNames", ruleNames);
		model.addAttribute("channels", Channel.outbound());
		model.addAttribute("creditorCodes", this.creditors.list().stream().map(CreditorView::code).sorted().toList());
		model.addAttribute("agents", this.users.withRole(Role.AGENT).stream().map((u) -> u.username()).toList());
		model.addAttribute("pageSize", BlockedAttempts.PAGE_SIZE);
		return "compliance/blocked";
	}

	/** A rule's name in the reader's language, or as the policy names it. */
	private String rule(String name, Locale locale) {
		return this.messages.getMessage("compliance.page.rule." + name, null, name, locale);
	}

	/**
	 * The reason in the reader's language where the decision recorded its message code,
	 * else as recorded, in English (and marked so).
	 */
	private Reason reason(BlockedAttempts.Refusal refusal, Locale locale) {
		if (refusal.code() != null) {
			String text = this.messages.getMessage(refusal.code(), refusal.args().toArray(), null, locale);
			if (text != null) {
				return new Reason(rule(refusal.rule(), locale), text, null);
			}
		}
		return new Reason(rule(refusal.rule(), locale), refusal.reason(), "en");
	}

	private static @Nullable String blankless(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The filter: each part optional; the days are the reader's zone's; {@code page} from
	 * 1.
	 */
	@PeriodInOrder
	record BlockedFilter(@Nullable String rule, @Nullable Channel channel, @Nullable String creditor,
			@Nullable String agent, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Min(1) @Nullable Integer page,
			@Nullable String zone) implements PeriodInOrder.Period {
	}

	/** A refused attempt as listed: its account's reference and its reasons, as read. */
	record Row(BlockedAttempts.Attempt attempt, String accountRef, List<Reason> reasons) {
	}

	/**
	 * A rule that refused it, and why, in the reader's words.
	 *
	 * @param language the language of the text where it is not the page's (the English of
	 * a decision that recorded no message code)
	 */
	record Reason(String rule, String text, @Nullable String language) {
	}

}
