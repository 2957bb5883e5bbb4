package org.dues.messaging.provider;

import java.util.Optional;

import org.dues.compliance.Channel;
import org.dues.system.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-click unsubscribe of RFC 8058: a mail client POSTs
 * {@code List-Unsubscribe=One-Click} to the link of {@link UnsubscribeLinks}, with no
 * login and no CSRF token, and email to that address stops on every creditor's debts. A
 * token Dues did not make answers 404 and is recorded as refused.
 */
@RestController
class UnsubscribeController {

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeController.class);

	private final UnsubscribeLinks links;

	private final ObjectProvider<ProviderReports> reports;

	UnsubscribeController(UnsubscribeLinks links, ObjectProvider<ProviderReports> reports) {
		this.links = links;
		this.reports = reports;
	}

	@PostMapping(path = UnsubscribeLinks.PATH + "{token}", params = "!confirm")
	ResponseEntity<Void> unsubscribe(
			@PathVariable @Unscoped("the token itself is the authority: only Dues can make one") String token) {
		ProviderReports reports = this.reports.getIfAvailable();
		Optional<String> address = this.links.address(token);
		if (address.isEmpty()) {
			log.warn("Refused an unsubscribe with a token Dues did not make");
			if (reports != null) {
				reports.refused(SmtpEmail.NAME, UnsubscribeLinks.PATH + "{token}", "a token Dues did not make");
			}
			return ResponseEntity.notFound().build();
		}
		if (reports == null) {
			// messaging is not running (a build without its core): the person is not
			// lost,
			// the mail client tries again
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		reports.optOut(Channel.EMAIL, address.get(), "one-click unsubscribe (RFC 8058)");
		return ResponseEntity.ok().build();
	}

}
