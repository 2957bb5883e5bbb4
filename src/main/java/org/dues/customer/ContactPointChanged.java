package org.dues.customer;

/**
 * Published, inside the transaction that makes it, when a person adds a contact point,
 * changes its status or corrects an address; compliance writes it into the audit trail in
 * that same transaction.
 */
public record ContactPointChanged(ContactPointChange change) {
}
