/**
 * The providers a message leaves through: each speaks its provider's documented protocol
 * (requests, responses, webhooks and their signatures) and has a configurable base URL. A
 * provider takes only a {@link org.dues.contact.ClearedContact}, which the gate makes.
 */
@NullMarked
package org.dues.messaging.provider;

import org.jspecify.annotations.NullMarked;
