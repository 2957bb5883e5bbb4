package org.dues.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkIdsTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:15:30.123Z"), ZoneOffset.UTC);

	@Test
	void prefixesMakeVersion7IdsWithTheClocksMillisecond() {
		UUID id = UUID.fromString(BulkIds.prefix(this.clock) + "00000000002a");
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(this.clock.millis());
		assertThat(id.getLeastSignificantBits() & 0xFFFF_FFFF_FFFFL).isEqualTo(42);
	}

	@Test
	void everyStatementGetsItsOwnPrefix() {
		Set<String> prefixes = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			prefixes.add(BulkIds.prefix(this.clock));
		}
		assertThat(prefixes).hasSizeGreaterThan(995);
	}

	@Test
	void writesTheSqlOfAnId() {
		assertThat(BulkIds.sql("ids", "s.line"))
			.isEqualTo("CAST(:ids || lpad(to_hex(CAST(s.line AS bigint)), 12, '0') AS uuid)");
	}

}
