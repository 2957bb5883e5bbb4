package org.dues.work;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.AccountSelections;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The accounts browser's selections for other modules: a queue's pooled accounts and what
 * the browser's filters match, read by the browser's own query (the scope check's rules
 * written into it), with the same checks of the team, queue and agent named as the
 * browser page makes.
 */
@Component
class BrowserSelections implements AccountSelections {

	private final AccountBrowser browser;

	private final Queues queues;

	private final Scopes scopes;

	private final Teams teams;

	BrowserSelections(AccountBrowser browser, Queues queues, Scopes scopes, Teams teams) {
		this.browser = browser;
		this.queues = queues;
		this.scopes = scopes;
		this.teams = teams;
	}

	@Override
	public List<Choice> queues(Authentication reader) {
		return this.queues.all()
			.stream()
			.filter((q) -> this.scopes.reaches(reader, RecordReach.team(q.teamId())))
			.map((q) -> new Choice(q.id(), q.teamName() + " · " + q.name()))
			.toList();
	}

	@Override
	public List<UUID> ofQueue(UUID queue, Authentication reader, int limit) {
		this.scopes.require(reader, "queue", queue);
		Queues.QueueView view = this.queues.get(queue);
		return this.browser.select(
				new AccountBrowser.Criteria(view.filters(), AccountBrowser.Owned.ANY, null, null, queue), reader,
				limit);
	}

	@Override
	public List<UUID> matching(Map<String, List<String>> filters, Authentication reader, int limit) {
		return this.browser.select(criteria(filters, reader), reader, limit);
	}

	@Override
	public long count(Map<String, List<String>> filters, Authentication reader) {
		return this.browser.browse(criteria(filters, reader), BrowseSort.DPD_DESC, 0, reader).total();
	}

	private AccountBrowser.Criteria criteria(Map<String, List<String>> filters, Authentication reader) {
		BrowseQuery query = new BrowseQuery(text(filters, "creditors"), text(filters, "buckets"),
				number(filters, "dpdMin"), number(filters, "dpdMax"), text(filters, "balanceMin"),
				text(filters, "balanceMax"), text(filters, "languages"), text(filters, "regions"),
				text(filters, "statuses"), filters.getOrDefault("arrangements", List.of()), text(filters, "owner"),
				id(filters, "team"), id(filters, "queue"));
		if (query.team() != null) {
			this.scopes.require(reader, "team", query.team());
		}
		if (query.queue() != null) {
			this.scopes.require(reader, "queue", query.queue());
		}
		String agent = query.ownerAgent();
		if (agent != null && !led(reader).covers(agent)) {
			throw new NotFoundException("agent", agent);
		}
		return query.criteria();
	}

	private Teams.Scope led(Authentication user) {
		List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return this.teams.scopeOf(user.getName(),
				java.util.Arrays.stream(Role.values()).filter((r) -> authorities.contains(r.authority())).toList());
	}

	private static @Nullable String text(Map<String, List<String>> filters, String name) {
		List<String> values = filters.get(name);
		return (values == null || values.isEmpty()) ? null : String.join(",", values);
	}

	private static @Nullable Integer number(Map<String, List<String>> filters, String name) {
		String text = text(filters, name);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, "'%s' is not a whole number".formatted(text));
		}
	}

	private static @Nullable UUID id(Map<String, List<String>> filters, String name) {
		String text = text(filters, name);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(name, "'%s' is not an id".formatted(text));
		}
	}

}
