package org.dues.payment.gateway;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.dues.system.Unscoped;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The simulated gateway's checkout page, inside Dues: it says plainly that it is a demo
 * and that no money moves; "Pay" reports the payment a few seconds later.
 */
@Controller
@Hidden
class DemoCheckoutPages {

	static final String TOKEN = "the token itself is the authority: 128 random bits only the link holds";

	private final PaymentLinks links;

	private final Checkouts checkouts;

	private final Creditors creditors;

	DemoCheckoutPages(PaymentLinks links, Checkouts checkouts, Creditors creditors) {
		this.links = links;
		this.checkouts = checkouts;
		this.creditors = creditors;
	}

	@GetMapping("/pay/{token}/demo-checkout/{checkout}")
	String page(@PathVariable @Unscoped(TOKEN) String token,
			@PathVariable @Unscoped("a checkout of the link named by the token") String checkout, Model model) {
		PaymentLinkView link = link(token);
		Money amount = amount(link, checkout);
		model.addAttribute("token", token);
		model.addAttribute("checkout", checkout);
		model.addAttribute("creditorName", this.creditors.get(link.creditorId()).name());
		model.addAttribute("reference", link.reference());
		model.addAttribute("amount", amount);
		return "payment/demo-checkout";
	}

	@PostMapping("/pay/{token}/demo-checkout/{checkout}")
	String pay(@PathVariable @Unscoped(TOKEN) String token,
			@PathVariable @Unscoped("a checkout of the link named by the token") String checkout) {
		PaymentLinkView link = link(token);
		Money amount = amount(link, checkout);
		if (link.payable()) {
			this.checkouts.paySimulated(link, checkout, amount);
		}
		return "redirect:/pay/" + token + "?returned";
	}

	private PaymentLinkView link(String token) {
		return this.links.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Money amount(PaymentLinkView link, String checkout) {
		Optional<Money> amount = this.checkouts.simulatedCheckout(link, checkout);
		return amount.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
