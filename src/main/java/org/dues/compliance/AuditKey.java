package org.dues.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.dues.system.DuesProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit trail's key, kept outside the database: a Tink MAC keyset (HMAC-SHA256) from
 * {@code DUES_AUDIT_KEY} (Tink's JSON keyset format) or the file
 * {@code DUES_AUDIT_KEY_FILE}, by default {@code audit-key.json} in the data directory,
 * created there owner-only on the first start and never overwritten. Each tag starts with
 * the id of the key that made it, so a keyset with a new primary key (rotation) still
 * verifies the records of the old one, and a tag made by a key the keyset lacks is told
 * apart from a tag that does not match.
 *
 * <p>
 * The {@code verify-audit} command never creates a key: without one it reports the
 * records that it cannot check.
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	private static final byte TINK_PREFIX = 0x01;

	/** A tag's length: the five-byte Tink prefix and a 256-bit HMAC-SHA256 tag. */
	static final int TAG_LENGTH = 5 + 32;

	private final @Nullable Mac mac;

	private final Set<Integer> keyIds = new HashSet<>();

	private final String source;

	private final String location;

	private final boolean created;

	private final @Nullable Path file;

	@Autowired
	AuditKey(DuesProperties properties, @Value("${dues.audit.key:}") String keyset,
			@Value("${dues.audit.key-file:}") String keyFile, @Value("${dues.verify-audit:false}") boolean verifyOnly) {
		this(keyset, keyFile.isBlank() ? properties.dataDir().resolve("audit-key.json") : Path.of(keyFile),
				!verifyOnly);
	}

	/**
	 * @param keyset the keyset in Tink's JSON format, or blank to use the file
	 * @param file where the keyset is kept when not given
	 * @param mayCreate whether a missing file is created with a new key
	 */
	AuditKey(String keyset, Path file, boolean mayCreate) {
		try {
			MacConfig.register();
			KeysetHandle handle;
			boolean fresh = false;
			if (!keyset.isBlank()) {
				handle = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
				this.source = "DUES_AUDIT_KEY";
				this.location = this.source;
				this.file = null;
			}
			else {
				this.source = "key file " + file.getFileName();
				this.file = file;
				this.location = file.toAbsolutePath().toString();
				if (Files.exists(file)) {
					handle = read(file);
				}
				else if (mayCreate) {
					handle = create(file);
					fresh = true;
				}
				else {
					handle = null;
				}
			}
			this.created = fresh;
			this.mac = (handle != null) ? handle.getPrimitive(RegistryConfiguration.get(), Mac.class) : null;
			if (handle != null) {
				for (int i = 0; i < handle.size(); i++) {
					this.keyIds.add(handle.getAt(i).getId());
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the audit key (%s) cannot be used: %s"
				.formatted(keyset.isBlank() ? file : "DUES_AUDIT_KEY", ex.getMessage()), ex);
		}
	}

	private static KeysetHandle read(Path file) throws GeneralSecurityException {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit key " + file, ex);
		}
	}

	private static KeysetHandle create(Path file) throws GeneralSecurityException {
		KeysetHandle created = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path written;
			try {
				written = Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				written = Files.createFile(file);
			}
			Files.writeString(written,
					TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()),
					StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance sharing the directory has just written one: use that
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the audit key " + file, ex);
		}
		log.warn("Created the audit key {}: keep it safe, apart from the database's backups; "
				+ "without it the audit trail cannot be verified", file.toAbsolutePath());
		return created;
	}

	/** Whether a key is configured. */
	boolean present() {
		return this.mac != null;
	}

	/** Whether this start created the key (so nothing can have been keyed with it). */
	boolean created() {
		return this.created;
	}

	/** Where the key comes from, for messages that may leave the server: no full path. */
	String source() {
		return this.source;
	}

	/** The key's file, unless the key comes from {@code DUES_AUDIT_KEY}. */
	@Nullable Path file() {
		return this.file;
	}

	/** Where the key comes from, in full, for the operator's log. */
	String location() {
		return this.location;
	}

	/** The tag of the text, in hex, under the primary key. */
	String tag(String text) {
		if (this.mac == null) {
			throw new IllegalStateException("no audit key is configured (" + this.source + ")");
		}
		try {
			return HexFormat.of().formatHex(this.mac.computeMac(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot compute the audit MAC", ex);
		}
	}

	/** Whether the tag is the text's under a key of the keyset; and if not, why. */
	Check check(String hexTag, String text) {
		if (this.mac == null) {
			return Check.NO_KEY;
		}
		byte[] tag;
		try {
			tag = HexFormat.of().parseHex(hexTag);
		}
		catch (IllegalArgumentException ex) {
			return Check.MISMATCH;
		}
		Integer keyId = keyId(tag);
		if (keyId != null && !this.keyIds.contains(keyId)) {
			return Check.UNKNOWN_KEY;
		}
		try {
			this.mac.verifyMac(tag, text.getBytes(StandardCharsets.UTF_8));
			return Check.VALID;
		}
		catch (GeneralSecurityException ex) {
			return Check.MISMATCH;
		}
	}

	/**
	 * The id of the key that made a tag, read from the tag's Tink prefix: only a tag of
	 * the length our keys make (the prefix and a 256-bit MAC) names one, so that a plain
	 * SHA-256 hash which happens to start with the prefix byte (one in 256) reads as an
	 * altered record, not as one made with another key.
	 */
	static @Nullable Integer keyId(byte[] tag) {
		if (tag.length != TAG_LENGTH || tag[0] != TINK_PREFIX) {
			return null;
		}
		return ((tag[1] & 0xff) << 24) | ((tag[2] & 0xff) << 16) | ((tag[3] & 0xff) << 8) | (tag[4] & 0xff);
	}

	/** The id of the key that made a tag given in hex, if it names one. */
	static @Nullable Integer keyId(String hexTag) {
		try {
			return keyId(HexFormat.of().parseHex(hexTag));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Whether the keyset holds the key of this id. */
	boolean holds(int keyId) {
		return this.keyIds.contains(keyId);
	}

	/** The result of checking a tag. */
	enum Check {

		VALID, MISMATCH, UNKNOWN_KEY, NO_KEY

	}

}
