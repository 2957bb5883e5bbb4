package org.dues.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.dues.system.DuesProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the audit key was introduced into the trail: the last record written before it
 * (its sequence number and plain hash; 0 and the genesis hash for a trail that was
 * empty), MACed with the key and kept in a sidecar next to the key
 * ({@code audit-key-boundary.json} beside the key file, or beside the anchor when the key
 * comes from {@code DUES_AUDIT_KEY}). It is written once, when the key is introduced, and
 * never rewritten: an unkeyed record beyond it was written without the key, so a trail
 * rewritten as records "from before the key" is refused even when the anchor is gone.
 */
@Component
class AuditBoundary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final AuditKey key;

	@Autowired
	AuditBoundary(DuesProperties properties, @Value("${dues.audit.key:}") String keyset,
			@Value("${dues.audit.key-file:}") String keyFile, @Value("${dues.audit.anchor-file:}") String anchorFile,
			AuditKey key) {
		this(besideKey(properties, keyset, keyFile, anchorFile), key);
	}

	AuditBoundary(Path file, AuditKey key) {
		this.file = file;
		this.key = key;
	}

	private static Path besideKey(DuesProperties properties, String keyset, String keyFile, String anchorFile) {
		Path dir;
		if (keyset.isBlank()) {
			dir = keyFile.isBlank() ? properties.dataDir() : Path.of(keyFile).toAbsolutePath().getParent();
		}
		else {
			dir = anchorFile.isBlank() ? properties.dataDir() : Path.of(anchorFile).toAbsolutePath().getParent();
		}
		return dir.resolve("audit-key-boundary.json");
	}

	Path file() {
		return this.file;
	}

	/**
	 * The boundary, checked against the key; neither boundary nor problem when absent.
	 */
	Reading read() {
		if (!Files.exists(this.file)) {
			return new Reading(null, null);
		}
		Boundary boundary;
		try {
			boundary = JSON.readValue(Files.readString(this.file), Boundary.class);
		}
		catch (IOException | JacksonException ex) {
			return new Reading(null, "the key boundary %s cannot be read".formatted(this.file.getFileName()));
		}
		return switch (this.key.check(boundary.mac(), boundary.signedText())) {
			case VALID -> new Reading(boundary, null);
			case NO_KEY, UNKNOWN_KEY ->
				new Reading(null, "the key boundary %s cannot be checked with the audit key (%s)"
					.formatted(this.file.getFileName(), this.key.source()));
			case MISMATCH -> new Reading(null, "the key boundary %s has been altered: it no longer matches its MAC"
				.formatted(this.file.getFileName()));
		};
	}

	/** Writes the boundary, owner-only; refuses to replace one that exists. */
	Boundary establish(long seq, String hash, Instant at) {
		Boundary unsigned = new Boundary(seq, hash, at, "");
		Boundary signed = new Boundary(seq, hash, at, this.key.tag(unsigned.signedText()));
		try {
			Files.createDirectories(this.file.toAbsolutePath().getParent());
			Path created;
			try {
				created = Files.createFile(this.file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				created = Files.createFile(this.file);
			}
			Files.writeString(created, JSON.writeValueAsString(signed), StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the audit key boundary " + this.file, ex);
		}
		return signed;
	}

	/**
	 * The last record written before the audit key.
	 *
	 * @param seq its sequence number, 0 when the trail was empty
	 * @param hash its plain SHA-256 hash, the genesis hash when the trail was empty
	 * @param at when the key was introduced
	 * @param mac the tag of the above under the audit key
	 */
	record Boundary(long seq, String hash, Instant at, String mac) {

		String signedText() {
			return JSON.writeValueAsString(List.of("dues-audit-boundary/1", this.seq, this.hash, this.at.toString()));
		}

	}

	/** A boundary as read, or what is wrong with its file. */
	record Reading(@Nullable Boundary boundary, @Nullable String problem) {
	}

}
