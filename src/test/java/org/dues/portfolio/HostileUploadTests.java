package org.dues.portfolio;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads an attacker would send, found by trying the running application: a file name
 * that is only a path, or holds a NUL byte.
 */
@IntegrationTest
class HostileUploadTests {

	static final byte[] FILE = (HostileImportTests.HEADER + "\nU-1,UC-1,Upload Name,INR,100,0,0,0,\n")
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

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

}
