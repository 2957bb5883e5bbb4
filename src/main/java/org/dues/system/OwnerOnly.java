package org.dues.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only the user Dues runs as may read: {@code 0600} files in
 * {@code 0700} directories. On a file system without POSIX permissions (Windows) the
 * directory's access list applies and nothing is changed.
 */
public final class OwnerOnly {

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private OwnerOnly() {
	}

	/**
	 * The directory, created when missing (with its missing parents), made owner-only
	 * when it was not.
	 */
	public static Path directory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory.toAbsolutePath().getParent());
			try {
				Files.createDirectory(directory, attribute(DIRECTORY));
			}
			catch (UnsupportedOperationException ex) {
				Files.createDirectory(directory);
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// made meanwhile by another thread or node: restricted below
			}
		}
		restrict(directory);
		return directory;
	}

	/** A new, empty file only the owner may read and write; replaces one left there. */
	public static Path createFile(Path file) throws IOException {
		Files.deleteIfExists(file);
		try {
			return Files.createFile(file, attribute(FILE));
		}
		catch (UnsupportedOperationException ex) {
			return Files.createFile(file);
		}
	}

	/** Makes an existing file {@code 0600}, or an existing directory {@code 0700}. */
	public static void restrict(Path path) throws IOException {
		try {
			Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : FILE;
			if (!Files.getPosixFilePermissions(path).equals(wanted)) {
				Files.setPosixFilePermissions(path, wanted);
			}
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
		return PosixFilePermissions.asFileAttribute(permissions);
	}

}
