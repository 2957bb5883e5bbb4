package org.dues.system;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds one kind of record for the scope check. The module that owns the record
 * implements it over its own tables and registers it as a bean; {@link Scopes} asks it
 * for the record that a {@link Scoped} path variable, or a request body, names.
 */
public interface RecordLocator {

	/** The kind, as {@link Scoped#value()} names it: {@code account}, {@code payment}… */
	String kind();

	/**
	 * Where the record lies.
	 * @param key the record's id or reference as the caller gave it (possibly malformed)
	 * @param context the other path variables of the request (a creditor's code beside an
	 * account reference)
	 * @return empty when there is no such record
	 */
	Optional<RecordReach> locate(String key, Map<String, String> context);

	/** A locator of {@code kind} that looks the key up with {@code lookup}. */
	static RecordLocator of(String kind, BiFunction<String, Map<String, String>, Optional<RecordReach>> lookup) {
		return new RecordLocator() {
			@Override
			public String kind() {
				return kind;
			}

			@Override
			public Optional<RecordReach> locate(String key, Map<String, String> context) {
				return lookup.apply(key, context);
			}
		};
	}

	/**
	 * A locator of {@code kind} whose key is a UUID that {@code sql} (with the parameter
	 * {@code :id}) turns into the one id, an account's or a team's, that {@code reach}
	 * places it by.
	 */
	static RecordLocator byId(String kind, JdbcClient jdbc, String sql, Function<UUID, RecordReach> reach) {
		return of(kind,
				(key, context) -> uuid(key).flatMap((id) -> jdbc.sql(sql).param("id", id).query(UUID.class).optional())
					.map(reach));
	}

	/** The key as a UUID, or empty when it cannot be one (so no such record exists). */
	static Optional<UUID> uuid(String key) {
		try {
			return (key.length() == 36) ? Optional.of(UUID.fromString(key)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
