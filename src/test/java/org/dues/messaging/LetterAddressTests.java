package org.dues.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.ContactPointStatus;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerKind;
import org.dues.customer.CustomerView;
import org.dues.shared.PostalAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter goes to the customer's postal address written as the contact points write it
 * (one line, the parts present): the messages table and the timeline show it, and the
 * gate compares it with the addresses marked wrong. A record's own string
 * ("PostalAddress[line1=…, line2=null, …]") is neither.
 */
class LetterAddressTests {

	@Test
	void aLetterGoesToTheAddressAsOneLine() {
		PostalAddress home = new PostalAddress("1889 Washington Blvd", null, "Phoenix", "AZ", "85030", "US");
		CustomerView customer = new CustomerView(new CustomerId(UUID.randomUUID()), "LC00000074", CustomerKind.PERSON,
				"Aisha Green", "en", null, List.of(), List.of(), List.of(new CustomerView.Address(home, "DEMO",
						UUID.randomUUID(), ContactPointStatus.VALID, Instant.parse("2026-11-17T05:00:00Z"))),
				null);

		assertThat(Messages.usable(Channel.LETTER, customer))
			.containsExactly("1889 Washington Blvd, Phoenix, AZ, 85030, US");
	}

}
