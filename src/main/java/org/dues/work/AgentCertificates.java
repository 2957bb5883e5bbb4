package org.dues.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
public class AgentCertificates implements CallerCheck {

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

	/**
	 * The user's certificate today: current, expired (with the date it expired) or none.
	 * A name that is no user of Dues stands as current: it is not asked about.
	 */
	public Standing standing(String user) {
		return this.users.find(user)
			.map((u) -> new Standing(u.certificateNumber(), u.certificateExpiresOn(), certified(u)))
			.orElseGet(() -> new Standing(null, null, true));
	}

	/** Whether contacts on the account need a current certificate (an Indian account). */
	public boolean needed(AccountView account) {
		return "IN".equals(this.creditors.get(account.creditorId()).country());
	}

	@Override
	public @Nullable String refusal(AccountView account, Channel channel, String user) {
		if (!needed(account)) {
			return null;
		}
		return this.users.find(user)
			.filter((u) -> !certified(u))
			.map((u) -> "%s has no current recovery-agent certificate, which contacts on Indian accounts need"
				.formatted(user))
			.orElse(null);
	}

	@Override
	public @Nullable Refusal explain(AccountView account, Channel channel, String user) {
		if (refusal(account, channel, user) == null) {
			return null;
		}
		Standing standing = standing(user);
		return standing.expired() ? new Refusal("certificate.expired", List.of(String.valueOf(standing.expiresOn())))
				: new Refusal("certificate.none", List.of());
	}

	/**
	 * A user's recovery-agent certificate as it stands today.
	 *
	 * @param number the certificate's number, if they have one
	 * @param expiresOn the last day it is current
	 * @param current whether it is current today, in India's calendar
	 */
	public record Standing(@Nullable String number, @Nullable LocalDate expiresOn, boolean current) {

		/** Whether the user had a certificate that has expired. */
		public boolean expired() {
			return !this.current && this.number != null && this.expiresOn != null;
		}

	}

}
