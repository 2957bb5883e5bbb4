package org.dues.portfolio.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.portfolio.imports.ImportView;
import org.dues.portfolio.imports.MappingProfile;
import org.dues.portfolio.imports.MappingProfiles;
import org.dues.shared.InvalidInputException;
import org.dues.system.JobProgress;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Allocation-file imports and the mapping profiles they use.
 */
@RestController
@Tag(name = "Imports")
class ImportsApi {

	private final AllocationImports imports;

	private final MappingProfiles mappings;

	private final Creditors creditors;

	private final JobProgress progress;

	ImportsApi(AllocationImports imports, MappingProfiles mappings, Creditors creditors, JobProgress progress) {
		this.imports = imports;
		this.mappings = mappings;
		this.creditors = creditors;
		this.progress = progress;
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an allocation file (CSV or XLSX) and import it in the background",
			description = "202 with the import's id and status; a file whose headers cannot be mapped is refused "
					+ "at once with the missing required columns")
	ResponseEntity<Map<String, Object>> upload(@RequestParam String creditor,
			@RequestParam(required = false) @Nullable String mapping, @RequestPart("file") @Nullable MultipartFile file,
			Authentication user) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "is required: a CSV or XLSX allocation file");
		}
		ImportView started;
		try (InputStream in = file.getInputStream()) {
			started = this.imports.start(creditor, file.getOriginalFilename(), in, mapping, user.getName());
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + started.id()))
			.body(Map.of("id", started.id().toString(), "status", started.status().name()));
	}

	@GetMapping("/api/v1/imports/{id}")
	@Operation(summary = "An import's status, counts, errors and warnings")
	ImportJson get(@PathVariable @Scoped("import") UUID id) {
		ImportView view = this.imports.get(id);
		// while it runs, the rows read so far are in its progress
		long read = (view.status() != ImportView.ImportStatus.RUNNING) ? view.rowsRead()
				: this.progress.find(id).map((p) -> p.count("read")).orElse(0L);
		return ImportJson.of(view, (int) read);
	}

	@GetMapping(path = "/api/v1/imports/{id}/rejects.csv", produces = "text/csv")
	@Operation(summary = "The rejected rows as they came, with a reason column")
	void rejects(@PathVariable @Scoped("import") UUID id, HttpServletResponse response) throws IOException {
		RejectsDownload.send(this.imports, id, response);
	}

	@PostMapping("/api/v1/creditors/{code}/mappings")
	@Operation(summary = "Save a mapping profile for a creditor's files")
	ResponseEntity<MappingProfile> saveMapping(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestBody MappingRequest body, Authentication user) {
		MappingProfile saved = this.mappings.save(this.creditors.getByCode(code), body.name(), body.headers(),
				body.dateFormat(), body.grouping(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/creditors/" + code + "/mappings")).body(saved);
	}

	@GetMapping("/api/v1/creditors/{code}/mappings")
	@Operation(summary = "A creditor's mapping profiles")
	List<MappingProfile> mappings(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code) {
		return this.mappings.list(this.creditors.getByCode(code));
	}

	record MappingRequest(@Nullable String name, @Nullable Map<String, String> headers, @Nullable String dateFormat,
			@Nullable String grouping) {
	}

	record ImportJson(String id, String creditor, String fileName, String format, @Nullable String mapping,
			String status, int rowsTotal, int rowsRead, int rowsAccepted, int rowsCreated, int rowsUpdated,
			int rowsUnchanged, int rowsRejected, @Nullable String message, String createdBy, Instant startedAt,
			@Nullable Instant finishedAt, int errorCount, int warningCount, List<ImportView.Issue> errors,
			List<ImportView.Issue> warnings) {

		static ImportJson of(ImportView v, int rowsRead) {
			return new ImportJson(v.id().toString(), v.creditorCode(), v.fileName(), v.format(), v.mapping(),
					v.status().name(), v.rowsTotal(), rowsRead, v.rowsAccepted(), v.rowsCreated(), v.rowsUpdated(),
					v.rowsUnchanged(), v.rowsRejected(), v.message(), v.createdBy(), v.startedAt(), v.finishedAt(),
					v.errorCount(), v.warningCount(), v.errors(), v.warnings());
		}

	}

}
