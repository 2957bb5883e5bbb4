package org.dues.reporting.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.Creditors;
import org.dues.reporting.GroupBy;
import org.dues.reporting.ReportFilter;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A report request's parameters read into a {@link ReportFilter} with the reader's scope
 * (design invariant 8): managers, compliance officers and administrators read the whole
 * floor; a team lead the agents of the teams they lead, and a team or agent outside them
 * does not exist (404). Each bad parameter gets an error naming it.
 */
@Component
class ReportReader {

	private final Creditors creditors;

	private final Teams teams;

	ReportReader(Creditors creditors, Teams teams) {
		this.creditors = creditors;
		this.teams = teams;
	}

	/** The filters of a request. */
	record Params(@Nullable String from, @Nullable String to, @Nullable String creditor, @Nullable String product,
			@Nullable String bucket, @Nullable String team, @Nullable String agent, @Nullable String queue,
			@Nullable String region, @Nullable String language) {
	}

	ReportFilter filter(Params p, Authentication user) {
		LocalDate from = date("from", p.from());
		LocalDate to = date("to", p.to());
		return filter(from, to, p, user);
	}

	ReportFilter filter(LocalDate from, LocalDate to, Params p, Authentication user) {
		UUID creditor = null;
		if (present(p.creditor())) {
			creditor = this.creditors.findByCode(p.creditor().strip())
				.orElseThrow(() -> new InvalidInputException("creditor",
						"there is no creditor '%s'".formatted(p.creditor().strip())))
				.id()
				.value();
		}
		UUID team = present(p.team()) ? uuid("team", p.team()) : null;
		UUID queue = present(p.queue()) ? uuid("queue", p.queue()) : null;
		Set<String> within = null;
		Teams.Scope scope = scope(user);
		if (scope != null) {
			within = scope.members();
			if (team != null && !scope.coversTeam(team)) {
				throw new NotFoundException("team", team);
			}
			if (present(p.agent()) && !within.contains(p.agent().strip())) {
				throw new NotFoundException("agent", p.agent().strip());
			}
		}
		return new ReportFilter(from, to, creditor, text(p.product()), text(p.bucket()), team, text(p.agent()), queue,
				text(p.region()), (p.language() == null) ? null : text(p.language().toLowerCase(Locale.ROOT)), within);
	}

	/** The scope of a team lead, or null for a reader who answers for everyone. */
	private Teams.@Nullable Scope scope(Authentication user) {
		Set<Role> roles = Asker
			.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
			.roles();
		if (roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN) || roles.contains(Role.COMPLIANCE)) {
			return null;
		}
		return this.teams.scopeOf(user.getName(), roles);
	}

	static GroupBy groupBy(@Nullable String value, GroupBy otherwise) {
		if (!present(value)) {
			return otherwise;
		}
		try {
			return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("groupBy",
					"must be one of day, week, month, agent, team, creditor, bucket, product, region, language");
		}
	}

	static YearMonth month(@Nullable String value) {
		if (!present(value)) {
			throw new InvalidInputException("month", "is required, as yyyy-MM");
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("month", "must be a month as yyyy-MM");
		}
	}

	static LocalDate date(String name, @Nullable String value) {
		if (!present(value)) {
			throw new InvalidInputException(name, "is required, as yyyy-MM-dd");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(name, "must be a date as yyyy-MM-dd");
		}
	}

	private static UUID uuid(String name, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(name, "must be an id");
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return present(value) ? value.strip() : null;
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
