package org.dues.payment.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Razorpay's and Stripe's webhooks ({@code /webhooks/razorpay},
 * {@code /webhooks/stripe}): the raw body verified by the gateway's signature (a bad one
 * answers 401 and is recorded), each event taken once by its id (a repeat answers 200 and
 * changes nothing). An event Dues cannot use is recorded with its reason and answered
 * 200, since sending it again would not help; an unexpected failure answers 500, so the
 * gateway retries.
 */
@RestController
@Hidden
class GatewayWebhooks {

	private final Gateways gateways;

	private final WebhookIntake intake;

	/**
	 * How many webhooks are processed at once: a burst waits here rather than taking
	 * every database connection from the listeners that react to the payments posted.
	 */
	private final Semaphore processing;

	GatewayWebhooks(Gateways gateways, WebhookIntake intake,
			@Value("${dues.payments.webhook-concurrency:4}") int concurrency) {
		this.gateways = gateways;
		this.intake = intake;
		this.processing = new Semaphore(Math.max(1, concurrency), true);
	}

	@PostMapping("/webhooks/razorpay")
	ResponseEntity<Void> razorpay(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		return receive(RazorpayGateway.NAME, headers, body);
	}

	@PostMapping("/webhooks/stripe")
	ResponseEntity<Void> stripe(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		return receive(StripeGateway.NAME, headers, body);
	}

	private ResponseEntity<Void> receive(String gateway, HttpHeaders headers, byte @Nullable [] body) {
		Optional<Gateway> configured = this.gateways.named(gateway);
		if (configured.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Map<String, String> lower = new HashMap<>();
		headers
			.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
		List<GatewayEvent> events;
		try {
			events = configured.get().parse(lower, body == null ? new byte[0] : body);
		}
		catch (WebhookRefusedException ex) {
			this.intake.refused(gateway, lower.get("x-razorpay-event-id"), ex.getMessage());
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		boolean failed = false;
		try {
			this.processing.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		try {
			for (GatewayEvent event : events) {
				failed |= this.intake.accept(gateway, event) == WebhookIntake.Outcome.FAILED;
			}
		}
		finally {
			this.processing.release();
		}
		return failed ? ResponseEntity.internalServerError().build() : ResponseEntity.ok().build();
	}

}
