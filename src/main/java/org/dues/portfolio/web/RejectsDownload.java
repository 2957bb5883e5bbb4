package org.dues.portfolio.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.dues.portfolio.imports.AllocationImports;

/**
 * An import's rejected rows as a CSV download, for the API and the import page alike.
 */
final class RejectsDownload {

	private RejectsDownload() {
	}

	static void send(AllocationImports imports, UUID id, HttpServletResponse response) throws IOException {
		imports.summary(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"rejects-" + id + ".csv\"");
		OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		imports.writeRejects(id, writer);
		writer.flush();
	}

}
