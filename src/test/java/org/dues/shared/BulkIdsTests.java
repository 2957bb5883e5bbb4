package org.dues.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids made in Java for a bulk write are version 7 UUIDs that carry the clock's
 * millisecond and follow each other in the order they were made, as PostgreSQL compares
 * them.
 */
class BulkIdsTests {

	@Test
	void aSequenceIsTimeOrderedAndConsecutive() {
		Instant at = Instant.parse("2026-12-06T16:00:00.123Z");
		BulkIds.Sequence sequence = BulkIds.sequence(Clock.fixed(at, ZoneOffset.UTC));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(sequence.next());
		}
		assertThat(ids).allSatisfy((id) -> {
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		});
		// PostgreSQL orders uuids by their bytes: as unsigned hex strings
		List<String> text = ids.stream().map(UUID::toString).toList();
		assertThat(text).isSorted().doesNotHaveDuplicates();
		assertThat(ids.get(1).getLeastSignificantBits() - ids.get(0).getLeastSignificantBits()).isEqualTo(1);
		// the next millisecond's ids come after
		UUID later = BulkIds.sequence(Clock.fixed(at.plusMillis(1), ZoneOffset.UTC)).next();
		assertThat(later.toString()).isGreaterThan(text.get(text.size() - 1));
	}

}
