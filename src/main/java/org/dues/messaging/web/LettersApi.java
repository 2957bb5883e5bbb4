package org.dues.messaging.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.messaging.letter.LetterView;
import org.dues.messaging.letter.Letters;
import org.dues.messaging.letter.PrintBatches;
import org.dues.portfolio.AccountId;
import org.dues.shared.NotFoundException;
import org.dues.system.Scoped;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters: an account's letters with a link to each PDF, a letter's PDF as printed, and
 * the daily print batches (administrators only) with their PDF and manifest.
 */
@RestController
@Tag(name = "Letters")
class LettersApi {

	private final Letters letters;

	private final PrintBatches batches;

	LettersApi(Letters letters, PrintBatches batches) {
		this.letters = letters;
		this.batches = batches;
	}

	@GetMapping("/api/v1/accounts/{accountId}/letters")
	@Operation(summary = "An account's letters, newest first",
			description = "Each with its template (validation-notice…), language, status (READY for the next print "
					+ "batch, BATCHED, HELD when there is no postal address) and a link to its PDF")
	List<LetterJson> list(@PathVariable @Scoped("account") UUID accountId) {
		return this.letters.ofAccount(new AccountId(accountId)).stream().map(LetterJson::of).toList();
	}

	@GetMapping(path = "/api/v1/letters/{letterId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A letter's PDF as it was printed")
	ResponseEntity<byte[]> pdf(@PathVariable @Scoped("letter") UUID letterId) {
		byte[] pdf = this.letters.pdf(letterId).orElseThrow(() -> new NotFoundException("letter", letterId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("letter-" + letterId + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/api/v1/print-batches")
	@Operation(summary = "The print batches, newest first (administrators)")
	List<PrintBatches.PrintBatchView> batches() {
		return this.batches.list();
	}

	@PostMapping("/api/v1/print-batches")
	@Operation(summary = "Make a print batch of every letter ready now (administrators)",
			description = "Besides the daily run: 201 with the batch, dated `day`; 204 when no letter is ready")
	ResponseEntity<PrintBatches.PrintBatchView> run(@RequestParam LocalDate day) {
		return this.batches.run(day)
			.map((batch) -> ResponseEntity.status(201).body(batch))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/api/v1/print-batches/pdf")
	@Operation(summary = "A print batch's PDF (administrators)")
	ResponseEntity<byte[]> batchPdf(@RequestParam UUID id) {
		return file(this.batches.pdf(id).orElseThrow(() -> new NotFoundException("print batch", id)),
				MediaType.APPLICATION_PDF);
	}

	@GetMapping("/api/v1/print-batches/manifest")
	@Operation(summary = "A print batch's manifest CSV (administrators)")
	ResponseEntity<byte[]> manifest(@RequestParam UUID id) {
		return file(this.batches.manifest(id).orElseThrow(() -> new NotFoundException("print batch", id)),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	private static ResponseEntity<byte[]> file(Path file, MediaType type) {
		try {
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
				.body(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record LetterJson(String id, String template, String language, LocalDate date, String status, int pages,
			Instant createdAt, String pdf) {

		static LetterJson of(LetterView letter) {
			return new LetterJson(letter.id().toString(), letter.template(), letter.language(), letter.letterDate(),
					letter.status(), letter.pages(), letter.createdAt(), "/api/v1/letters/" + letter.id() + "/pdf");
		}

	}

}
