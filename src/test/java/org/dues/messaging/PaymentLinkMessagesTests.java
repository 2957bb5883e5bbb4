package org.dues.messaging;

import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.payment.LinkStatus;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.compliance.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message's {{paymentLink}} is a real pay page: a preview creates nothing, the first
 * message queued makes a link for what is overdue, open until paid, and the next message
 * carries the same link while it still asks for what is owed.
 */
@IntegrationTest
class PaymentLinkMessagesTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	Messages messages;

	@Autowired
	PaymentLinks links;

	@Test
	void theFirstMessageMakesTheLinkAndTheNextCarriesItAgain() {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "8500.00");
		Messages.Preview preview = this.messages
			.preview(NewMessage.now(account.id(), Channel.SMS, "reminder", "en", null), "agent-x");
		assertThat(preview.rendered().body()).contains("/pay/…");
		assertThat(this.links.ofAccount(account.id())).as("a preview makes no link").isEmpty();

		MessageView first = this.messages.queue(NewMessage.now(account.id(), Channel.SMS, "reminder", "en", null),
				"agent-x");
		List<PaymentLinkView> made = this.links.ofAccount(account.id());
		assertThat(made).hasSize(1);
		PaymentLinkView link = made.get(0);
		assertThat(link.status()).isEqualTo(LinkStatus.ACTIVE);
		assertThat(link.amount().amount()).isEqualByComparingTo("8500.00");
		assertThat(link.singleUse()).as("open until paid").isFalse();
		assertThat(first.body()).contains("/pay/" + link.token());

		MessageView second = this.messages.queue(NewMessage.now(account.id(), Channel.SMS, "reminder", "hi", null),
				"agent-x");
		assertThat(second.body()).contains("/pay/" + link.token());
		assertThat(this.links.ofAccount(account.id())).hasSize(1);
		assertThat(this.messages.preview(NewMessage.now(account.id(), Channel.SMS, "reminder", "en", null), "agent-x")
			.rendered()
			.body()).contains("/pay/" + link.token());
	}

}
