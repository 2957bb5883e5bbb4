package org.dues.payment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.customer.CustomerManagement;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.payment.gateway.Checkouts;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The public pay page ({@code /pay/{token}}): no login, for a phone first, in the
 * customer's language (or the one they switch to). It shows the creditor, the account's
 * last four characters, the amount and the expiry, nothing else about the customer; for
 * INR the UPI intent as a button and a QR code; and the gateway's checkout. A token that
 * does not exist answers 404, and guessing is slowed down ({@link PayPageThrottle}).
 */
@Controller
@Hidden
class PayPages {

	static final String TOKEN = "the token itself is the authority: 128 random bits only the link holds";

	static final List<String> LANGUAGES = List.of("en", "hi", "ml");

	private final PaymentLinks links;

	private final Checkouts checkouts;

	private final Creditors creditors;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final LocaleResolver locales;

	private final PayPageThrottle throttle;

	PayPages(PaymentLinks links, Checkouts checkouts, Creditors creditors, Accounts accounts,
			CustomerManagement customers, LocaleResolver locales, PayPageThrottle throttle) {
		this.links = links;
		this.checkouts = checkouts;
		this.creditors = creditors;
		this.accounts = accounts;
		this.customers = customers;
		this.locales = locales;
		this.throttle = throttle;
	}

	@GetMapping("/pay/{token}")
	String page(@PathVariable @Unscoped(TOKEN) String token, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String returned, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PaymentLinkView> found = find(token, request, response);
		if (found.isEmpty()) {
			return "payment/pay-missing";
		}
		PaymentLinkView link = found.get();
		AccountView account = this.accounts.get(link.accountId());
		speakCustomersLanguage(account, lang, request, response);
		CreditorView creditor = this.creditors.get(link.creditorId());
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		response.setHeader("Referrer-Policy", "no-referrer");
		model.addAttribute("token", link.token());
		model.addAttribute("creditorName", creditor.name());
		model.addAttribute("maskedAccount", mask(account.accountRef()));
		model.addAttribute("reference", link.reference());
		model.addAttribute("status", link.status().name());
		model.addAttribute("due", link.due());
		model.addAttribute("minAmount", link.minAmount() == null ? null : link.minAmount().min(link.due()));
		model.addAttribute("expiresOn", LocalDate.ofInstant(link.expiresAt().minusNanos(1), creditor.timeZone()));
		model.addAttribute("upiUri", link.payable() ? this.links.upiUri(link).orElse(null) : null);
		model.addAttribute("demo", this.checkouts.simulated(link));
		model.addAttribute("returned", returned != null);
		model.addAttribute("languages", LANGUAGES);
		return "payment/pay";
	}

	@GetMapping(path = "/pay/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable @Unscoped(TOKEN) String token, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<String> uri = find(token, request, response).filter(PaymentLinkView::payable)
			.flatMap(this.links::upiUri);
		return uri.map((u) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(u, 300)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/pay/{token}/checkout")
	String checkout(@PathVariable @Unscoped(TOKEN) String token,
			@RequestParam(required = false) @Nullable String amount, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<PaymentLinkView> found = find(token, request, response).filter(PaymentLinkView::payable);
		if (found.isEmpty()) {
			return "redirect:/pay/" + token;
		}
		PaymentLinkView link = found.get();
		Money chosen = null;
		if (amount != null && !amount.isBlank()) {
			try {
				chosen = new Money(new BigDecimal(amount.strip()), link.amount().currency());
			}
			catch (IllegalArgumentException ex) {
				return "redirect:/pay/" + token + "?badAmount";
			}
		}
		try {
			return "redirect:" + this.checkouts.start(link, chosen, this.locales.resolveLocale(request).getLanguage());
		}
		catch (InvalidInputException ex) {
			return "redirect:/pay/" + token + "?badAmount";
		}
	}

	@PostMapping("/pay/{token}/upi-paid")
	String upiPaid(@PathVariable @Unscoped(TOKEN) String token, HttpServletRequest request,
			HttpServletResponse response) {
		find(token, request, response).filter(PaymentLinkView::payable)
			.filter(this.checkouts::simulated)
			.ifPresent(this.checkouts::simulateUpiCredit);
		return "redirect:/pay/" + token + "?returned";
	}

	/**
	 * The link of the token. A right token is always answered: many customers share one
	 * address (a mobile carrier's NAT), so one guesser must not lock them out; a wrong
	 * one counts against the address, and once its allowance is spent is answered 429.
	 */
	private Optional<PaymentLinkView> find(String token, HttpServletRequest request, HttpServletResponse response) {
		Optional<PaymentLinkView> link = this.links.byToken(token);
		if (link.isEmpty()) {
			if (this.throttle.allowed(request)) {
				this.throttle.missed(request);
				response.setStatus(404);
			}
			else {
				response.setStatus(429);
				response.setHeader("Retry-After", "10");
			}
		}
		return link;
	}

	private void speakCustomersLanguage(AccountView account, @Nullable String lang, HttpServletRequest request,
			HttpServletResponse response) {
		if (lang != null || WebUtils.getCookie(request, "dues-lang") != null) {
			return;
		}
		String language = this.customers.get(account.customerId()).language();
		if (language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
			this.locales.setLocale(request, response, Locale.of(language.toLowerCase(Locale.ROOT)));
		}
	}

	/** The account's last four characters: {@code ••••4321}. */
	static String mask(String accountRef) {
		String plain = accountRef.strip();
		return "••••" + plain.substring(Math.max(0, plain.length() - 4));
	}

}
