package org.dues.arrangement;

import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPosted;
import org.dues.payment.PaymentsPosted;
import org.dues.payment.PaymentRefunded;
import org.dues.payment.PaymentReversed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates an account's arrangements after a payment on it commits or is reversed
 * (asynchronously, retried from the event publication registry if it fails).
 */
@Component
class PaymentReactions {

	private final Evaluation evaluation;

	private final PaymentManagement payments;

	PaymentReactions(Evaluation evaluation, PaymentManagement payments) {
		this.evaluation = evaluation;
		this.payments = payments;
	}

	@ApplicationModuleListener
	void on(PaymentPosted posted) {
		this.evaluation.evaluateAccount(posted.account());
	}

	@ApplicationModuleListener
	void on(PaymentsPosted posted) {
		this.evaluation.evaluateAccounts(this.payments.posted(posted).stream().map(PaymentPosted::account).toList());
	}

	@ApplicationModuleListener
	void on(PaymentReversed reversed) {
		this.evaluation.evaluateAccount(reversed.account());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded refunded) {
		this.evaluation.evaluateAccount(refunded.account());
	}

}
