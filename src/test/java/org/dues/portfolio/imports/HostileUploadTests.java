package org.dues.portfolio.imports;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.IntegrationTest;
import org.dues.system.DuesProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads an attacker would send, found by trying the running application: a file name
 * that is only a path, or holds a NUL byte; a workbook of a few megabytes that unpacks to
 * gigabytes (a 3 MB one ran the server out of memory and answered 500) or holds one
 * enormous cell below a header row that maps.
 */
@IntegrationTest
class HostileUploadTests {

	static final byte[] FILE = (HostileImportTests.HEADER + "\nU-1,UC-1,Upload Name,INR,100,0,0,0,\n")
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@Autowired
	DuesProperties properties;

	@Test
	void aFileNameThatIsOnlyAPathIsShownAsUploadCsvAndOneWithAPathKeepsItsLastSegment() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("UPLOAD-1");
		for (String[] names : new String[][] { { "/", "upload.csv" }, { "..", "upload.csv" },
				{ "..\\..\\x.csv", "x.csv" }, { "C:\\Users\\clerk\\May.csv", "May.csv" },
				{ "../../etc/passwd", "passwd" } }) {
			String report = client.importFile("UPLOAD-1", names[0], FILE, null);
			assertThat((String) JsonPath.read(report, "$.fileName")).as(names[0]).isEqualTo(names[1]);
		}
	}

	@Test
	void aFileNameWithANulByteIsRefusedNamingTheFile() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("UPLOAD-2");
		client.upload("UPLOAD-2", "a\u0000b.csv", FILE, null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("its name must not contain control characters " + "(U+0000 at position 2)"));
	}

	@Test
	void aWorkbookThatUnpacksToAHundredTimesItsSizeIsRefusedAndLeavesNoFile() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("UPLOAD-3");
		// 64 MiB of short tags in the second row's name (no long text): about 64 KiB
		// packed
		byte[] bomb = workbookWithName(repeat("<b/>".getBytes(StandardCharsets.UTF_8), 16 << 20));
		assertThat(bomb.length).isLessThan(1 << 20);
		Set<Path> before = uploads();
		client.upload("UPLOAD-3", "bomb.xlsx", bomb, null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("the workbook expands to more than 100 times its size when unpacked; "
						+ "save it again as XLSX or CSV"));
		assertThat(uploads()).isEqualTo(before);
	}

	@Test
	void aWorkbookWithACellLongerThanAMebibyteIsRefused() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("UPLOAD-4");
		// 3 MiB of random letters packs to about 2 MiB: no bomb, but one huge cell
		byte[] name = new byte[3 << 20];
		Random random = new Random(16);
		for (int i = 0; i < name.length; i++) {
			name[i] = (byte) ('a' + random.nextInt(26));
		}
		client.upload("UPLOAD-4", "long.xlsx", workbookWithName(name), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("the workbook holds a cell or value longer than 1 MiB"));
	}

	@Test
	void anOrdinaryWorkbookStillImports() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("UPLOAD-5");
		String report = client.importFile("UPLOAD-5", "fine.xlsx", workbookWithName("Fine Name".getBytes()), null);
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).as(report).isEqualTo(1);
	}

	/**
	 * A workbook written by fastexcel with the header row and one account, whose customer
	 * name is then replaced by {@code name}.
	 */
	static byte[] workbookWithName(byte[] name) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "Dues", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Allocation");
			String[] headers = HostileImportTests.HEADER.split(",");
			Object[] row = { "W-1", "WC-1", "NAME-HERE", "INR", 100, 0, 0, 0 };
			for (int i = 0; i < headers.length; i++) {
				sheet.value(0, i, headers[i]);
			}
			for (int i = 0; i < row.length; i++) {
				if (row[i] instanceof String text) {
					sheet.inlineString(1, i, text);
				}
				else {
					sheet.value(1, i, (Number) row[i]);
				}
			}
		}
		Path written = Files.createTempFile("workbook", ".xlsx");
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try {
			Files.write(written, bytes.toByteArray());
			try (ZipFile in = new ZipFile(written.toFile()); ZipOutputStream out = new ZipOutputStream(packed)) {
				for (ZipEntry entry : Collections.list(in.entries())) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					byte[] part = in.getInputStream(entry).readAllBytes();
					String xml = new String(part, StandardCharsets.UTF_8);
					int at = xml.indexOf("NAME-HERE");
					if (at < 0) {
						out.write(part);
					}
					else {
						out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
						write(out, name);
						out.write(xml.substring(at + "NAME-HERE".length()).getBytes(StandardCharsets.UTF_8));
					}
					out.closeEntry();
				}
			}
		}
		finally {
			Files.delete(written);
		}
		return packed.toByteArray();
	}

	private static void write(OutputStream out, byte[] bytes) throws Exception {
		for (int at = 0; at < bytes.length; at += 1 << 20) {
			out.write(bytes, at, Math.min(1 << 20, bytes.length - at));
		}
	}

	private static byte[] repeat(byte[] pattern, int count) {
		byte[] bytes = new byte[pattern.length * count];
		for (int at = 0; at < bytes.length; at += pattern.length) {
			System.arraycopy(pattern, 0, bytes, at, pattern.length);
		}
		return bytes;
	}

	private Set<Path> uploads() throws Exception {
		Path directory = this.properties.dataDir().toAbsolutePath().resolve("imports");
		if (!Files.isDirectory(directory)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.collect(Collectors.toSet());
		}
	}

}
