package org.dues.shared;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys come out in PostgreSQL's order, which is not always Java's natural one. */
class ArrayKeysTests {

	@Test
	void uuidsInPostgresOrderUnsignedNotJavas() {
		UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
		UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
		UUID highLater = UUID.fromString("80000000-0000-0000-8000-000000000000");
		UUID highEarlier = UUID.fromString("80000000-0000-0000-7fff-ffffffffffff");
		// Java compares the halves as signed numbers: 0x8… comes before 0x7…
		assertThat(high.compareTo(low)).isNegative();
		assertThat(ArrayKeys.uuids(List.of(highLater, high, low, highEarlier))).containsExactly(low, high, highEarlier,
				highLater);
	}

	@Test
	void textsInByteOrder() {
		assertThat(ArrayKeys.texts(List.of("b", "B", "a-1", "A", "a", "ക", "क"))).containsExactly("A", "B", "a", "a-1",
				"b", "क", "ക");
	}

}
