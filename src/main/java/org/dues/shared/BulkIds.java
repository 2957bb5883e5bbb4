package org.dues.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Time-ordered (version 7) UUIDs for rows written in bulk by one SQL statement, made in
 * the database from a prefix and a counter instead of a random source per row (which
 * costs PostgreSQL more than a microsecond a row). The prefix holds the clock's
 * millisecond and 26 random bits, fresh for every statement; the last 48 bits are a
 * number unique within the statement (a file line, say). Consecutive rows get consecutive
 * keys, which land on the same index pages. RFC 9562 allows a counter in place of random
 * bits; like every UUIDv7 these keys are unique, not secret.
 */
public final class BulkIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private BulkIds() {
	}

	/**
	 * A prefix for one statement: {@code tttttttt-tttt-7rrr-vrrr-}.
	 */
	public static String prefix(Clock clock) {
		long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
		int random = RANDOM.nextInt(1 << 26);
		String time = HexFormat.of().toHexDigits(millis).substring(4);
		String randA = HexFormat.of().toHexDigits((short) (0x7000 | (random >>> 14)));
		String randB = HexFormat.of().toHexDigits((short) (0x8000 | (random & 0x3FFF)));
		return time.substring(0, 8) + "-" + time.substring(8) + "-" + randA + "-" + randB + "-";
	}

	/**
	 * The SQL expression of the id numbered {@code counter} (an SQL expression of a
	 * non-negative integer below 2^48) under the prefix bound as {@code :parameter}.
	 */
	public static String sql(String parameter, String counter) {
		return "CAST(:%s || lpad(to_hex(CAST(%s AS bigint)), 12, '0') AS uuid)".formatted(parameter, counter);
	}

	/**
	 * Time-ordered ids made in Java for one bulk write (a {@code COPY}, say): the same
	 * layout as {@link #prefix}, numbered 0, 1, 2… in the order asked for.
	 */
	public static Sequence sequence(Clock clock) {
		int random = RANDOM.nextInt(1 << 26);
		long msb = ((clock.millis() & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | (random >>> 14);
		long lsb = (0x8000L | (random & 0x3FFF)) << 48;
		return new Sequence(msb, lsb);
	}

	/** Consecutive time-ordered ids under one prefix; not thread-safe. */
	public static final class Sequence {

		private final long msb;

		private final long lsb;

		private long next;

		private Sequence(long msb, long lsb) {
			this.msb = msb;
			this.lsb = lsb;
		}

		/** The next id. */
		public java.util.UUID next() {
			if (this.next >= (1L << 48)) {
				throw new IllegalStateException("more than 2^48 ids under one prefix");
			}
			return new java.util.UUID(this.msb, this.lsb | this.next++);
		}

	}

}
