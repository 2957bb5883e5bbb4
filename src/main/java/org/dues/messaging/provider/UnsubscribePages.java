package org.dues.messaging.provider;

import java.util.Optional;

import org.dues.compliance.Channel;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.Unscoped;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link opened in a browser: a page that asks the person to confirm (a
 * link checker or a mail scanner that follows the link stops nothing), and the
 * confirmation. A mail client's one-click POST (RFC 8058) is
 * {@link UnsubscribeController}'s.
 */
@PageController
class UnsubscribePages {

	private final UnsubscribeLinks links;

	private final ObjectProvider<ProviderReports> reports;

	UnsubscribePages(UnsubscribeLinks links, ObjectProvider<ProviderReports> reports) {
		this.links = links;
		this.reports = reports;
	}

	@GetMapping(UnsubscribeLinks.PATH + "{token}")
	String ask(@PathVariable @Unscoped("the token itself is the authority: only Dues can make one") String token,
			Model model) {
		model.addAttribute("address", mask(address(token)));
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "messaging/unsubscribe";
	}

	@PostMapping(path = UnsubscribeLinks.PATH + "{token}", params = "confirm")
	String confirm(@PathVariable @Unscoped("the token itself is the authority: only Dues can make one") String token,
			Model model) {
		String address = address(token);
		ProviderReports reports = this.reports.getIfAvailable();
		if (reports != null) {
			reports.optOut(Channel.EMAIL, address, "unsubscribed from the link's page");
		}
		model.addAttribute("address", mask(address));
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "messaging/unsubscribe";
	}

	private String address(String token) {
		Optional<String> address = this.links.address(token);
		if (address.isEmpty()) {
			ProviderReports reports = this.reports.getIfAvailable();
			if (reports != null) {
				reports.refused(SmtpEmail.NAME, UnsubscribeLinks.PATH + "{token}", "a token Dues did not make");
			}
			throw new NotFoundException("unsubscribe link", "unknown");
		}
		return address.get();
	}

	/** {@code a•••@example.com}: enough for the person to know it is theirs. */
	static String mask(String address) {
		int at = address.indexOf('@');
		if (at <= 1) {
			return "•••" + address.substring(Math.max(0, at));
		}
		return address.charAt(0) + "•••" + address.substring(at);
	}

}
