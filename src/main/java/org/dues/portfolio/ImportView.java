package org.dues.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import and what it did.
 *
 * @param rowsRead rows read so far (for progress while running)
 * @param errors the rejected rows' problems, by line
 * @param warnings values dropped from accepted rows, by line
 */
public record ImportView(UUID id, String creditorCode, String fileName, String format, @Nullable String mapping,
		ImportStatus status, int rowsTotal, int rowsRead, int rowsCreated, int rowsUpdated, int rowsUnchanged,
		int rowsRejected, @Nullable String message, String createdBy, Instant startedAt, @Nullable Instant finishedAt,
		List<Issue> errors, List<Issue> warnings) {

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
