package org.dues.work.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountStatus;
import org.dues.shared.Choice;
import org.dues.work.AccountBrowser;
import org.dues.work.ArrangementState;
import org.dues.work.BrowseSort;
import org.dues.work.QueueFilters;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The accounts browser's form: a queue's filters (lists as comma- or space-separated
 * values), whose the accounts are ({@code owner}: empty for anyone's, {@value #POOL},
 * {@value #OWNED} or an agent's name), a team, a queue, the order; and, for a bulk
 * action, its token, the ids checked or {@code all} the {@code expected} many matching,
 * and the agent ({@code agent}, empty for the pool) or queue ({@code queueId}) to act
 * towards.
 */
record BrowseForm(@Nullable String creditors, @Nullable String buckets, @Nullable Integer dpdMin,
		@Nullable Integer dpdMax, @Nullable String balanceMin, @Nullable String balanceMax, @Nullable String languages,
		@Nullable String regions, @Nullable String statuses, @Nullable List<String> arrangements,
		@Nullable String owner, @Nullable UUID team, @Nullable UUID queue, @Nullable String sort, @Nullable UUID token,
		@Nullable List<UUID> ids, @Nullable Boolean all, @Nullable Long expected, @Nullable String agent,
		@Nullable UUID queueId) {

	/** The {@code owner} of pooled accounts. */
	static final String POOL = "-pool";

	/** The {@code owner} of accounts some agent owns. */
	static final String OWNED = "-owned";

	/** The criteria the form states. */
	AccountBrowser.Criteria criteria() {
		QueueFilters filters = new QueueFilters(list(this.creditors), list(this.buckets), this.dpdMin, this.dpdMax,
				DeskPages.amount(this.balanceMin), DeskPages.amount(this.balanceMax), list(this.languages),
				list(this.regions),
				list(this.statuses).stream().map((s) -> Choice.of("statuses", s, AccountStatus.class)).toList(),
				(this.arrangements == null) ? List.of()
						: this.arrangements.stream()
							.filter((s) -> !s.isBlank())
							.map((s) -> Choice.of("arrangements", s, ArrangementState.class))
							.toList());
		String who = (this.owner == null) ? "" : this.owner.strip();
		AccountBrowser.Owned owned = switch (who) {
			case "" -> AccountBrowser.Owned.ANY;
			case POOL -> AccountBrowser.Owned.POOLED;
			case OWNED -> AccountBrowser.Owned.OWNED;
			default -> AccountBrowser.Owned.BY_AGENT;
		};
		return new AccountBrowser.Criteria(filters, owned, (owned == AccountBrowser.Owned.BY_AGENT) ? who : null,
				this.team, this.queue);
	}

	/** The agent an owner filter names, if it names one. */
	@Nullable String ownerAgent() {
		String who = (this.owner == null) ? "" : this.owner.strip();
		return (who.isEmpty() || who.equals(POOL) || who.equals(OWNED)) ? null : who;
	}

	BrowseSort browseSort() {
		return Choice.orElse("sort", this.sort, BrowseSort.class, BrowseSort.DPD_DESC);
	}

	/**
	 * The criteria and order as a query string (without the page), to page and sort
	 * through them and to come back to them after an action.
	 */
	String query() {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		add(query, "creditors", this.creditors);
		add(query, "buckets", this.buckets);
		add(query, "dpdMin", this.dpdMin);
		add(query, "dpdMax", this.dpdMax);
		add(query, "balanceMin", this.balanceMin);
		add(query, "balanceMax", this.balanceMax);
		add(query, "languages", this.languages);
		add(query, "regions", this.regions);
		add(query, "statuses", this.statuses);
		if (this.arrangements != null) {
			this.arrangements.stream().filter((s) -> !s.isBlank()).forEach((s) -> query.queryParam("arrangements", s));
		}
		add(query, "owner", this.owner);
		add(query, "team", this.team);
		add(query, "queue", this.queue);
		add(query, "sort", this.sort);
		String text = query.build().encode().getQuery();
		// a plus in a value would be read back as a space
		return (text == null) ? "" : text.replace("+", "%2B");
	}

	/** The query string with another order. */
	String sortedBy(BrowseSort by) {
		BrowseForm other = new BrowseForm(this.creditors, this.buckets, this.dpdMin, this.dpdMax, this.balanceMin,
				this.balanceMax, this.languages, this.regions, this.statuses, this.arrangements, this.owner, this.team,
				this.queue, by.name(), null, null, null, null, null, null);
		return other.query();
	}

	private static void add(UriComponentsBuilder query, String name, @Nullable Object value) {
		if (value != null && !String.valueOf(value).isBlank()) {
			query.queryParam(name, String.valueOf(value).strip());
		}
	}

	private static List<String> list(@Nullable String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

}
