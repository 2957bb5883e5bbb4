package org.dues.compliance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Every anchor ever written, one JSON line each, appended to an owner-only file beside
 * the anchor ({@code audit-anchor-history.jsonl}), so that an older anchor file put back
 * over the current one shows against the history's last line. It lives beside the anchor
 * and can be cut by whoever can cut the anchor; an external witness (the
 * {@code dues.audit.anchor} log shipped to a store with retention) is what an attacker on
 * this host cannot reach.
 */
final class AuditAnchorHistory {

	/** The longest line read back: an anchor is about 500 characters. */
	private static final int TAIL = 8192;

	private final Path file;

	AuditAnchorHistory(Path anchorFile) {
		String name = anchorFile.getFileName().toString();
		String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
		this.file = anchorFile.toAbsolutePath().resolveSibling(stem + "-history.jsonl");
	}

	Path file() {
		return this.file;
	}

	boolean exists() {
		return Files.exists(this.file);
	}

	/** Appends a line and forces it to disk. */
	void append(String line) {
		try {
			if (!Files.exists(this.file)) {
				try {
					Files.createFile(this.file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				catch (UnsupportedOperationException ex) {
					Files.createFile(this.file);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// another node made it meanwhile
				}
			}
			Files.writeString(this.file, line + "\n", StandardOpenOption.APPEND, StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot append to the audit anchor history " + this.file, ex);
		}
	}

	/** The last line, if the file holds one. */
	Optional<String> last() {
		if (!Files.exists(this.file)) {
			return Optional.empty();
		}
		try (RandomAccessFile raf = new RandomAccessFile(this.file.toFile(), "r")) {
			long length = raf.length();
			int size = (int) Math.min(length, TAIL);
			byte[] tail = new byte[size];
			raf.seek(length - size);
			raf.readFully(tail);
			String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
			for (int i = lines.length - 1; i >= 0; i--) {
				if (!lines[i].isBlank()) {
					return Optional.of(lines[i].strip());
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit anchor history " + this.file, ex);
		}
	}

}
