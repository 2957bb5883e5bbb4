package org.dues.work.web;

import java.util.List;
import java.util.UUID;

import org.dues.shared.Choice;
import org.dues.work.AccountBrowser;
import org.dues.work.BrowseQuery;
import org.dues.work.BrowseSort;
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
	static final String POOL = BrowseQuery.POOL;

	/** The {@code owner} of accounts some agent owns. */
	static final String OWNED = BrowseQuery.OWNED;

	/** The criteria the form states. */
	AccountBrowser.Criteria criteria() {
		return browse().criteria();
	}

	/** The form's filters as the browser's query, which other pages act on too. */
	BrowseQuery browse() {
		return new BrowseQuery(this.creditors, this.buckets, this.dpdMin, this.dpdMax, this.balanceMin, this.balanceMax,
				this.languages, this.regions, this.statuses, this.arrangements, this.owner, this.team, this.queue);
	}

	/** The agent an owner filter names, if it names one. */
	@Nullable String ownerAgent() {
		return browse().ownerAgent();
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

}
