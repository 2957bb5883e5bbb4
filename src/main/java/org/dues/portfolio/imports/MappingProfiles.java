package org.dues.portfolio.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.DigitGrouping;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.StaleVersionException;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.AuditedChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
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

	private static final String SELECT = """
			SELECT name, headers::text, date_format, grouping, version, changed_at, changed_by
			FROM portfolio_mapping_profiles WHERE creditor_id = :creditor""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MappingProfiles(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Saves a new profile for the creditor.
	 * @throws InvalidInputException for an unknown canonical column, a bad date pattern
	 * or a missing name
	 * @throws ConflictException when the creditor has a profile of that name
	 */
	@Transactional
	public MappingProfile save(CreditorView creditor, @Nullable String name, @Nullable Map<String, String> headers,
			@Nullable String dateFormat, @Nullable String grouping, String by) {
		MappingProfile profile = check(name, headers, dateFormat, grouping);
		int saved = this.jdbc
			.sql("""
					INSERT INTO portfolio_mapping_profiles (id, creditor_id, name, headers, date_format, grouping, created_at,
					    changed_at, changed_by)
					VALUES (:id, :creditor, :name, CAST(:headers AS jsonb), :dateFormat, :grouping, :now, :now, :by)
					ON CONFLICT (creditor_id, name) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("creditor", creditor.id().value())
			.param("name", profile.name())
			.param("headers", JSON.writeValueAsString(profile.headers()))
			.param("dateFormat", profile.dateFormat())
			.param("grouping", profile.grouping().name())
			.param("now", OffsetDateTime.now(this.clock))
			.param("by", by)
			.update();
		if (saved == 0) {
			throw new ConflictException("a mapping profile named '%s' already exists".formatted(profile.name()));
		}
		this.events.publishEvent(new AuditedChange(by, "MAPPING_PROFILE_CREATED", subject(creditor, profile.name()),
				Map.of("after", details(profile))));
		return profile;
	}

	/**
	 * Changes a saved profile (its name too), as edited on the version given.
	 * @throws InvalidInputException as {@link #save} does
	 * @throws ConflictException when the new name is another profile's
	 * @throws StaleVersionException when the profile is no longer at {@code version}
	 * @throws NotFoundException for an unknown profile
	 */
	@Transactional
	public MappingProfile update(CreditorView creditor, String original, int version, @Nullable String name,
			@Nullable Map<String, String> headers, @Nullable String dateFormat, @Nullable String grouping, String by) {
		MappingProfile profile = check(name, headers, dateFormat, grouping);
		SavedProfile before = this.jdbc.sql(SELECT + " AND name = :name FOR UPDATE")
			.param("creditor", creditor.id().value())
			.param("name", original)
			.query(MappingProfiles::saved)
			.optional()
			.orElseThrow(() -> new NotFoundException("mapping profile", original));
		if (before.version() != version) {
			throw new StaleVersionException("the mapping profile '%s'".formatted(original), before.version());
		}
		if (!profile.name().equals(original) && this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM portfolio_mapping_profiles WHERE creditor_id = :creditor AND name = :name)")
			.param("creditor", creditor.id().value())
			.param("name", profile.name())
			.query(Boolean.class)
			.single()) {
			throw new ConflictException("a mapping profile named '%s' already exists".formatted(profile.name()));
		}
		this.jdbc.sql("""
				UPDATE portfolio_mapping_profiles SET name = :name, headers = CAST(:headers AS jsonb),
				    date_format = :dateFormat, grouping = :grouping, version = version + 1, changed_at = :now,
				    changed_by = :by
				WHERE creditor_id = :creditor AND name = :original""")
			.param("creditor", creditor.id().value())
			.param("original", original)
			.param("name", profile.name())
			.param("headers", JSON.writeValueAsString(profile.headers()))
			.param("dateFormat", profile.dateFormat())
			.param("grouping", profile.grouping().name())
			.param("now", OffsetDateTime.now(this.clock))
			.param("by", by)
			.update();
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("before", details(before.profile()));
		changed.put("after", details(profile));
		this.events
			.publishEvent(new AuditedChange(by, "MAPPING_PROFILE_CHANGED", subject(creditor, original), changed));
		return profile;
	}

	/**
	 * A profile as given, checked: the name, each header's canonical column, the date
	 * pattern and the grouping.
	 * @throws InvalidInputException naming each bad field
	 */
	public MappingProfile check(@Nullable String name, @Nullable Map<String, String> headers,
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
		return new MappingProfile(Objects.requireNonNull(name).strip(), renames,
				dateFormat == null || dateFormat.isBlank() ? null : dateFormat.strip(), digits);
	}

	/** The creditor's profiles with their versions, by name. */
	public List<SavedProfile> saved(CreditorView creditor) {
		return this.jdbc.sql(SELECT + " ORDER BY name")
			.param("creditor", creditor.id().value())
			.query(MappingProfiles::saved)
			.list();
	}

	/** The columns of the allocation file a profile maps headers onto, in their order. */
	public static List<String> columns() {
		return ImportColumns.CANONICAL;
	}

	/** The columns every file must have. */
	public static List<String> required() {
		return ImportColumns.REQUIRED;
	}

	/** The creditor's profiles, by name. */
	public List<MappingProfile> list(CreditorView creditor) {
		return saved(creditor).stream().map(SavedProfile::profile).toList();
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

	private static SavedProfile saved(ResultSet rs, int n) throws SQLException {
		OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
		return new SavedProfile(
				new MappingProfile(rs.getString(1), JSON.readValue(rs.getString(2), HEADERS), rs.getString(3),
						DigitGrouping.valueOf(rs.getString(4))),
				rs.getInt("version"), (changed == null) ? null : changed.toInstant(), rs.getString("changed_by"));
	}

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static String subject(CreditorView creditor, String name) {
		return "mapping-profile:" + creditor.code() + "/" + name;
	}

	private static Map<String, Object> details(MappingProfile profile) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", profile.name());
		details.put("headers", new TreeMap<>(profile.headers()));
		details.put("dateFormat", profile.dateFormat());
		details.put("grouping", profile.grouping().name());
		return details;
	}

	/**
	 * A saved profile with its version, raised by every change.
	 *
	 * @param changedAt when it was last created or changed, null before versions were
	 * kept
	 */
	@NamedInterface("imports")
	public record SavedProfile(MappingProfile profile, int version, @Nullable Instant changedAt,
			@Nullable String changedBy) {
	}

}
