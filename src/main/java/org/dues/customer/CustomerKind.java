package org.dues.customer;

/** Whether the customer is a natural person or a business. */
public enum CustomerKind {

	PERSON, BUSINESS

}
