package org.dues.portfolio.imports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.DigitGrouping;
import org.dues.portfolio.PlacementParser;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved mapping profiles, chosen by name when a file is uploaded.
 */
@NamedInterface("imports")
@Service
public class MappingProfiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	MappingProfiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Saves a profile for the creditor.
	 * @throws InvalidInputException for an unknown canonical column, a bad date pattern
	 * or a missing name
	 */
	@Transactional
	public MappingProfile save(CreditorView creditor, @Nullable String name, @Nullable Map<String, String> headers,
			@Nullable String dateFormat, @Nullable String grouping) {
		List<FieldError> errors = new ArrayList<>();
		if (name == null || !name.strip().matches("[\\p{L}\\p{N} ._-]{1,64}")) {
			errors.add(new FieldError("name", "must be 1-64 letters, digits, spaces, '.', '_' or '-'"));
		}
		Map<String, String> renames = new LinkedHashMap<>();
		if (headers != null) {
			headers.forEach((from, to) -> {
				String canonical = to == null ? "" : to.strip().toLowerCase(java.util.Locale.ROOT);
				if (!ImportColumns.CANONICAL.contains(canonical)) {
					errors.add(new FieldError("headers." + from,
							"'%s' is not a column of the allocation file".formatted(to)));
				}
				else if (from == null || from.isBlank() || from.length() > 100) {
					errors.add(new FieldError("headers", "a file header must be 1-100 characters"));
				}
				else if (renames.keySet()
					.stream()
					.anyMatch((known) -> ImportColumns.normalize(known).equals(ImportColumns.normalize(from)))) {
					errors.add(new FieldError("headers." + from,
							"'%s' is the same header as another one (case, spaces, '_' and '-' are ignored)"
								.formatted(from)));
				}
				else {
					renames.put(from.strip(), canonical);
				}
			});
		}
		if (dateFormat != null && !dateFormat.isBlank()) {
			try {
				PlacementParser.formatter(dateFormat.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("dateFormat", ex.getMessage() + ", like dd/MM/yyyy"));
			}
		}
		DigitGrouping digits = DigitGrouping.ANY;
		if (grouping != null && !grouping.isBlank()) {
			try {
				digits = DigitGrouping.valueOf(grouping.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("grouping", "must be ANY, INDIAN or WESTERN"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		MappingProfile profile = new MappingProfile(name.strip(), renames,
				dateFormat == null || dateFormat.isBlank() ? null : dateFormat.strip(), digits);
		int saved = this.jdbc
			.sql("""
					INSERT INTO portfolio_mapping_profiles (id, creditor_id, name, headers, date_format, grouping, created_at)
					VALUES (:id, :creditor, :name, CAST(:headers AS jsonb), :dateFormat, :grouping, :now)
					ON CONFLICT (creditor_id, name) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("creditor", creditor.id().value())
			.param("name", profile.name())
			.param("headers", JSON.writeValueAsString(profile.headers()))
			.param("dateFormat", profile.dateFormat())
			.param("grouping", profile.grouping().name())
			.param("now", OffsetDateTime.now(this.clock))
			.update();
		if (saved == 0) {
			throw new ConflictException("a mapping profile named '%s' already exists".formatted(profile.name()));
		}
		return profile;
	}

	/** The creditor's profiles, by name. */
	public List<MappingProfile> list(CreditorView creditor) {
		return this.jdbc.sql("""
				SELECT name, headers::text, date_format, grouping FROM portfolio_mapping_profiles
				WHERE creditor_id = :creditor ORDER BY name""")
			.param("creditor", creditor.id().value())
			.query((rs, n) -> new MappingProfile(rs.getString(1),
					JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() {
					}), rs.getString(3), DigitGrouping.valueOf(rs.getString(4))))
			.list();
	}

	/**
	 * A profile by name, or {@link NotFoundException}; the canonical format when name is
	 * null.
	 */
	public MappingProfile get(CreditorView creditor, @Nullable String name) {
		if (name == null || name.isBlank()) {
			return MappingProfile.CANONICAL;
		}
		Optional<MappingProfile> found = list(creditor).stream()
			.filter((p) -> p.name().equals(name.strip()))
			.findFirst();
		return found.orElseThrow(() -> new NotFoundException("mapping profile", name));
	}

}
