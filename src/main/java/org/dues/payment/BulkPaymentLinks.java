package org.dues.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.system.AccountSelections;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A payment link for each account of a selection (accounts named by id, a team's queue,
 * or the accounts browser's filters, as a bulk message chooses them), within the
 * starter's scope. Each link is made in its own transaction, so one account's refusal
 * leaves the others'. Asking again is harmless: an account that has an active link of the
 * same purpose for what the purpose asks now, open for at least another day, is skipped
 * as already linked.
 */
@Service
public class BulkPaymentLinks {

	/** The most accounts one request makes links for. */
	public static final int MOST = 5_000;

	private final PaymentLinks links;

	private final AccountSelections selections;

	private final Scopes scopes;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	BulkPaymentLinks(PaymentLinks links, AccountSelections selections, Scopes scopes, Accounts accounts,
			JdbcClient jdbc, java.time.Clock clock) {
		this.links = links;
		this.selections = selections;
		this.scopes = scopes;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Makes the links.
	 * @throws InvalidInputException when the selection holds no account, or more than
	 * {@link #MOST}, or a filter cannot be read
	 * @throws NotFoundException for a queue, team or agent outside the starter's scope
	 */
	public Result create(Selector selector, LinkPurpose purpose, @Nullable LocalDate expiresOn,
			Authentication starter) {
		List<UUID> chosen = switch (selector) {
			case Selector.Named named -> new ArrayList<>(new LinkedHashSet<>(named.ids()));
			case Selector.Queue queue -> this.selections.ofQueue(queue.queueId(), starter, MOST + 1);
			case Selector.Selection selection -> this.selections.matching(selection.filters(), starter, MOST + 1);
		};
		if (chosen.isEmpty()) {
			throw new InvalidInputException("accounts", "the selection holds no account within your scope");
		}
		if (chosen.size() > MOST) {
			throw new InvalidInputException("accounts", "give 1 to %d accounts".formatted(MOST));
		}
		Set<UUID> outside = new LinkedHashSet<>(outside(chosen, starter));
		List<PaymentLinkView> created = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		Instant openUntil = this.clock.instant().plus(Duration.ofDays(1));
		for (UUID id : chosen) {
			if (outside.contains(id)) {
				skipped.add(new Skipped(id, Reason.NOT_FOUND, "no such account within your scope"));
				continue;
			}
			AccountId account = new AccountId(id);
			try {
				AccountView view = this.accounts.get(account);
				Money asked = switch (purpose) {
					case OVERDUE -> view.overdueAmount().min(view.balances().total());
					case BALANCE -> view.balances().total();
					default -> null;
				};
				if (asked != null && !asked.isPositive()) {
					skipped.add(new Skipped(id, Reason.NOTHING_OWED,
							purpose == LinkPurpose.OVERDUE ? "nothing is overdue" : "nothing is owed"));
					continue;
				}
				boolean linked = this.links.ofAccount(account)
					.stream()
					.anyMatch((l) -> l.purpose() == purpose && l.payable() && l.expiresAt().isAfter(openUntil)
							&& (asked == null || l.due().equals(asked)));
				if (linked) {
					skipped.add(new Skipped(id, Reason.ALREADY_LINKED, "an active link asks for it already"));
					continue;
				}
				created
					.add(this.links.create(account,
							new NewPaymentLink(purpose, asked, null, expiresOn,
									purpose != LinkPurpose.OVERDUE && purpose != LinkPurpose.BALANCE),
							starter.getName()));
			}
			catch (InvalidInputException | ConflictException | NotFoundException
					| org.dues.shared.CurrencyMismatchException ex) {
				skipped.add(new Skipped(id, Reason.REFUSED, String.valueOf(ex.getMessage())));
			}
		}
		return new Result(chosen.size(), created, skipped);
	}

	/** Those of the ids that are no account or lie outside the starter's scope. */
	private List<UUID> outside(List<UUID> ids, Authentication starter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String inScope = this.scopes.accountCondition(starter, "x.id", params);
		params.put("bulkIds", ids.toArray(UUID[]::new));
		return this.jdbc.sql("""
				SELECT x.id FROM unnest(CAST(:bulkIds AS uuid[])) AS x (id)
				LEFT JOIN portfolio_account_facts f ON f.id = x.id
				WHERE f.id IS NULL OR NOT (%s)""".formatted(inScope)).params(params).query(UUID.class).list();
	}

	/** Which accounts to make links for. */
	public sealed interface Selector {

		/** Accounts named by id. */
		record Named(List<UUID> ids) implements Selector {

			public Named {
				ids = List.copyOf(ids);
			}

		}

		/** The pooled accounts a team's queue holds now. */
		record Queue(UUID queueId) implements Selector {
		}

		/**
		 * The accounts the browser's filters match ({@link AccountSelections#matching}).
		 */
		record Selection(Map<String, List<String>> filters) implements Selector {

			public Selection {
				filters = Map.copyOf(filters);
			}

		}

	}

	/** Why an account got no new link. */
	public enum Reason {

		/** No account, or one outside the starter's scope. */
		NOT_FOUND,
		/** The purpose asks for nothing: nothing overdue, or nothing owed. */
		NOTHING_OWED,
		/** An active link of the purpose asks for the same amount already. */
		ALREADY_LINKED,
		/**
		 * The link was refused (an amount the purpose cannot take, an expiry out of
		 * range).
		 */
		REFUSED

	}

	/** An account without a new link, and why. */
	public record Skipped(UUID account, Reason reason, String detail) {
	}

	/** What a bulk request made. */
	public record Result(int chosen, List<PaymentLinkView> created, List<Skipped> skipped) {

		/** How many were skipped for each reason. */
		public Map<Reason, Long> reasons() {
			Map<Reason, Long> counts = new LinkedHashMap<>();
			for (Skipped s : this.skipped) {
				counts.merge(s.reason(), 1L, Long::sum);
			}
			return counts;
		}

	}

}
