package org.dues.payment.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Opens the gateway's checkout for a link (reusing one opened for the same amount in the
 * last hours), and the simulated gateway's side of the pay page.
 */
@Service
public class Checkouts {

	/** How long an opened checkout is reused. */
	static final Duration REUSE = Duration.ofHours(12);

	private final Gateways gateways;

	private final PaymentLinks links;

	private final Creditors creditors;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String publicUrl;

	Checkouts(Gateways gateways, PaymentLinks links, Creditors creditors, JdbcClient jdbc, Clock clock,
			@Value("${dues.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
		this.gateways = gateways;
		this.links = links;
		this.creditors = creditors;
		this.jdbc = jdbc;
		this.clock = clock;
		String base = publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip();
		this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * Where to send the customer to pay the amount through the link.
	 * @throws org.dues.shared.InvalidInputException when the amount is outside the link's
	 * bounds
	 */
	public String start(PaymentLinkView link, @Nullable Money chosen, String language) {
		Money amount = this.links.payable(link, chosen);
		Gateway gateway = this.gateways.forCurrency(amount.currency());
		Optional<String> open = this.jdbc.sql("""
				SELECT url FROM payment_link_checkouts WHERE link_id = :link AND gateway = :gateway AND amount = :amount
				    AND created_at > :since ORDER BY created_at DESC LIMIT 1""")
			.param("link", link.id().value())
			.param("gateway", gateway.name())
			.param("amount", amount.amount())
			.param("since", this.clock.instant().minus(REUSE).atOffset(ZoneOffset.UTC))
			.query(String.class)
			.optional();
		if (open.isPresent()) {
			return open.get();
		}
		int attempts = this.jdbc.sql("SELECT count(*) FROM payment_link_checkouts WHERE link_id = :link")
			.param("link", link.id().value())
			.query(Integer.class)
			.single();
		String creditor = this.creditors.get(link.creditorId()).name();
		Checkout checkout = gateway.checkout(new CheckoutRequest(link.token(), amount, link.reference(), attempts,
				creditor + " · " + link.reference(), language, url(link) + "?returned", link.expiresAt()));
		this.jdbc.sql("""
				INSERT INTO payment_link_checkouts (gateway_id, gateway, link_id, amount, url, created_at)
				VALUES (:id, :gateway, :link, :amount, :url, :now) ON CONFLICT DO NOTHING""")
			.param("id", checkout.gatewayId())
			.param("gateway", gateway.name())
			.param("link", link.id().value())
			.param("amount", amount.amount())
			.param("url", checkout.redirectUrl())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return checkout.redirectUrl();
	}

	/** The public address of the link's pay page. */
	public String url(PaymentLinkView link) {
		return this.publicUrl + "/pay/" + link.token();
	}

	/** Whether the link's currency is paid through the simulated gateway (a demo). */
	public boolean simulated(PaymentLinkView link) {
		return this.gateways.forCurrency(link.amount().currency()) instanceof SimulatedGateway;
	}

	/** The amount of a simulated checkout of the link, if it is one. */
	Optional<Money> simulatedCheckout(PaymentLinkView link, String checkoutId) {
		return this.jdbc.sql(
				"SELECT amount FROM payment_link_checkouts WHERE gateway = 'simulated' AND gateway_id = :id AND link_id = :link")
			.param("id", checkoutId)
			.param("link", link.id().value())
			.query((rs, n) -> new Money(rs.getBigDecimal(1), link.amount().currency()))
			.optional();
	}

	/** Pays a simulated checkout: reported a few seconds later. */
	void paySimulated(PaymentLinkView link, String checkoutId, Money amount) {
		this.gateways.simulated().pay(checkoutId, link.reference(), amount, PaymentChannel.PAYMENT_LINK);
	}

	/** The demo's UPI credit for the amount due: reported a few seconds later. */
	public void simulateUpiCredit(PaymentLinkView link) {
		this.gateways.simulated().pay("upi_" + link.reference(), link.reference(), link.due(), PaymentChannel.UPI);
	}

	/** The instant used in pages for "now". */
	Instant now() {
		return this.clock.instant();
	}

}
