package org.dues.payment.gateway;

/**
 * A checkout a gateway opened: where to send the customer, and the gateway's id of it.
 */
record Checkout(String redirectUrl, String gatewayId) {
}
