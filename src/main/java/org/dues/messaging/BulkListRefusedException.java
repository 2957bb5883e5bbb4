package org.dues.messaging;

import java.util.List;

/**
 * An uploaded list refused whole, naming each bad line and why: nothing is previewed or
 * queued.
 */
public class BulkListRefusedException extends RuntimeException {

	private final List<BadLine> lines;

	public BulkListRefusedException(String message, List<BadLine> lines) {
		super(message);
		this.lines = List.copyOf(lines);
	}

	/** The bad lines, in the file's order. */
	public List<BadLine> lines() {
		return this.lines;
	}

	/**
	 * A bad line.
	 *
	 * @param line the line in the file, the header being line 1 (0 for the file as a
	 * whole)
	 * @param value what the line said
	 * @param reason why it is refused
	 */
	public record BadLine(long line, String value, String reason) {
	}

}
