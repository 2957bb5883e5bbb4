package org.dues.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.system.AccountSelections;
import org.dues.system.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The accounts a bulk send's selector chooses, within the starter's scope: a queue's and
 * the browser's through the browser's own condition (the scope check's, written into the
 * query), a list of ids or an uploaded list checked whole against the same condition. An
 * account outside the scope does not exist for the starter: named by id it is a 404, on
 * an uploaded line it is "no such account", and a queue or filters never find it.
 */
@Component
class BulkAudience {

	private final AccountSelections selections;

	private final Scopes scopes;

	private final Teams teams;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	BulkAudience(AccountSelections selections, Scopes scopes, Teams teams, Accounts accounts, JdbcClient jdbc) {
		this.selections = selections;
		this.scopes = scopes;
		this.teams = teams;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/**
	 * The accounts chosen, each once, in the selector's order.
	 * @throws NotFoundException for an id, a queue, a team or an agent outside the
	 * starter's scope
	 * @throws BulkListRefusedException for an uploaded list with a bad line
	 * @throws InvalidInputException when nothing or more than {@link BulkSends#MOST} are
	 * chosen
	 */
	List<UUID> choose(BulkSelector selector, Authentication starter) {
		List<UUID> chosen = switch (selector) {
			case BulkSelector.Accounts named -> named(named.ids(), starter);
			case BulkSelector.Queue queue -> this.selections.ofQueue(queue.queueId(), starter, BulkSends.MOST + 1);
			case BulkSelector.Selection selection ->
				this.selections.matching(selection.filters(), starter, BulkSends.MOST + 1);
			case BulkSelector.Upload upload -> upload(upload, starter);
		};
		if (chosen.isEmpty()) {
			throw new InvalidInputException("accounts", "the selection holds no account within your scope",
					Phrase.of("validation.bulk.none"));
		}
		if (chosen.size() > BulkSends.MOST) {
			throw new InvalidInputException("accounts", "give 1 to %d accounts".formatted(BulkSends.MOST),
					Phrase.of("validation.bulk.size", BulkSends.MOST));
		}
		return chosen;
	}

	/**
	 * The teams whose people reach a bulk send the starter starts: theirs and those they
	 * lead.
	 */
	UUID[] teamsOf(Authentication starter) {
		Set<UUID> teams = new LinkedHashSet<>(this.teams.teamsOf(starter.getName()));
		Teams.Scope led = led(starter);
		if (!led.all()) {
			teams.addAll(led.teams());
		}
		return teams.toArray(UUID[]::new);
	}

	private List<UUID> named(List<UUID> ids, Authentication starter) {
		List<UUID> distinct = ids.stream().distinct().toList();
		if (distinct.size() > BulkSends.MOST) {
			return distinct;
		}
		List<UUID> outside = outside(distinct, starter);
		if (!outside.isEmpty()) {
			throw new NotFoundException("account", outside.get(0));
		}
		return distinct;
	}

	private List<UUID> upload(BulkSelector.Upload upload, Authentication starter) {
		BulkLists.Read read = BulkLists.read(upload.content(), BulkSends.MOST);
		List<BulkLists.Line> lines = read.lines();
		Set<String> refs = new LinkedHashSet<>();
		Set<UUID> named = new LinkedHashSet<>();
		for (BulkLists.Line line : lines) {
			if (line.id() != null) {
				named.add(line.id());
			}
			else {
				refs.add(line.ref());
			}
		}
		Map<String, List<Accounts.RefMatch>> byRef = new HashMap<>();
		for (Accounts.RefMatch match : this.accounts.byRefs(refs)) {
			byRef.computeIfAbsent(match.accountRef(), (r) -> new ArrayList<>()).add(match);
			named.add(match.id().value());
		}
		Set<UUID> outside = new LinkedHashSet<>(outside(new ArrayList<>(named), starter));
		List<BulkListRefusedException.BadLine> bad = new ArrayList<>(read.bad());
		Map<UUID, Boolean> chosen = new LinkedHashMap<>();
		for (BulkLists.Line line : lines) {
			UUID id = line.id();
			if (id == null) {
				String creditor = (line.creditor() != null) ? line.creditor() : upload.creditor();
				List<Accounts.RefMatch> found = byRef.getOrDefault(line.ref(), List.of())
					.stream()
					.filter((m) -> creditor == null || m.creditorCode().equalsIgnoreCase(creditor.strip()))
					.filter((m) -> !outside.contains(m.id().value()))
					.toList();
				if (found.size() > 1) {
					bad.add(new BulkListRefusedException.BadLine(line.line(), line.said(),
							"%s is an account of %d creditors: name the creditor".formatted(line.ref(), found.size())));
					continue;
				}
				id = found.isEmpty() ? null : found.get(0).id().value();
			}
			if (id == null || outside.contains(id)) {
				bad.add(new BulkListRefusedException.BadLine(line.line(), line.said(), "no such account"));
				continue;
			}
			chosen.put(id, true);
		}
		if (!bad.isEmpty()) {
			bad.sort(java.util.Comparator.comparingLong(BulkListRefusedException.BadLine::line));
			throw new BulkListRefusedException(
					"%d lines of the list are refused; nothing was queued".formatted(bad.size()), bad);
		}
		return List.copyOf(chosen.keySet());
	}

	/** Those of the ids that are no account or lie outside the starter's scope. */
	List<UUID> outside(List<UUID> ids, Authentication starter) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String inScope = this.scopes.accountCondition(starter, "x.id", params);
		params.put("bulkIds", ids.toArray(UUID[]::new));
		return this.jdbc.sql("""
				SELECT x.id FROM unnest(CAST(:bulkIds AS uuid[])) WITH ORDINALITY AS x (id, n)
				LEFT JOIN portfolio_account_facts f ON f.id = x.id
				WHERE f.id IS NULL OR NOT (%s) ORDER BY x.n""".formatted(inScope))
			.params(params)
			.query(UUID.class)
			.list();
	}

	private Teams.Scope led(Authentication user) {
		Set<String> authorities = new java.util.HashSet<>(
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		return this.teams.scopeOf(user.getName(),
				Arrays.stream(Role.values()).filter((r) -> authorities.contains(r.authority())).toList());
	}

}
