package org.dues.casework;

import org.dues.customer.ContactPointChanges;
import org.dues.customer.ContactPointStatus;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;

import org.springframework.stereotype.Component;

/**
 * The address a visit went to, as the customer module keeps it: marked wrong when the
 * agent found the customer does not live there, so no letter or visit goes to it again.
 */
@Component
class VisitedAddress {

	private final CustomerManagement customers;

	private final ContactPointChanges changes;

	VisitedAddress(CustomerManagement customers, ContactPointChanges changes) {
		this.customers = customers;
		this.changes = changes;
	}

	/** Marks the visit's address wrong, if the customer still has it in use. */
	void markWrong(VisitView visit, String agent) {
		CustomerId customer = new CustomerId(visit.customerId());
		this.customers.get(customer)
			.addresses()
			.stream()
			.filter((a) -> a.status() == ContactPointStatus.VALID && a.address().oneLine().equals(visit.address()))
			.findFirst()
			.ifPresent((a) -> this.changes.changeStatus(customer, a.id(), ContactPointStatus.WRONG,
					"field visit %s: the customer does not live at this address".formatted(visit.id()), agent));
	}

}
