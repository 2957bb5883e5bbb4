package org.dues.payment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.payment.PaymentId;
import org.dues.payment.ReceiptBookView;
import org.dues.payment.ReceiptBooks;
import org.dues.payment.ReceiptDocuments;
import org.dues.portfolio.AccountId;
import org.dues.system.Actor;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.CONTROLS;
import static org.dues.shared.validation.Keys.LENGTH;
import static org.dues.shared.validation.Keys.NO_CONTROLS;
import static org.dues.shared.validation.Keys.REQUIRED;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts: a payment's receipt as PDF in the customer's language, and the receipt books
 * issued to field agents for cash and cheques.
 */
@RestController
@Tag(name = "Receipts")
class ReceiptsApi {

	private final ReceiptDocuments documents;

	private final ReceiptBooks books;

	ReceiptsApi(ReceiptDocuments documents, ReceiptBooks books) {
		this.documents = documents;
		this.books = books;
	}

	@GetMapping(path = "/api/v1/payments/{paymentId}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A payment's receipt as PDF, in the customer's language",
			description = "A reversed payment keeps its receipt, marked REVERSED/CANCELLED with the reason",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
					schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> receipt(@PathVariable @Scoped("payment") UUID paymentId) {
		return pdf(this.documents.of(new PaymentId(paymentId)));
	}

	@GetMapping(path = "/api/v1/accounts/{accountId}/payments/{paymentId}/receipt",
			produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A payment's receipt as PDF, by its account", responses = @ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> receipt(@PathVariable @Scoped("account") UUID accountId,
			@PathVariable @Scoped("payment") UUID paymentId) {
		return pdf(this.documents.of(new AccountId(accountId), new PaymentId(paymentId)));
	}

	static ResponseEntity<byte[]> pdf(ReceiptDocuments.Document document) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(document.fileName()).build().toString())
			.header(HttpHeaders.CONTENT_LANGUAGE, document.language())
			.body(document.pdf());
	}

	@PostMapping("/api/v1/receipt-books")
	@Operation(summary = "Issue a receipt book to an agent (team leads, managers, administrators)",
			description = "201 with the book; 409 when a leaf of the range is in a book already issued")
	ResponseEntity<BookJson> issue(@RequestBody @Valid BookRequest body, Authentication user) {
		ReceiptBookView book = this.books.issue(body.series(), body.first(), body.last(), body.agent(), Actor.of(user));
		return ResponseEntity.status(201).body(BookJson.of(book));
	}

	@GetMapping("/api/v1/receipt-books")
	@Operation(summary = "Receipt books, newest first",
			description = "An agent sees their own; leads, managers and administrators anyone's, or the agent's named")
	List<BookJson> list(@RequestParam(required = false) @Nullable String agent, Authentication user) {
		return this.books.list(agent, Actor.of(user)).stream().map(BookJson::of).toList();
	}

	@PostMapping("/api/v1/receipt-books/leaves/cancellation")
	@Operation(summary = "Cancel an unused leaf (spoilt, lost) with the reason; it is never used",
			description = "The book's agent, or a lead, manager or administrator; 409 when it was used or cancelled")
	BookJson cancel(@RequestBody @Valid CancelRequest body, Authentication user) {
		return BookJson.of(this.books.cancel(body.leaf(), body.reason(), Actor.of(user)));
	}

	record BookRequest(
			@NotBlank(message = REQUIRED) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,19}",
					message = "must be 1 to 20 capital letters, digits or '-'") @Nullable String series,
			@NotNull(message = REQUIRED) @Nullable Integer first, @NotNull(message = REQUIRED) @Nullable Integer last,
			@NotBlank(message = REQUIRED) @Size(max = 100, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
					message = CONTROLS) @Nullable String agent) {
	}

	record CancelRequest(
			@Schema(description = "The leaf as SERIES/NUMBER, like KL-A/4501") @NotBlank(message = REQUIRED) @Size(
					max = 40, message = LENGTH) @Nullable String leaf,
			@NotBlank(message = REQUIRED) @Size(max = 500, message = LENGTH) @Pattern(regexp = NO_CONTROLS,
					message = CONTROLS) @Nullable String reason) {
	}

	record BookJson(String id, String series, int first, int last, String agent, Instant issuedAt, String issuedBy,
			int size, long used, long cancelled, long unused, List<LeafJson> leaves) {

		static BookJson of(ReceiptBookView b) {
			return new BookJson(b.id().toString(), b.series(), b.first(), b.last(), b.agent(), b.issuedAt(),
					b.issuedBy(), b.size(), b.used(), b.cancelled(), b.unused(),
					b.leaves()
						.stream()
						.map((l) -> new LeafJson(l.number(), l.status().name(),
								(l.payment() == null) ? null : l.payment().toString(), l.reason(), l.at(), l.by()))
						.toList());
		}

	}

	record LeafJson(String number, String status, @Nullable String payment, @Nullable String reason, Instant at,
			String by) {
	}

}
