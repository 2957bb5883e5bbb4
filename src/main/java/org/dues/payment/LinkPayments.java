package org.dues.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What gateways report about payments through links: a capture posts the payment by the
 * waterfall under the gateway's payment id and counts it on the link; a failure is
 * recorded on the link; a refund or chargeback reverses the payment. Each in the caller's
 * transaction, so a webhook's record and its effects commit together.
 */
@Service
public class LinkPayments {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final Clock clock;

	LinkPayments(JdbcClient jdbc, PaymentManagement payments, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.clock = clock;
	}

	/**
	 * Posts a captured payment through the link, or returns the payment already posted
	 * under the gateway's payment id (then the link is not counted again).
	 * @throws CurrencyMismatchException when the gateway's amount is not in the link's
	 * currency
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PaymentManagement.Result captured(PaymentLinkView link, String gateway, String gatewayPaymentId,
			Money amount, PaymentChannel channel) {
		if (!amount.currency().equals(link.amount().currency())) {
			throw new CurrencyMismatchException(link.amount().currency(), amount.currency());
		}
		this.jdbc.sql("SELECT id FROM payment_links WHERE id = :id FOR UPDATE")
			.param("id", link.id().value())
			.query(UUID.class)
			.single();
		PaymentManagement.Result result = this.payments.post(link.accountId(),
				new NewPayment(amount, channel, gatewayPaymentId, null), "gateway:" + gateway, (posted) -> {
					this.payments.linkTo(posted, link.id());
					counted(link.id().value(), amount.amount());
					attempt(link.id(), gateway, gatewayPaymentId, "CAPTURED", amount, null);
				});
		if (!result.created()) {
			this.payments.linkTo(result.payment().id(), link.id());
		}
		return result;
	}

	/**
	 * Counts money paid through the link, however it came (a gateway, a bank statement):
	 * a single-use link, or one paid in full, is PAID.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void counted(UUID link, java.math.BigDecimal paid) {
		this.jdbc.sql("""
				UPDATE payment_links SET paid_amount = paid_amount + :paid,
				    status = CASE WHEN status IN ('ACTIVE', 'EXPIRED') AND (single_use OR paid_amount + :paid >= amount)
				        THEN 'PAID' ELSE status END
				WHERE id = :id""").param("id", link).param("paid", paid).update();
	}

	/** Records a failed attempt to pay the link; nothing is posted. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void failed(PaymentLinkView link, String gateway, @Nullable String gatewayPaymentId, @Nullable Money amount,
			@Nullable String reason) {
		attempt(link.id(), gateway, gatewayPaymentId, "FAILED", amount, reason);
	}

	/**
	 * Reverses the payment a gateway refunded or lost to a chargeback, with the reason;
	 * empty when no payment through a link has that gateway id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<PaymentView> reversed(String gateway, String gatewayPaymentId, boolean chargeback,
			@Nullable Money amount, String reason) {
		return reversed(gateway, gatewayPaymentId, chargeback, amount, null, null, reason);
	}

	/**
	 * Reverses the payment a gateway refunded or lost to a chargeback, in whole or in
	 * part, with the reason; empty when no payment through a link has that gateway id. A
	 * refund of less than what the payment has left is given back in part
	 * ({@link PaymentManagement#refund}), once per refund id; where the gateway reports
	 * the total refunded so far ({@code amount_refunded}) the part is what that total
	 * adds to the refunds already recorded, so a refund reported twice (as Razorpay's
	 * {@code refund.processed} and {@code payment.refunded}) counts once. A chargeback of
	 * part of the payment (a customer disputing part of it) is given back in part the
	 * same way, once per dispute id.
	 * @param refundId the gateway's id of this refund or dispute, if it names one
	 * @param refundedTotal the total the gateway says was refunded of the payment, if it
	 * does
	 * @throws InvalidInputException for refunds or chargebacks beyond the payment
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<PaymentView> reversed(String gateway, String gatewayPaymentId, boolean chargeback,
			@Nullable Money amount, @Nullable String refundId, @Nullable Money refundedTotal, String reason) {
		Optional<Linked> linked = linked(gatewayPaymentId);
		if (linked.isEmpty()) {
			return Optional.empty();
		}
		Linked found = linked.get();
		PaymentView before = this.payments.get(found.account(), found.payment());
		if (before.status() != PaymentStatus.REVERSED) {
			// a refund's part is what the gateway's total adds to what was refunded; a
			// chargeback's is its amount: a part of the payment is given back in part,
			// once per refund or dispute id
			Money part = (!chargeback && refundedTotal != null) ? refundedTotal.minus(before.refunded()) : amount;
			// a chargeback of what remains, or more, reverses what remains
			boolean inPart = chargeback ? part != null && part.compareTo(before.remaining()) < 0
					: part != null && (part.compareTo(before.amount()) < 0 || before.refunded().isPositive());
			if (inPart) {
				if (!part.isPositive()) {
					// a total already counted, through another event of the same refund
					return Optional.of(before);
				}
				String key = chargeback ? "chargeback:" + (refundId != null ? refundId : gatewayPaymentId)
						: (refundId != null ? refundId : "total:" + refundedTotal);
				PaymentView after = this.payments.refund(found.account(), found.payment(), key, part, reason,
						Actor.system("gateway:" + gateway));
				if (!after.refunded().equals(before.refunded())) {
					attempt(found.link(), gateway, gatewayPaymentId, chargeback ? "CHARGEBACK" : "REFUNDED", part,
							reason);
				}
				return Optional.of(after);
			}
		}
		if (!chargeback && amount != null && amount.compareTo(before.amount()) < 0
				&& before.status() != PaymentStatus.REVERSED) {
			throw new InvalidInputException("amount",
					"a refund of %s on a payment of %s".formatted(amount, before.amount()));
		}
		PaymentView after = this.payments.reverse(found.account(), found.payment(), reason,
				Actor.system("gateway:" + gateway));
		if (before.status() != PaymentStatus.REVERSED) {
			attempt(found.link(), gateway, gatewayPaymentId, chargeback ? "CHARGEBACK" : "REFUNDED", before.amount(),
					reason);
		}
		return Optional.of(after);
	}

	/**
	 * Pays again what a chargeback took back, when the merchant won the dispute: a new
	 * payment of the disputed amount on the account, through the same link, under the
	 * reference {@code dispute-won:<dispute id>} (so the dispute is reinstated once,
	 * however many events tell of it), posted by the waterfall and receipted like any
	 * other; the original payment keeps its reversal. A win that comes before any
	 * chargeback of the payment is refused as a failure (so the gateway sends it again),
	 * and one of more than the chargebacks took back and earlier wins did not pay again
	 * is refused; empty when no payment through a link has that gateway id.
	 * @throws CurrencyMismatchException when the amount is not in the payment's currency
	 * @throws InvalidInputException for an amount beyond the payment
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<PaymentView> reinstated(String gateway, String gatewayPaymentId, Money amount, String disputeId,
			String reason) {
		Optional<Linked> linked = linked(gatewayPaymentId);
		if (linked.isEmpty()) {
			return Optional.empty();
		}
		Linked found = linked.get();
		PaymentView original = this.payments.get(found.account(), found.payment());
		if (!amount.currency().equals(original.amount().currency())) {
			throw new CurrencyMismatchException(original.amount().currency(), amount.currency());
		}
		if (!amount.isPositive() || amount.compareTo(original.amount()) > 0) {
			throw new InvalidInputException("amount",
					"a won dispute of %s on a payment of %s".formatted(amount, original.amount()));
		}
		// what chargebacks took back and wins have not yet paid again; a win told
		// twice is caught by its reference below
		record Taken(long chargebacks, java.math.BigDecimal open) {
		}
		Taken taken = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE outcome = 'CHARGEBACK'),
				    coalesce(sum(amount) FILTER (WHERE outcome = 'CHARGEBACK'), 0)
				      - coalesce(sum(amount) FILTER (WHERE outcome = 'REINSTATED'), 0)
				FROM payment_link_attempts WHERE link_id = :link AND gateway_payment_id = :pid""")
			.param("link", found.link().value())
			.param("pid", gatewayPaymentId)
			.query((rs, n) -> new Taken(rs.getLong(1), rs.getBigDecimal(2)))
			.single();
		boolean told = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_payments WHERE reference = :ref)")
			.param("ref", "dispute-won:" + disputeId)
			.query(Boolean.class)
			.single();
		if (taken.chargebacks() == 0 && !told) {
			// the win came before its chargeback (gateways do not promise the order):
			// refused as failed, so the gateway sends it again once the chargeback is in
			throw new IllegalStateException("dispute %s was won before any chargeback of %s was recorded"
				.formatted(disputeId, gatewayPaymentId));
		}
		if (!told && amount.amount().compareTo(taken.open()) > 0) {
			throw new InvalidInputException("amount", "a won dispute of %s where chargebacks took back %s"
				.formatted(amount, Money.of(taken.open(), amount.currency())));
		}
		PaymentManagement.Result result = this.payments.post(found.account(),
				new NewPayment(amount, original.channel(), "dispute-won:" + disputeId, null), "gateway:" + gateway,
				(posted) -> {
					this.payments.linkTo(posted, found.link());
					attempt(found.link(), gateway, gatewayPaymentId, "REINSTATED", amount, reason);
				});
		return Optional.of(result.payment());
	}

	private Optional<Linked> linked(String gatewayPaymentId) {
		return this.jdbc
			.sql("SELECT account_id, id, link_id FROM payment_payments WHERE reference = :ref AND link_id IS NOT NULL")
			.param("ref", gatewayPaymentId)
			.query((rs, n) -> new Linked(new AccountId(rs.getObject(1, UUID.class)),
					new PaymentId(rs.getObject(2, UUID.class)), new PaymentLinkId(rs.getObject(3, UUID.class))))
			.optional();
	}

	/** A payment through a link. */
	private record Linked(AccountId account, PaymentId payment, PaymentLinkId link) {
	}

	/** The link's attempts as gateways reported them, in the order they were recorded. */
	public List<LinkAttempt> attempts(PaymentLinkId link) {
		return this.jdbc.sql("SELECT * FROM payment_link_attempts WHERE link_id = :link ORDER BY seq")
			.param("link", link.value())
			.query((rs, n) -> new LinkAttempt(rs.getString("gateway"), rs.getString("gateway_payment_id"),
					rs.getString("outcome"), rs.getBigDecimal("amount"), rs.getString("reason"),
					rs.getObject("at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	private void attempt(PaymentLinkId link, String gateway, @Nullable String gatewayPaymentId, String outcome,
			@Nullable Money amount, @Nullable String reason) {
		this.jdbc
			.sql("""
					INSERT INTO payment_link_attempts (id, link_id, gateway, gateway_payment_id, outcome, amount, reason, at)
					VALUES (:id, :link, :gateway, :pid, :outcome, :amount, :reason, :at)""")
			.param("id", UUID.randomUUID())
			.param("link", link.value())
			.param("gateway", gateway)
			.param("pid", gatewayPaymentId)
			.param("outcome", outcome)
			.param("amount", amount == null ? null : amount.amount())
			.param("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 500)))
			.param("at", PaymentLinks.utc(this.clock.instant()))
			.update();
	}

	/** An attempt to pay a link, as a gateway reported it. */
	public record LinkAttempt(String gateway, @Nullable String gatewayPaymentId, String outcome,
			java.math.@Nullable BigDecimal amount, @Nullable String reason, java.time.Instant at) {
	}

}
