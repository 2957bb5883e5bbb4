/**
 * Messaging: templates in many languages (versioned, checked as a provider would check
 * them), messages in an outbox in PostgreSQL with their lifecycle, every one decided by
 * the compliance gate at the moment it leaves, provider adapters (SMTP, Twilio, an Indian
 * DLT gateway, the WhatsApp Cloud API, a print batch for letters) and their webhooks,
 * replies and opt-outs.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "compliance",
		"contact", "arrangement", "payment" })
@NullMarked
package org.dues.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
