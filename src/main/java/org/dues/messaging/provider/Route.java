package org.dues.messaging.provider;

/**
 * Where a message goes.
 *
 * @param address the canonical address: a phone number in E.164 or an email address
 * @param country the ISO 3166 country of a phone number ({@code IN}, {@code US},
 * {@code GB}), or of the creditor for an email or a letter
 */
public record Route(String address, String country) {
}
