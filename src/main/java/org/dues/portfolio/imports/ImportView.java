package org.dues.portfolio.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * An import and what it did.
 *
 * @param rowsRead rows read, once the import has ended (while it runs, its progress in
 * {@link org.dues.system.JobProgress} counts them)
 * @param errors the rejected rows' problems, by line (the first thousand)
 * @param warnings values dropped from accepted rows, by line (the first thousand)
 * @param errorCount all the problems of rejected rows
 * @param warningCount all the values dropped
 */
@NamedInterface("imports")
public record ImportView(UUID id, String creditorCode, String fileName, String format, @Nullable String mapping,
		ImportStatus status, int rowsTotal, int rowsRead, int rowsCreated, int rowsUpdated, int rowsUnchanged,
		int rowsRejected, @Nullable String message, String createdBy, Instant startedAt, @Nullable Instant finishedAt,
		List<Issue> errors, List<Issue> warnings, int errorCount, int warningCount) {

	/** Accepted rows: created, updated or unchanged. */
	public int rowsAccepted() {
		return this.rowsCreated + this.rowsUpdated + this.rowsUnchanged;
	}

	/** One problem of one row. */
	public record Issue(int row, @Nullable String field, String message) {
	}

	/** Where an import stands. */
	public enum ImportStatus {

		RUNNING, COMPLETED, FAILED

	}

}
