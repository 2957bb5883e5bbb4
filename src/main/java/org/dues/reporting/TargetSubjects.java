package org.dues.reporting;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;

import org.springframework.stereotype.Component;

/**
 * Whom a target is of: an agent named by username, a team by its id or its name, a
 * creditor by its code; each kept by its canonical id (the username, the team's id, the
 * creditor's code) with the name shown beside it.
 */
@Component
class TargetSubjects {

	private final UserManagement users;

	private final Teams teams;

	private final Creditors creditors;

	TargetSubjects(UserManagement users, Teams teams, Creditors creditors) {
		this.users = users;
		this.teams = teams;
		this.creditors = creditors;
	}

	/**
	 * The subject named, checked.
	 * @throws InvalidInputException naming {@code id} when there is no such agent, team
	 * or creditor, and {@code collected} when a creditor's target names another currency
	 * than the creditor's
	 */
	Subject resolve(TargetScope scope, String key, TargetValues values) {
		Subject subject = find(scope, key).orElseThrow(() -> new InvalidInputException("id", switch (scope) {
			case AGENT -> "there is no agent '%s'".formatted(key);
			case TEAM -> "there is no team '%s'".formatted(key);
			case CREDITOR -> "there is no creditor '%s'".formatted(key);
		}, Phrase.of("target.error.subject." + scope.name(), key)));
		if (scope == TargetScope.CREDITOR) {
			String currency = this.creditors.getByCode(subject.id()).currency().getCurrencyCode();
			for (Money money : values.collected()) {
				if (!money.currencyCode().equals(currency)) {
					throw new InvalidInputException("collected",
							"creditor %s collects in %s, not %s".formatted(subject.id(), currency,
									money.currencyCode()),
							Phrase.of("target.error.creditorCurrency", subject.id(), currency, money.currencyCode()));
				}
			}
		}
		return subject;
	}

	/** The subject, if it exists. */
	Optional<Subject> find(TargetScope scope, String key) {
		String clean = key.strip();
		return switch (scope) {
			case AGENT -> this.users.find(clean)
				.filter((u) -> u.has(Role.AGENT))
				.map((u) -> new Subject(u.username(), u.displayName()));
			case TEAM -> this.teams.all()
				.stream()
				.filter((t) -> t.id().toString().equalsIgnoreCase(clean) || t.name().equalsIgnoreCase(clean))
				.findFirst()
				.map((t) -> new Subject(t.id().toString(), t.name()));
			case CREDITOR ->
				this.creditors.findByCode(clean.toUpperCase(Locale.ROOT)).map((c) -> new Subject(c.code(), c.name()));
		};
	}

	/** The name of a subject kept by its canonical id (the id itself if it is gone). */
	String name(TargetScope scope, String id) {
		return find(scope, id).map(Subject::name).orElse(id);
	}

	/** The creditor, for a creditor's target. */
	CreditorView creditor(String code) {
		return this.creditors.getByCode(code);
	}

	/** The members of a team kept by its id. */
	java.util.List<String> members(String team) {
		return this.teams.get(UUID.fromString(team)).members();
	}

	/** A target's subject: its canonical id and its name. */
	record Subject(String id, String name) {
	}

}
