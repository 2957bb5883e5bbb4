package org.dues.portfolio.imports;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads allocation files through the API as the administrator and waits for reports.
 */
final class ImportClient {

	private final MockMvc mvc;

	ImportClient(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** Waits (up to 10 s) for an import started in-process to finish, and returns it. */
	static ImportView await(AllocationImports imports, UUID id) throws InterruptedException {
		for (int i = 0; i < 400; i++) {
			ImportView view = imports.get(id);
			if (view.status() != ImportView.ImportStatus.RUNNING) {
				return view;
			}
			Thread.sleep(25);
		}
		throw new AssertionError("import did not finish");
	}

	/**
	 * Creates an Indian lender (INR, Asia/Kolkata) through the API as the administrator.
	 */
	String creditor(String code) throws Exception {
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("""
						{"code": "%s", "name": "Kerala NBFC", "country": "IN", "currency": "INR", "jurisdiction": "IN",
						 "timeZone": "Asia/Kolkata"}""".formatted(code)))
			.andExpect(status().isCreated());
		return code;
	}

	ResultActions upload(String creditor, String name, byte[] content, @Nullable String mapping, @Nullable String key)
			throws Exception {
		var request = multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "text/csv", content))
			.param("creditor", creditor)
			.with(httpBasic("admin", "admin-secret"));
		if (mapping != null) {
			request.param("mapping", mapping);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.mvc.perform(request);
	}

	/** Uploads, waits for the import to finish and returns its report (JSON). */
	String importFile(String creditor, String name, byte[] content, @Nullable String mapping) throws Exception {
		String id = JsonPath.read(upload(creditor, name, content, mapping, null).andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("RUNNING"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		for (int i = 0; i < 300; i++) {
			String report = this.mvc.perform(get("/api/v1/imports/" + id).with(httpBasic("admin", "admin-secret")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!"RUNNING".equals(JsonPath.read(report, "$.status"))) {
				return report;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

}
