package org.dues.payment;

import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment events read back from the JSON the event publication registry keeps them as: an
 * event whose listener had not finished is published again after a restart, and one that
 * cannot be read would be lost.
 */
class PaymentEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPaymentAndABatchOfThemReadBack() {
		PaymentPosted posted = new PaymentPosted(new PaymentId(UUID.randomUUID()), new AccountId(UUID.randomUUID()),
				Money.of("-12.50", "INR"));
		String text = this.json.writeValueAsString(posted);
		assertThat(text).doesNotContain("negative", "positive", "zero");
		assertThat(this.json.readValue(text, PaymentPosted.class)).isEqualTo(posted);
		PaymentsPosted batch = new PaymentsPosted(UUID.randomUUID(), 1000, 2000);
		assertThat(this.json.readValue(this.json.writeValueAsString(batch), PaymentsPosted.class)).isEqualTo(batch);
		ReceiptsIssued receipts = new ReceiptsIssued(batch.batch(), 2000, 2017);
		assertThat(this.json.readValue(this.json.writeValueAsString(receipts), ReceiptsIssued.class))
			.isEqualTo(receipts);
	}

}
