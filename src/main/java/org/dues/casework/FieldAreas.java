package org.dues.casework;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field agents' areas (the PIN or ZIP codes each covers, set by a lead or manager)
 * and the papers an agent carries on a visit: the creditor's or agency's letter of
 * authorisation and an identity card, each with its expiry (the RBI's directions on
 * recovery agents require both to be current; the recovery-agent certificate is
 * identity's).
 */
@Service
public class FieldAreas {

	/** A PIN, ZIP or postcode, or the beginning of one followed by {@code *}. */
	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9]{2,10}\\*?");

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Clock clock;

	FieldAreas(JdbcClient jdbc, UserManagement users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/** Every enabled field agent with their area and papers, by name. */
	public List<FieldAgentView> agents() {
		List<UserManagement.UserView> agents = this.users.withRole(Role.FIELD_AGENT);
		Map<String, Row> rows = rows(agents.stream().map(UserManagement.UserView::username).toList());
		return agents.stream().map((u) -> view(u, rows.get(u.username()))).toList();
	}

	/** A field agent's area and papers. */
	public Optional<FieldAgentView> agent(String username) {
		return this.users.find(username)
			.filter((u) -> u.enabled() && u.has(Role.FIELD_AGENT))
			.map((u) -> view(u, rows(List.of(username)).get(username)));
	}

	/**
	 * Sets a field agent's area and papers (a lead's or manager's decision).
	 * @throws NotFoundException if there is no such enabled field agent
	 * @throws InvalidInputException if a code is not one, or a paper's number comes
	 * without its expiry
	 */
	@Transactional
	public FieldAgentView set(String username, List<String> postalCodes, @Nullable String authorisationNumber,
			@Nullable LocalDate authorisationExpiresOn, @Nullable String idCardNumber,
			@Nullable LocalDate idCardExpiresOn, String by) {
		if (agent(username).isEmpty()) {
			throw new NotFoundException("field agent", username);
		}
		List<String> codes = codes(postalCodes);
		String authorisation = paper("authorisationNumber", authorisationNumber, authorisationExpiresOn,
				"authorisationExpiresOn");
		String card = paper("idCardNumber", idCardNumber, idCardExpiresOn, "idCardExpiresOn");
		this.jdbc.sql("""
				INSERT INTO casework_field_agents (username, postal_codes, authorisation_number,
				    authorisation_expires_on, id_card_number, id_card_expires_on, updated_at, updated_by)
				VALUES (:username, :codes, :authorisation, :authorisationExpires, :card, :cardExpires, :now, :by)
				ON CONFLICT (username) DO UPDATE SET postal_codes = EXCLUDED.postal_codes,
				    authorisation_number = EXCLUDED.authorisation_number,
				    authorisation_expires_on = EXCLUDED.authorisation_expires_on,
				    id_card_number = EXCLUDED.id_card_number, id_card_expires_on = EXCLUDED.id_card_expires_on,
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("username", username)
			.param("codes", codes.toArray(String[]::new))
			.param("authorisation", authorisation)
			.param("authorisationExpires", (authorisation == null) ? null : authorisationExpiresOn)
			.param("card", card)
			.param("cardExpires", (card == null) ? null : idCardExpiresOn)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
		return agent(username).orElseThrow();
	}

	/**
	 * The codes as stored: upper case, no spaces, each once; a code is 2 to 10 letters or
	 * digits, optionally followed by {@code *}.
	 */
	static List<String> codes(@Nullable List<String> given) {
		List<String> codes = new ArrayList<>();
		for (String raw : (given == null) ? List.<String>of() : given) {
			if (raw == null || raw.isBlank()) {
				continue;
			}
			String code = raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
			if (!CODE.matcher(code).matches()) {
				throw new InvalidInputException("postalCodes",
						"'%s' is not a postal code (2 to 10 letters or digits, or their beginning and *)"
							.formatted(raw));
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		if (codes.size() > 500) {
			throw new InvalidInputException("postalCodes", "at most 500 codes per agent");
		}
		return List.copyOf(codes);
	}

	/** A postal code as stored and matched: no spaces, upper case. */
	static @Nullable String normalise(@Nullable String postalCode) {
		return (postalCode == null || postalCode.isBlank()) ? null
				: postalCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Whether an area's entry covers the postal code. */
	static boolean matches(String entry, String postalCode) {
		String code = normalise(postalCode);
		if (code == null) {
			return false;
		}
		return entry.endsWith("*") ? code.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(code);
	}

	private static @Nullable String paper(String field, @Nullable String number, @Nullable LocalDate expiresOn,
			String expiryField) {
		if (number == null || number.isBlank()) {
			return null;
		}
		if (number.length() > 60) {
			throw new InvalidInputException(field, "must be at most 60 characters");
		}
		if (expiresOn == null) {
			throw new InvalidInputException(expiryField, "is required with the number");
		}
		return number.strip();
	}

	private Map<String, Row> rows(List<String> usernames) {
		return this.jdbc.sql("""
				SELECT username, postal_codes, authorisation_number, authorisation_expires_on, id_card_number,
				    id_card_expires_on
				FROM casework_field_agents WHERE username = ANY(:names)""")
			.param("names", usernames.toArray(String[]::new))
			.query((rs, n) -> new Row(rs.getString(1), strings(rs.getArray(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::username, Function.identity()));
	}

	private static FieldAgentView view(UserManagement.UserView user, @Nullable Row row) {
		return (row == null)
				? new FieldAgentView(user.username(), user.displayName(), List.of(), null, null, null, null)
				: new FieldAgentView(user.username(), user.displayName(), row.codes(), row.authorisation(),
						row.authorisationExpiresOn(), row.card(), row.cardExpiresOn());
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private record Row(String username, List<String> codes, @Nullable String authorisation,
			@Nullable LocalDate authorisationExpiresOn, @Nullable String card, @Nullable LocalDate cardExpiresOn) {
	}

}
