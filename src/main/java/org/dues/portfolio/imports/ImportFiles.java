package org.dues.portfolio.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dues.system.DuesProperties;
import org.dues.system.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uploaded allocation files, which carry national ids in clear: kept owner-only
 * ({@code 0600} in a {@code 0700} directory, {@code <data dir>/imports}), deleted once
 * the import has failed and its rejects are kept, and otherwise after the retention
 * period ({@code DUES_IMPORT_FILE_RETENTION}, 30 days by default). The import's status,
 * counts, errors and rejects.csv outlive the file.
 */
@Component
class ImportFiles {

	private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);

	private final Path directory;

	private final Duration retention;

	private final JdbcClient jdbc;

	private final ImportRejects rejects;

	private final Clock clock;

	ImportFiles(DuesProperties properties, @Value("${dues.imports.file-retention:P30D}") Duration retention,
			JdbcClient jdbc, ImportRejects rejects, Clock clock) {
		this.directory = properties.dataDir().toAbsolutePath().resolve("imports");
		this.retention = retention;
		this.jdbc = jdbc;
		this.rejects = rejects;
		this.clock = clock;
		try {
			// Files kept by an earlier Dues were readable by every local user.
			if (Files.isDirectory(this.directory)) {
				OwnerOnly.restrict(this.directory);
				try (Stream<Path> files = Files.list(this.directory)) {
					for (Path file : files.toList()) {
						OwnerOnly.restrict(file);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restrict the uploaded files in " + this.directory, ex);
		}
	}

	/** Where the import's file is kept. */
	Path file(UUID id, AllocationFile.Format format) {
		return this.directory.resolve(id + (format == AllocationFile.Format.XLSX ? ".xlsx" : ".csv"));
	}

	Path file(ImportView view) {
		return file(view.id(), AllocationFile.Format.valueOf(view.format()));
	}

	/** Keeps an upload's content, owner-only. */
	Path store(UUID id, AllocationFile.Format format, InputStream content) throws IOException {
		OwnerOnly.directory(this.directory);
		Path file = OwnerOnly.createFile(file(id, format));
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
			content.transferTo(out);
		}
		return file;
	}

	/** Writes the import's rejects.csv ({@link ImportRejects#write}). */
	void writeRejects(ImportView view, java.io.Writer out) {
		this.rejects.write(view, file(view), out);
	}

	/**
	 * When an import has ended: its rejects are kept, and the file of a failed one goes.
	 */
	void ended(ImportView view) {
		if (view.status() == ImportView.ImportStatus.RUNNING) {
			return;
		}
		this.rejects.keep(view, file(view));
		if (view.status() == ImportView.ImportStatus.FAILED) {
			delete(view);
		}
	}

	/**
	 * Deletes the files of failed imports and of imports that started before the
	 * retention period, keeping their rejects first, and files that no import refers to
	 * (an upload cut short) as old.
	 * @return the files deleted
	 */
	int purge(AllocationImports imports) {
		Instant cutoff = this.clock.instant().minus(this.retention);
		List<UUID> due = this.jdbc
			.sql("""
					SELECT id FROM portfolio_imports
					WHERE file_deleted_at IS NULL AND status <> 'RUNNING' AND (status = 'FAILED' OR started_at < :cutoff)""")
			.param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.list();
		int deleted = 0;
		for (UUID id : due) {
			ImportView view = imports.summary(id);
			this.rejects.keep(view, file(view));
			deleted += delete(view) ? 1 : 0;
		}
		return deleted + deleteStrays(cutoff);
	}

	private boolean delete(ImportView view) {
		boolean deleted;
		try {
			deleted = Files.deleteIfExists(file(view));
		}
		catch (IOException ex) {
			log.error("Could not delete the uploaded file of import {}", view.id(), ex);
			return false;
		}
		this.jdbc.sql("UPDATE portfolio_imports SET file_deleted_at = :now WHERE id = :id")
			.param("id", view.id())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		return deleted;
	}

	private int deleteStrays(Instant cutoff) {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		Set<String> known = this.jdbc.sql("SELECT id::text FROM portfolio_imports WHERE file_deleted_at IS NULL")
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.toSet());
		int deleted = 0;
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
				if (!known.contains(id) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
						&& Files.deleteIfExists(file)) {
					deleted++;
				}
			}
		}
		catch (IOException ex) {
			log.error("Could not clear old files from {}", this.directory, ex);
		}
		return deleted;
	}

}
