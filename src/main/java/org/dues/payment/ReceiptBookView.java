package org.dues.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A receipt book issued to an agent, with what became of each leaf written on or
 * cancelled; a leaf not listed is unused.
 *
 * @param series the book's series, printed before each leaf's number
 * @param first the first leaf's number
 * @param last the last leaf's number
 */
public record ReceiptBookView(UUID id, String series, int first, int last, String agent, Instant issuedAt,
		String issuedBy, List<Leaf> leaves) {

	/** The number of leaves in the book. */
	public int size() {
		return this.last - this.first + 1;
	}

	public long used() {
		return this.leaves.stream().filter((l) -> l.status() == LeafStatus.USED).count();
	}

	public long cancelled() {
		return this.leaves.stream().filter((l) -> l.status() == LeafStatus.CANCELLED).count();
	}

	public long unused() {
		return size() - this.leaves.size();
	}

	/** What became of a leaf. */
	public enum LeafStatus {

		USED, CANCELLED

	}

	/**
	 * A leaf written on (for a payment) or cancelled (with the reason).
	 *
	 * @param number the leaf as written: {@code SERIES/NUMBER}
	 */
	public record Leaf(String number, LeafStatus status, @Nullable PaymentId payment, @Nullable String reason,
			Instant at, String by) {
	}

}
