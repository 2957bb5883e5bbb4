package org.dues.telephony;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Object mother of telephony's tests: accounts whose customer speaks a language and lives
 * in a state, and calls on them as a provider would have placed them.
 */
public class Calling {

	private final Portfolios portfolios;

	private final OutboundContacts outbound;

	private final JdbcClient jdbc;

	private final Clock clock;

	public Calling(Portfolios portfolios, OutboundContacts outbound, JdbcClient jdbc, Clock clock) {
		this.portfolios = portfolios;
		this.outbound = outbound;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * An overdue account whose customer speaks {@code language} (null: none given) and
	 * lives in {@code state} of the creditor's country (null: no address), with the given
	 * phone.
	 */
	public AccountView speaking(CreditorView creditor, @Nullable String language, @Nullable String state,
			@Nullable String phone) {
		Map<String, String> row = Portfolios.row(creditor, "1000.00");
		row.put("overdue_amount", "1000.00");
		row.put("oldest_due_date", java.time.LocalDate.now(this.clock).minusDays(40).toString());
		if (language != null) {
			row.put("language", language);
		}
		if (state != null) {
			row.put("address_line1", "1 Main Street");
			row.put("city", "Town");
			row.put("state", state);
			row.put("postal_code", "IN".equals(creditor.country()) ? "691001" : "94105");
		}
		if (phone != null) {
			row.put("phone_1", phone);
		}
		return this.portfolios.place(creditor, row);
	}

	/**
	 * An outbound call on the account as the gate cleared it and the simulated carrier
	 * placed it, handled by {@code agent}.
	 * @return the call's id
	 */
	public UUID placed(AccountView account, String agent) {
		String number = this.portfolios.firstPhone(account);
		OutboundContacts.Clearance clearance = this.outbound.clear(new ContactGate.Request(account.id(), Set.of(),
				Channel.CALL, number, PersonRole.CONSUMER, Purpose.COLLECTION), "call", agent);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO telephony_calls (id, provider, provider_call_id, account_id, interaction_id, customer_number,
					    agent, agent_number, caller_id, direction, status, recorded, disclosure, callback_token, created_at)
					VALUES (?, 'simulated', ?, ?, ?, ?, ?, '+12025550199', '+15550100000', 'OUTBOUND', 'PLACED', true,
					    'Recorded.', 'x', ?)""")
			.params(id, "SIM-" + id, account.id().value(), clearance.attempt().interaction().id(), number, agent,
					Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

}
