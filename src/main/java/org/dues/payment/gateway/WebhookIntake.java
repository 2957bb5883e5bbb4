package org.dues.payment.gateway;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.dues.payment.LinkPayments;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every gateway event lands, from a real webhook or the simulated gateway: recorded
 * once per gateway event id in {@code payment_webhook_events}, and acted on in the same
 * transaction (a capture posted, a failure recorded on its link, a refund or chargeback
 * reversed), so a repeated event changes nothing and a failed one leaves nothing half
 * written, only its record with the reason.
 */
@Service
class WebhookIntake {

	private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

	/** What became of an event. */
	enum Outcome {

		PROCESSED, IGNORED, DUPLICATE,
		/** refused for good: retrying would not help */
		REJECTED,
		/** failed unexpectedly: the gateway should try again */
		FAILED

	}

	private final JdbcClient jdbc;

	private final PaymentLinks links;

	private final LinkPayments payments;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WebhookIntake(JdbcClient jdbc, PaymentLinks links, LinkPayments payments, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.payments = payments;
		this.transactions = transactions;
		this.clock = clock;
	}

	Outcome accept(String gateway, GatewayEvent event) {
		try {
			Outcome outcome = this.transactions.execute((tx) -> process(gateway, event));
			return outcome == null ? Outcome.FAILED : outcome;
		}
		catch (UnusableEventException | InvalidInputException | NotFoundException | ConflictException
				| CurrencyMismatchException ex) {
			record(gateway, event.eventId(), event.gatewayType(), "FAILED", ex.getMessage());
			return Outcome.REJECTED;
		}
		catch (RuntimeException ex) {
			log.warn("A {} event {} failed", gateway, event.eventId(), ex);
			record(gateway, event.eventId(), event.gatewayType(), "FAILED", String.valueOf(ex.getMessage()));
			return Outcome.FAILED;
		}
	}

	/** Records a webhook refused before it could be read (a bad signature, say). */
	void refused(String gateway, @Nullable String eventId, String reason) {
		log.warn("Refused a {} webhook: {}", gateway, reason);
		record(gateway, eventId, null, "REFUSED", reason);
	}

	private Outcome process(String gateway, GatewayEvent event) {
		int inserted = this.jdbc.sql("""
				INSERT INTO payment_webhook_events (id, gateway, event_id, type, status, detail, received_at)
				VALUES (:id, :gateway, :event, :type, :status, NULL, :now)
				ON CONFLICT (gateway, event_id) WHERE status IN ('PROCESSED', 'IGNORED') DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("gateway", gateway)
			.param("event", event.eventId())
			.param("type", event.gatewayType())
			.param("status", event.type() == null ? "IGNORED" : "PROCESSED")
			.param("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			return Outcome.DUPLICATE;
		}
		if (event.type() == null) {
			return Outcome.IGNORED;
		}
		String paymentId = required(event.gatewayPaymentId(), "the event names no payment");
		switch (event.type()) {
			case CAPTURED -> this.payments.captured(link(event), gateway, paymentId,
					required(event.amount(), "the event has no amount"), event.channel());
			case FAILED -> this.payments.failed(link(event), gateway, paymentId, event.amount(), event.reason());
			case REFUNDED,
					CHARGEBACK ->
				this.payments
					.reversed(gateway, paymentId, event.type() == GatewayEvent.Type.CHARGEBACK, event.amount(),
							event.refundId(), event.refundedTotal(), String.valueOf(event.reason()))
					.orElseThrow(() -> new UnusableEventException(
							"no payment through a payment link has the %s id %s".formatted(gateway, paymentId)));
			case REINSTATED -> this.payments
				.reinstated(gateway, paymentId, required(event.amount(), "the event has no amount"),
						required(event.refundId(), "the event names no dispute"), String.valueOf(event.reason()))
				.orElseThrow(() -> new UnusableEventException(
						"no payment through a payment link has the %s id %s".formatted(gateway, paymentId)));
		}
		return Outcome.PROCESSED;
	}

	private PaymentLinkView link(GatewayEvent event) {
		String reference = required(event.linkReference(), "the event names no payment link");
		Optional<PaymentLinkView> link = this.links.byReference(reference);
		return link.orElseThrow(() -> new UnusableEventException("no payment link has the reference " + reference));
	}

	private static <T> T required(@Nullable T value, String problem) {
		if (value == null) {
			throw new UnusableEventException(problem);
		}
		return value;
	}

	private void record(String gateway, @Nullable String eventId, @Nullable String type, String status,
			@Nullable String detail) {
		this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
				INSERT INTO payment_webhook_events (id, gateway, event_id, type, status, detail, received_at)
				VALUES (:id, :gateway, :event, :type, :status, :detail, :now)""")
			.param("id", UUID.randomUUID())
			.param("gateway", gateway)
			.param("event", eventId)
			.param("type", type)
			.param("status", status)
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)))
			.param("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update());
	}

	/** An event Dues cannot act on: no such link, no amount, no such payment. */
	static class UnusableEventException extends RuntimeException {

		UnusableEventException(String message) {
			super(message);
		}

	}

}
