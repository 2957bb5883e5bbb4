package org.dues.compliance;

import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a tag tells about the key that made it: a plain SHA-256 hash that happens to begin
 * with Tink's prefix byte (one hash in 256) is an altered record, not a record made with
 * some other key; a tag of our length with another key id is.
 */
class AuditKeyTests {

	@Test
	void aPlainHashStartingWithThePrefixByteIsAMismatchNotAnotherKey(@TempDir Path dir) {
		AuditKey key = new AuditKey("", dir.resolve("audit-key.json"), true);
		byte[] hash = new byte[32];
		hash[0] = 0x01;
		hash[1] = 0x00;
		hash[2] = (byte) 0xa8;
		hash[3] = 0x37;
		hash[4] = 0x6b;
		String hex = HexFormat.of().formatHex(hash);
		assertThat(AuditKey.keyId(hex)).isNull();
		assertThat(key.check(hex, "text")).isEqualTo(AuditKey.Check.MISMATCH);
	}

	@Test
	void aTagOfOurLengthWithAnotherKeyIdNamesThatKey(@TempDir Path dir) {
		AuditKey key = new AuditKey("", dir.resolve("audit-key.json"), true);
		byte[] tag = new byte[AuditKey.TAG_LENGTH];
		tag[0] = 0x01;
		tag[4] = 0x07;
		String hex = HexFormat.of().formatHex(tag);
		assertThat(AuditKey.keyId(hex)).isEqualTo(7);
		assertThat(key.holds(7)).isFalse();
		assertThat(key.check(hex, "text")).isEqualTo(AuditKey.Check.UNKNOWN_KEY);
	}

}
