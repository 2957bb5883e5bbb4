/**
 * Bean Validation constraints for request records and forms, in the shared kernel's
 * words: an amount as a decimal string, one of an enum's names, an ISO date within the
 * calendar's bounds, an instant not in the future by the injected clock, an end after its
 * start. Field-level ones name their field through the property path; class-level ones
 * add the node of the field they concern, so a problem detail always names a field.
 * Messages are {@code {dues.validation.*}} keys in {@code ValidationMessages.properties}.
 */
@NullMarked
package org.dues.shared.validation;

import org.jspecify.annotations.NullMarked;
