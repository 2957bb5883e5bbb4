package org.dues.portfolio.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.portfolio.imports.ImportView;
import org.dues.portfolio.imports.MappingProfiles;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.JobProgress;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload an allocation file, watch it run, read and download its report.
 */
@PageController
class ImportPages {

	private final AllocationImports imports;

	private final Creditors creditors;

	private final MappingProfiles mappings;

	private final JobProgress progress;

	ImportPages(AllocationImports imports, Creditors creditors, MappingProfiles mappings, JobProgress progress) {
		this.imports = imports;
		this.creditors = creditors;
		this.mappings = mappings;
		this.progress = progress;
	}

	@GetMapping("/imports")
	String list(Model model) {
		recent(model);
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("profiles", List.of());
		return "portfolio/imports";
	}

	/**
	 * The recent imports, each running one with its progress: what the Imports page polls
	 * every second while any runs.
	 */
	@GetMapping("/imports/recent")
	String recentImports(Model model) {
		recent(model);
		return "portfolio/imports :: recent";
	}

	private void recent(Model model) {
		List<ImportView> recent = this.imports.recent(20);
		model.addAttribute("imports", recent);
		model.addAttribute("progress",
				this.progress.find(recent.stream()
					.filter((i) -> i.status() == ImportView.ImportStatus.RUNNING)
					.map(ImportView::id)
					.toList()));
		model.addAttribute("anyRunning",
				recent.stream().anyMatch((i) -> i.status() == ImportView.ImportStatus.RUNNING));
	}

	@GetMapping("/imports/mappings")
	String mappingOptions(@RequestParam(required = false) @Nullable String creditor, Model model) {
		List<String> names = (creditor == null || creditor.isBlank()) ? List.of()
				: this.creditors.findByCode(creditor)
					.map((c) -> this.mappings.list(c).stream().map((p) -> p.name()).toList())
					.orElse(List.of());
		model.addAttribute("profiles", names);
		return "portfolio/imports :: mappingOptions";
	}

	@PostMapping("/imports")
	String upload(@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String mapping,
			@RequestParam(required = false) @Nullable MultipartFile file, Authentication user, Model model)
			throws IOException {
		try {
			if (creditor == null || creditor.isBlank()) {
				throw new InvalidInputException("creditor", "choose a creditor");
			}
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a CSV or XLSX file");
			}
			ImportView started;
			try (InputStream in = file.getInputStream()) {
				started = this.imports.start(creditor, file.getOriginalFilename(), in, mapping, user.getName());
			}
			return "redirect:/imports/" + started.id();
		}
		catch (InvalidInputException | NotFoundException ex) {
			model.addAttribute("problems", ex instanceof InvalidInputException invalid ? invalid.errors()
					: List.of(new InvalidInputException.FieldError("", ex.getMessage())));
			recent(model);
			model.addAttribute("creditors", this.creditors.list());
			model.addAttribute("selectedCreditor", creditor);
			model.addAttribute("profiles", creditor == null ? List.of()
					: this.creditors.findByCode(creditor).map(this::profileNames).orElse(List.of()));
			return "portfolio/imports";
		}
	}

	private List<String> profileNames(CreditorView creditor) {
		return this.mappings.list(creditor).stream().map((p) -> p.name()).toList();
	}

	@GetMapping("/imports/{id}")
	String report(@PathVariable @Scoped("import") UUID id, Model model) {
		reportOf(id, model);
		return "portfolio/import";
	}

	/** The report, or while the import runs its progress: polled every second. */
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable @Scoped("import") UUID id, Model model) {
		reportOf(id, model);
		return "portfolio/import :: report";
	}

	private void reportOf(UUID id, Model model) {
		ImportView report = this.imports.get(id);
		model.addAttribute("report", report);
		model.addAttribute("progress",
				(report.status() == ImportView.ImportStatus.RUNNING) ? this.progress.find(id).orElse(null) : null);
	}

	@GetMapping("/imports/{id}/rejects.csv")
	void rejects(@PathVariable @Scoped("import") UUID id, HttpServletResponse response) throws IOException {
		RejectsDownload.send(this.imports, id, response);
	}

}
