package org.dues.payment.gateway;

import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A payment gateway: opens a checkout for a link and reads its webhooks. Implementations
 * speak the gateway's own protocol; the simulated one stands in when none is configured.
 */
interface Gateway {

	/** The gateway's name in records and webhook paths ({@code razorpay}). */
	String name();

	/** Whether it takes payments in the currency. */
	boolean handles(Currency currency);

	/**
	 * Opens a checkout at the gateway.
	 * @throws GatewayException when the gateway refuses or cannot be reached
	 */
	Checkout checkout(CheckoutRequest request);

	/**
	 * Verifies a webhook's signature and reads its events.
	 * @param headers the request's headers, names in lower case
	 * @param body the raw body, as signed
	 * @throws WebhookRefusedException when the signature does not verify
	 */
	List<GatewayEvent> parse(Map<String, String> headers, byte[] body);

}
