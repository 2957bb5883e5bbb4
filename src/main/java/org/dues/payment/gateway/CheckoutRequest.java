package org.dues.payment.gateway;

import java.time.Instant;

import org.dues.shared.Money;

/**
 * What a gateway's checkout is opened for.
 *
 * @param reference the link's reference, carried back in webhooks
 * @param attempt how many checkouts the link had before (for references a gateway wants
 * unique)
 * @param language the customer's language (ISO 639-1)
 * @param returnUrl where the gateway sends the customer back
 * @param expiresAt when the checkout should stop taking payments
 */
record CheckoutRequest(String token, Money amount, String reference, int attempt, String description, String language,
		String returnUrl, Instant expiresAt) {
}
