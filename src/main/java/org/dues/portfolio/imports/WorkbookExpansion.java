package org.dues.portfolio.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dues.shared.InvalidInputException;

/**
 * A workbook (a ZIP archive of XML parts) is unpacked once before it is read, and refused
 * when it would expand out of proportion: to more than 100 times its size on disk (Apache
 * POI's limit for a part), or with a run of text longer than 1 MiB in an XML part, which
 * the reader would hold in memory as one cell. Without this check a zip bomb of three
 * megabytes expands to gigabytes while its headers are read and runs the server out of
 * memory.
 */
final class WorkbookExpansion {

	/** How many times its size on disk a workbook may expand to. */
	static final long MAX_RATIO = 100;

	/** What any workbook, however small, may expand to. */
	static final long GRACE = 1 << 20;

	/** The longest run of bytes between two tags of an XML part: a cell's text. */
	static final long MAX_TEXT = 1 << 20;

	private WorkbookExpansion() {
	}

	/**
	 * Unpacks every part of the workbook, counting.
	 * @throws InvalidInputException when the workbook expands beyond the limits
	 * @throws IOException when it is not a ZIP archive that can be read
	 */
	static void check(Path workbook) throws IOException {
		long budget = Math.max(Files.size(workbook), 1) * MAX_RATIO + GRACE;
		long inflated = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				boolean xml = entry.getName().endsWith(".xml");
				long text = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						inflated += n;
						if (inflated > budget) {
							throw new InvalidInputException("file",
									"the workbook expands to more than %d times its size when unpacked; save it again as XLSX or CSV"
										.formatted(MAX_RATIO));
						}
						if (xml) {
							text = longestText(buffer, n, text);
						}
					}
				}
			}
		}
	}

	/** The run of text after scanning {@code n} bytes ('<' is one byte in UTF-8). */
	private static long longestText(byte[] buffer, int n, long run) {
		long text = run;
		for (int i = 0; i < n; i++) {
			text = (buffer[i] == '<') ? 0 : text + 1;
			if (text > MAX_TEXT) {
				throw new InvalidInputException("file", "the workbook holds a cell or value longer than 1 MiB");
			}
		}
		return text;
	}

}
