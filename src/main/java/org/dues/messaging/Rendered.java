package org.dues.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A template rendered for one account.
 *
 * @param segments an SMS's parts; null for other channels
 * @param parameters the values of the body's variables in the order they stand (a
 * WhatsApp template's parameters)
 */
public record Rendered(TemplateView template, @Nullable String subject, String body, @Nullable SmsSegments segments,
		java.util.List<String> parameters) {
}
