package org.dues.payment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.dues.payment.RemittanceView;
import org.dues.payment.Remittances;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.CalendarBounds;
import org.dues.shared.InvalidInputException;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.IsoDate;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.dues.shared.validation.Keys.REQUIRED;

/**
 * Remittance to creditors: the commission terms, a statement's preview, issuing it, and
 * reading it as JSON, CSV or XLSX (by {@code Accept}). Managers and administrators.
 */
@RestController
@Tag(name = "Remittances")
class RemittancesApi {

	/** Why a creditor named in the path needs no scope check. */
	static final String CREDITORS = "remittances are managers' and administrators', who reach every creditor";

	/** Why a statement named in the path needs no scope check. */
	static final String STATEMENTS = "statements are read by managers and administrators, who reach every creditor";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Remittances remittances;

	private final Creditors creditors;

	private final RemittanceFiles files;

	RemittancesApi(Remittances remittances, Creditors creditors, RemittanceFiles files) {
		this.remittances = remittances;
		this.creditors = creditors;
		this.files = files;
	}

	@GetMapping("/api/v1/creditors/{code}/remittance-terms")
	@Operation(summary = "The creditor's commission rate and the tax rate on commission, in percent")
	TermsJson terms(@PathVariable @Unscoped(CREDITORS) String code) {
		return TermsJson.of(this.remittances.terms(this.creditors.getByCode(code)));
	}

	@PutMapping("/api/v1/creditors/{code}/remittance-terms")
	@Operation(summary = "Set the creditor's commission and tax rates for statements issued from now on")
	TermsJson setTerms(@PathVariable @Unscoped(CREDITORS) String code, @RequestBody @Valid TermsJson body,
			Authentication user) {
		return TermsJson.of(this.remittances.setTerms(this.creditors.getByCode(code),
				new Remittances.Terms(Objects.requireNonNull(body.commissionRate()),
						Objects.requireNonNull(body.taxRate())),
				user.getName()));
	}

	@GetMapping("/api/v1/creditors/{code}/remittances")
	@Operation(summary = "The creditor's issued remittance statements, newest first")
	List<IssuedJson> list(@PathVariable @Unscoped(CREDITORS) String code) {
		return this.remittances.issued(this.creditors.getByCode(code))
			.stream()
			.map((i) -> new IssuedJson(i.id(), i.number(), i.from(), i.to(), MoneyJson.of(i.due()), i.issuedAt()))
			.toList();
	}

	@GetMapping("/api/v1/creditors/{code}/remittances/preview")
	@Operation(summary = "What a statement for the period would say now; nothing is recorded")
	StatementJson preview(@PathVariable @Unscoped(CREDITORS) String code, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) @Nullable String currency) {
		CreditorView creditor = this.creditors.getByCode(code);
		return StatementJson
			.of(this.remittances.preview(creditor, currency(creditor, currency), date("from", from), date("to", to)));
	}

	@PostMapping("/api/v1/creditors/{code}/remittances")
	@Operation(summary = "Issue the statement for a period that is over",
			description = "201 with the statement; 200 with the same statement when the period was issued before")
	ResponseEntity<StatementJson> issue(@PathVariable @Unscoped(CREDITORS) String code,
			@RequestBody @Valid IssueRequest body, Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		Remittances.Issue issue = this.remittances.issue(creditor, currency(creditor, body.currency()),
				date("from", body.from()), date("to", body.to()), user.getName());
		StatementJson json = StatementJson.of(issue.statement());
		if (issue.created()) {
			return ResponseEntity.created(URI.create("/api/v1/remittances/" + issue.statement().id())).body(json);
		}
		return ResponseEntity.ok(json);
	}

	@GetMapping(path = "/api/v1/remittances/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An issued statement with its lines (also text/csv, XLSX and application/pdf by Accept)")
	StatementJson get(@PathVariable @Unscoped(STATEMENTS) UUID id) {
		return StatementJson.of(this.remittances.get(id));
	}

	@GetMapping(path = "/api/v1/remittances/{id}", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable @Unscoped(STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.CSV);
	}

	@GetMapping(path = "/api/v1/remittances/{id}", produces = XLSX)
	ResponseEntity<byte[]> xlsx(@PathVariable @Unscoped(STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.XLSX);
	}

	@GetMapping(path = "/api/v1/remittances/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable @Unscoped(STATEMENTS) UUID id) throws IOException {
		return this.files.download(this.remittances.get(id), RemittanceFiles.Format.PDF);
	}

	static Currency currency(CreditorView creditor, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return creditor.currency();
		}
		try {
			return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("currency", "'%s' is not an ISO 4217 currency".formatted(code));
		}
	}

	static LocalDate date(String field, @Nullable String text) {
		LocalDate date = CalendarBounds.parse(field, text);
		if (date == null) {
			throw new InvalidInputException(field, "is required");
		}
		return date;
	}

	record TermsJson(@NotNull(message = REQUIRED) @Nullable BigDecimal commissionRate,
			@NotNull(message = REQUIRED) @Nullable BigDecimal taxRate) {

		static TermsJson of(Remittances.Terms terms) {
			return new TermsJson(terms.commissionRate(), terms.taxRate());
		}

	}

	record IssueRequest(@NotBlank(message = REQUIRED) @IsoDate @Nullable String from,
			@NotBlank(message = REQUIRED) @IsoDate @Nullable String to, @CurrencyCode @Nullable String currency) {
	}

	record IssuedJson(UUID id, String number, LocalDate from, LocalDate to, MoneyJson due, Instant issuedAt) {
	}

	record StatementJson(@Nullable UUID id, @Nullable String number, String creditor, LocalDate from, LocalDate to,
			MoneyJson collected, MoneyJson reversed, MoneyJson net, BigDecimal commissionRate, MoneyJson commission,
			BigDecimal taxRate, MoneyJson tax, MoneyJson due, @Nullable Instant issuedAt, @Nullable String issuedBy,
			List<LineJson> lines) {

		static StatementJson of(RemittanceView s) {
			return new StatementJson(s.id(), s.number(), s.creditor().code(), s.from(), s.to(),
					MoneyJson.of(s.collected()), MoneyJson.of(s.reversed()), MoneyJson.of(s.net()), s.commissionRate(),
					MoneyJson.of(s.commission()), s.taxRate(), MoneyJson.of(s.tax()), MoneyJson.of(s.due()),
					s.issuedAt(), s.issuedBy(),
					s.lines()
						.stream()
						.map((l) -> new LineJson(l.payment().value(), l.accountRef(), l.receivedOn(),
								l.channel().name(), l.reference(), l.kind(), MoneyJson.of(l.amount())))
						.toList());
		}

	}

	record LineJson(UUID payment, String account, LocalDate receivedOn, String channel, String reference, String kind,
			MoneyJson amount) {
	}

}
