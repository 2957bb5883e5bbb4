package org.dues.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Objects;

import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPosted;
import org.dues.payment.PaymentsPosted;
import org.dues.payment.PaymentRefunded;
import org.dues.payment.PaymentReversed;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Credits each payment, and each reversal of one, to the agent who earned it at the time
 * it was posted ({@link Crediting}): a row per payment and kind, written once however
 * often the event is delivered (asynchronously after the payment commits, retried from
 * the event publication registry if it fails). A reversal takes the negative amount to
 * the same agent as the payment, crediting the payment first if its own event has not yet
 * been handled.
 */
@Component
class PaymentCredits {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final Crediting crediting;

	private final Clock clock;

	PaymentCredits(JdbcClient jdbc, PaymentManagement payments, Crediting crediting, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.crediting = crediting;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PaymentPosted posted) {
		credit(this.payments.get(posted.account(), posted.payment()));
	}

	/**
	 * As {@link #on(PaymentPosted)} for each payment of a part of a batch, in a few reads
	 * and one insert for the whole part.
	 */
	@ApplicationModuleListener
	void on(PaymentsPosted posted) {
		List<PaymentView> all = this.payments.postedViews(posted);
		Map<Instant, List<PaymentView>> byInstant = all.stream()
			.collect(Collectors.groupingBy(PaymentView::recordedAt, LinkedHashMap::new, Collectors.toList()));
		int n = all.size();
		UUID[] ids = new UUID[n];
		UUID[] accounts = new UUID[n];
		String[] amounts = new String[n];
		String[] currencies = new String[n];
		String[] agents = new String[n];
		String[] as = new String[n];
		String[] received = new String[n];
		String[] at = new String[n];
		int i = 0;
		for (Map.Entry<Instant, List<PaymentView>> group : byInstant.entrySet()) {
			Map<AccountId, Crediting.Credit> credits = this.crediting
				.of(group.getValue().stream().map(PaymentView::accountId).distinct().toList(), group.getKey());
			for (PaymentView payment : group.getValue()) {
				Crediting.@Nullable Credit credit = credits.get(payment.accountId());
				ids[i] = payment.id().value();
				accounts[i] = payment.accountId().value();
				amounts[i] = payment.amount().amount().toPlainString();
				currencies[i] = payment.amount().currencyCode();
				agents[i] = (credit != null) ? credit.agent() : null;
				as[i] = (credit != null) ? credit.as().name() : null;
				received[i] = payment.receivedOn().toString();
				at[i] = payment.recordedAt().toString();
				i++;
			}
		}
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					SELECT p, 'PAYMENT', a, amount, c, agent, credited_as, r, t, :now,
					    (SELECT f.creditor_id FROM portfolio_account_report_facts f WHERE f.id = a)
					FROM unnest(CAST(:ids AS uuid[]), CAST(:accounts AS uuid[]), CAST(:amounts AS numeric[]),
					    CAST(:currencies AS text[]), CAST(:agents AS text[]), CAST(:as AS text[]), CAST(:received AS date[]),
					    CAST(:at AS timestamptz[])) AS x(p, a, amount, c, agent, credited_as, r, t)
					ON CONFLICT (payment_id, kind) DO NOTHING""")
			.param("ids", ids)
			.param("accounts", accounts)
			.param("amounts", amounts)
			.param("currencies", currencies)
			.param("agents", agents)
			.param("as", as)
			.param("received", received)
			.param("at", at)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	@ApplicationModuleListener
	void on(PaymentReversed reversed) {
		PaymentView payment = this.payments.get(reversed.account(), reversed.payment());
		credit(payment);
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					SELECT payment_id, 'REVERSAL', account_id, :amount, currency, agent, credited_as, received_on, :at, :now,
					    creditor_id
					FROM reporting_payment_credits WHERE payment_id = :payment AND kind = 'PAYMENT'
					ON CONFLICT (payment_id, kind) DO NOTHING""")
			.param("payment", payment.id().value())
			.param("amount", reversed.amount().negate().amount())
			.param("at", Timestamp.from(Objects.requireNonNullElse(payment.reversedAt(), this.clock.instant())))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** A partial refund takes its amount from the same agent, a row per refund. */
	@ApplicationModuleListener
	void on(PaymentRefunded refunded) {
		PaymentView payment = this.payments.get(refunded.account(), refunded.payment());
		credit(payment);
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					SELECT payment_id, :kind, account_id, :amount, currency, agent, credited_as, received_on, :now, :now,
					    creditor_id
					FROM reporting_payment_credits WHERE payment_id = :payment AND kind = 'PAYMENT'
					ON CONFLICT (payment_id, kind) DO NOTHING""")
			.param("payment", payment.id().value())
			.param("kind", "REFUND:" + refunded.refund())
			.param("amount", refunded.amount().negate().amount())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void credit(PaymentView payment) {
		Crediting.@Nullable Credit credit = this.crediting.of(payment.accountId(), payment.recordedAt()).orElse(null);
		Money amount = payment.amount();
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					VALUES (:payment, 'PAYMENT', :account, :amount, :currency, :agent, :as, :received, :at, :now,
					    (SELECT creditor_id FROM portfolio_account_report_facts WHERE id = :account))
					ON CONFLICT (payment_id, kind) DO NOTHING""")
			.param("payment", payment.id().value())
			.param("account", payment.accountId().value())
			.param("amount", amount.amount())
			.param("currency", amount.currencyCode())
			.param("agent", (credit != null) ? credit.agent() : null)
			.param("as", (credit != null) ? credit.as().name() : null)
			.param("received", payment.receivedOn())
			.param("at", Timestamp.from(payment.recordedAt()))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
