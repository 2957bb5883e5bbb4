package org.dues.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementView;
import org.dues.arrangement.Asker;
import org.dues.arrangement.NewArrangement;
import org.dues.contact.ContactLog;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visit's outcome, recorded by the agent checked in: met, not met, address wrong,
 * refused, a promise (a promise of the arrangements module, kept or broken as any other),
 * an address that is not the customer's (marked wrong in the customer's contact points),
 * or money collected in cash or by cheque against a leaf of the agent's receipt book,
 * posted by the creditor's waterfall as any payment (a leaf used already is refused). The
 * contact log's attempt gets its result. All of it in one transaction: a refused payment
 * or promise leaves the visit checked in and writes nothing.
 */
@Service
public class VisitOutcomes {

	private final VisitRows rows;

	private final VisitedAddress addresses;

	private final ContactLog contacts;

	private final ArrangementManagement arrangements;

	private final PaymentManagement payments;

	private final JdbcClient jdbc;

	private final Clock clock;

	VisitOutcomes(VisitRows rows, VisitedAddress addresses, ContactLog contacts, ArrangementManagement arrangements,
			PaymentManagement payments, JdbcClient jdbc, Clock clock) {
		this.rows = rows;
		this.addresses = addresses;
		this.contacts = contacts;
		this.arrangements = arrangements;
		this.payments = payments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records the outcome of a visit the asker is checked in on.
	 * @throws ConflictException if the visit is not checked in, not the asker's, or the
	 * receipt leaf was used already
	 * @throws InvalidInputException if what the outcome needs is missing or wrong
	 */
	@Transactional
	public VisitView record(VisitId id, Outcome input, Asker asker) {
		VisitView visit = this.rows.lock(id).orElseThrow(() -> new NotFoundException("visit", id.value()));
		if (!asker.name().equals(visit.agent())) {
			throw new ConflictException("visit %s is not given to %s".formatted(id, asker.name()));
		}
		if (visit.status() != VisitStatus.CHECKED_IN) {
			throw new ConflictException("visit %s is %s: an outcome is recorded once, after checking in".formatted(id,
					visit.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
		}
		String note = clean(input.note());
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "must be at most 2000 characters");
		}
		UUID arrangement = null;
		UUID payment = null;
		String cheque = null;
		String receipt = null;
		switch (input.outcome()) {
			case PROMISE -> {
				Money amount = required(input.amount(), "amount");
				LocalDate on = required(input.promisedOn(), "promisedOn");
				ArrangementView promise = this.arrangements.promise(visit.accountId(),
						new NewArrangement.Promise(amount, on, null, null), asker);
				arrangement = promise.id().value();
			}
			case PAYMENT_COLLECTED -> {
				Money amount = required(input.amount(), "amount");
				PaymentChannel method = required(input.method(), "method");
				if (method != PaymentChannel.CASH && method != PaymentChannel.CHEQUE) {
					throw new InvalidInputException("method", "a visit collects CASH or a CHEQUE");
				}
				receipt = clean(input.receiptNumber());
				if (receipt == null) {
					throw new InvalidInputException("receiptNumber", "is required: the leaf of your receipt book");
				}
				if (method == PaymentChannel.CHEQUE) {
					cheque = clean(input.chequeNumber());
					if (cheque == null || !cheque.matches("[0-9]{6,10}")) {
						throw new InvalidInputException("chequeNumber", "a cheque's number has 6 to 10 digits");
					}
				}
				payment = this.payments
					.post(visit.accountId(), new NewPayment(amount, method, "VISIT-" + id, null, receipt, null),
							asker.name())
					.payment()
					.id()
					.value();
			}
			case ADDRESS_WRONG -> this.addresses.markWrong(visit, asker.name());
			default -> {
				// the outcome alone
			}
		}
		this.contacts.complete(visit.accountId(), visit.interactionId(), input.outcome().result(), note);
		this.jdbc.sql("""
				UPDATE casework_visits SET status = 'DONE', outcome = :outcome, outcome_at = :now, outcome_note = :note,
				    arrangement_id = :arrangement, payment_id = :payment, cheque_number = :cheque,
				    receipt_number = :receipt
				WHERE id = :id""")
			.param("outcome", input.outcome().name())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("note", note)
			.param("arrangement", arrangement)
			.param("payment", payment)
			.param("cheque", cheque)
			.param("receipt", receipt)
			.param("id", id.value())
			.update();
		return this.rows.find(id).orElseThrow();
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "is required for this outcome");
		}
		return value;
	}

	private static @Nullable String clean(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * What the agent records.
	 *
	 * @param amount the amount promised or collected, in the account's currency
	 * @param promisedOn the day the customer promised to pay by
	 * @param method {@code CASH} or {@code CHEQUE}, for money collected
	 * @param chequeNumber the cheque's number
	 * @param receiptNumber the receipt book leaf written ({@code SERIES/NUMBER})
	 */
	public record Outcome(VisitOutcome outcome, @Nullable String note, @Nullable Money amount,
			@Nullable LocalDate promisedOn, @Nullable PaymentChannel method, @Nullable String chequeNumber,
			@Nullable String receiptNumber) {

		public Outcome {
			if (outcome == null) {
				throw new InvalidInputException("outcome", "is required");
			}
		}

	}

}
