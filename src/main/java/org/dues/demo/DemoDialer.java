package org.dues.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountView;
import org.dues.telephony.CampaignView;
import org.dues.telephony.Campaigns;
import org.dues.telephony.NewCampaign;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

import org.springframework.stereotype.Component;

/**
 * The demo's dialer: the card issuer's pooled accounts, whose customers consented to an
 * autodialer on their first number, in the US desk's queue "Liberty dialer", dialled by
 * the running predictive campaign "Liberty predictive" with agent3 as its agent. When
 * agent3 presses Ready on the desk, the simulated carrier's calls connect to them and pop
 * the accounts. The campaign runs round the clock and its customers live from Puerto Rico
 * to Guam: the gate allows each call from 8 am to 9 pm in the customer's time zones, so
 * at any hour but 11:00 to 12:00 UTC some of them may be called.
 */
@Component
class DemoDialer {

	static final String QUEUE = "Liberty dialer";

	static final String CAMPAIGN = "Liberty predictive";

	private final CustomerManagement customers;

	private final Queues queues;

	private final Campaigns campaigns;

	DemoDialer(CustomerManagement customers, Queues queues, Campaigns campaigns) {
		this.customers = customers;
		this.queues = queues;
		this.campaigns = campaigns;
	}

	void load(UUID usTeam, String creditor, List<AccountView> pooled) {
		for (AccountView account : pooled) {
			CustomerView customer = this.customers.get(account.customerId());
			customer.phones()
				.stream()
				.findFirst()
				.ifPresent((phone) -> this.customers.consentToAutodial(customer.id(), phone.e164(), true));
		}
		Queues.QueueView queue = this.queues.define(usTeam, QUEUE, new QueueFilters(List.of(creditor), List.of(), 1,
				null, null, null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 20, "lead1");
		CampaignView campaign = this.campaigns.create(
				new NewCampaign(CAMPAIGN, queue.id(), "PREDICTIVE", "00:00", "23:59", "America/New_York",
						BigDecimal.valueOf(3), 30, null,
						List.of(new CampaignView.CallerIdRule(creditor, "+1", "+15550100023")), List.of("agent3")),
				"lead1");
		this.campaigns.run(campaign.id(), true);
	}

}
