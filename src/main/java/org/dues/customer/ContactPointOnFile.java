package org.dues.customer;

import org.dues.shared.InvalidInputException;

/**
 * A contact point added that the customer has already (perhaps marked wrong or not to be
 * used: its status is changed instead). Nothing was written.
 */
public class ContactPointOnFile extends InvalidInputException {

	ContactPointOnFile(String field, String message) {
		super(field, message);
	}

}
