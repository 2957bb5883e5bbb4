package org.dues.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.dues.compliance.Channel;
import org.dues.contact.CallerCheck;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Indian accounts are worked only by recovery agents with a current certificate (the
 * RBI's directions on recovery agents require their training and certification): a user
 * of Dues without one, whatever their role, makes no contact on an Indian account on any
 * channel, and next account does not offer them one. A name that is no user of Dues (a
 * scheduled job sending letters, say) is not a recovery agent and is not asked about. The
 * certificate counts as current through its expiry date, in India's calendar.
 */
@Component
class AgentCertificates implements CallerCheck {

	static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

	private final Creditors creditors;

	private final UserManagement users;

	private final Clock clock;

	AgentCertificates(Creditors creditors, UserManagement users, Clock clock) {
		this.creditors = creditors;
		this.users = users;
		this.clock = clock;
	}

	/** Whether the user holds a certificate current today in India. */
	boolean certified(UserManagement.UserView user) {
		return user.certifiedOn(LocalDate.now(this.clock.withZone(INDIA)));
	}

	@Override
	public @Nullable String refusal(AccountView account, Channel channel, String user) {
		if (!"IN".equals(this.creditors.get(account.creditorId()).country())) {
			return null;
		}
		return this.users.find(user)
			.filter((u) -> !certified(u))
			.map((u) -> "%s has no current recovery-agent certificate, which contacts on Indian accounts need"
				.formatted(user))
			.orElse(null);
	}

}
