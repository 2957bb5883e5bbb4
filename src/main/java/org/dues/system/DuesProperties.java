package org.dues.system;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dues' own settings; application.properties maps the {@code DUES_*} environment
 * variables of CONTRACTS.md onto them.
 *
 * @param dataDir where the embedded database keeps its files
 * @param database an external PostgreSQL server, when configured
 * @param demo whether to load the demo portfolio into an empty database; unset means
 * "only with the embedded database"
 */
@ConfigurationProperties("dues")
public record DuesProperties(Path dataDir, Database database, @Nullable Boolean demo) {

	public DuesProperties {
		if (dataDir == null) {
			dataDir = Path.of("data");
		}
		if (database == null) {
			database = new Database(null, null, null, null, null, null);
		}
	}

	/**
	 * Connection to an external server; a blank URL means "start an embedded one".
	 *
	 * @param durable whether the embedded server flushes every commit to disk (on unless
	 * a test turns it off for speed)
	 * @param migrationUsername on a configured server, the role that runs the migrations
	 * and owns the tables, when it is not the application's ({@code username})
	 * @param migrationPassword its password
	 */
	public record Database(@Nullable String url, @Nullable String username, @Nullable String password,
			@Nullable Boolean durable, @Nullable String migrationUsername, @Nullable String migrationPassword) {

		public Database {
			if (durable == null) {
				durable = true;
			}
		}

		public boolean external() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
