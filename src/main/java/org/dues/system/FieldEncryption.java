package org.dues.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive identifiers (national ids) at rest with Tink's deterministic AEAD
 * (AES-256-SIV): the same value under the same key gives the same ciphertext, so a
 * re-imported file is seen to change nothing and a value can be compared without being
 * decrypted; the name of the field is the associated data, so a ciphertext cannot be
 * moved to another field. The keyset comes from {@code DUES_FIELD_KEYSET} (Tink's JSON
 * keyset format, as a secret manager hands it over) or from the file
 * {@code DUES_FIELD_KEYSET_FILE}, by default {@code field-keyset.json} in the data
 * directory, written there (readable by its owner only) on the first start without one.
 * The database never holds the key: a copy of the database without the keyset reveals no
 * identifier.
 */
@Component
public class FieldEncryption {

	private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);

	private final DeterministicAead cipher;

	FieldEncryption(DuesProperties properties, @Value("${dues.field-keyset:}") String keyset,
			@Value("${dues.field-keyset-file:}") String keysetFile) {
		try {
			DeterministicAeadConfig.register();
			KeysetHandle handle = keyset.isBlank()
					? fromFile(keysetFile.isBlank() ? properties.dataDir().resolve("field-keyset.json")
							: Path.of(keysetFile))
					: TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
			this.cipher = handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the field-encryption keyset cannot be used: " + ex.getMessage(), ex);
		}
	}

	private static KeysetHandle fromFile(Path file) throws GeneralSecurityException {
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
			}
			KeysetHandle created = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
			Files.createDirectories(file.toAbsolutePath().getParent());
			// Owner-only, and only if no other instance sharing the directory has just
			// written one: then that one is used.
			try {
				Files.writeString(create(file),
						TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()),
						StandardOpenOption.TRUNCATE_EXISTING);
			}
			catch (FileAlreadyExistsException ex) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
			}
			log.warn("Created the field-encryption keyset {}: keep it safe and with the database's backups; "
					+ "without it the national ids stored cannot be read", file.toAbsolutePath());
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the field-encryption keyset " + file, ex);
		}
	}

	private static Path create(Path file) throws IOException {
		try {
			return Files.createFile(file,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's permissions apply
			return Files.createFile(file);
		}
	}

	/** The value encrypted for the field (a column's name, say). */
	public byte[] encrypt(String value, String field) {
		try {
			return this.cipher.encryptDeterministically(value.getBytes(StandardCharsets.UTF_8),
					field.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt " + field, ex);
		}
	}

	/** The value encrypted for the field, or null. */
	public @Nullable String decrypt(byte @Nullable [] encrypted, String field) {
		if (encrypted == null) {
			return null;
		}
		try {
			return new String(this.cipher.decryptDeterministically(encrypted, field.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot decrypt " + field + ": not encrypted with this keyset", ex);
		}
	}

}
