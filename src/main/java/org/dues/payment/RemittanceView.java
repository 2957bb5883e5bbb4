package org.dues.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A remittance statement to a creditor: what was collected for it, what was clawed back,
 * the agency's commission and the tax on it, and what is due to the creditor; with its
 * lines. A preview has no id, number or issue.
 *
 * @param collected payments received by the end of the period and not remitted before
 * @param reversed reversals of payments remitted (or remitted here) not clawed back
 * before
 * @param due {@code collected − reversed − commission − tax}
 */
public record RemittanceView(@Nullable UUID id, @Nullable String number, CreditorView creditor, LocalDate from,
		LocalDate to, Money collected, Money reversed, BigDecimal commissionRate, Money commission, BigDecimal taxRate,
		Money tax, Money due, @Nullable Instant issuedAt, @Nullable String issuedBy, List<Line> lines) {

	/** What was collected less what was clawed back. */
	public Money net() {
		return this.collected.minus(this.reversed);
	}

	/**
	 * A payment remitted, or a reversal clawed back (its amount negative).
	 *
	 * @param kind {@code COLLECTED} or {@code REVERSED}
	 */
	public record Line(PaymentId payment, String accountRef, LocalDate receivedOn, PaymentChannel channel,
			String reference, String kind, Money amount) {
	}

}
