package org.dues.portfolio.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.DigitGrouping;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.Placements;
import org.dues.portfolio.Source;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creditors, and accounts placed one at a time.
 */
@RestController
@RequestMapping("/api/v1/creditors")
@Tag(name = "Creditors and placements")
class CreditorsApi {

	private final Creditors creditors;

	private final Placements placements;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Clock clock;

	CreditorsApi(Creditors creditors, Placements placements, Accounts accounts, CustomerManagement customers,
			Clock clock) {
		this.clock = clock;
		this.creditors = creditors;
		this.placements = placements;
		this.accounts = accounts;
		this.customers = customers;
	}

	@PostMapping
	@Operation(summary = "Create a creditor")
	ResponseEntity<CreditorJson> create(@RequestBody @Valid NewCreditor body) {
		CreditorView created = this.creditors.create(body);
		return ResponseEntity.created(URI.create("/api/v1/creditors/" + created.code())).body(CreditorJson.of(created));
	}

	@GetMapping
	@Operation(summary = "List creditors")
	List<CreditorJson> list() {
		return this.creditors.list().stream().map(CreditorJson::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "Read a creditor")
	CreditorJson get(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code) {
		return CreditorJson.of(this.creditors.getByCode(code));
	}

	@PostMapping("/{code}/accounts")
	@Operation(summary = "Place one account",
			description = "201 with the new account; 200 with the account when it was already placed "
					+ "(outcome UNCHANGED, or UPDATED with adjustment entries for changed balances)")
	ResponseEntity<AccountJson> place(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@RequestBody PlacementRequest body, Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		PlacementParser.Parsed parsed;
		try {
			parsed = new PlacementParser(creditor, null, DigitGrouping.ANY,
					LocalDate.now(this.clock.withZone(creditor.timeZone())))
				.parse(body.fields());
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors().stream().map(CreditorsApi::inRequestTerms).toList());
		}
		Placements.Result result = this.placements.place(creditor, parsed.placement(),
				new Source("API", null, user.getName(), null));
		AccountJson json = AccountJson.of(result.account(), this.customers.get(result.account().customerId()),
				result.outcome().name(), parsed.warnings().stream().map(CreditorsApi::inRequestTerms).toList());
		if (result.outcome() == Placements.Outcome.CREATED) {
			return ResponseEntity.created(URI.create("/api/v1/accounts/" + result.account().id())).body(json);
		}
		return ResponseEntity.ok(json);
	}

	@GetMapping("/{code}/accounts/{*accountRef}")
	@Operation(summary = "Read an account by the creditor's reference",
			description = "The reference may contain slashes, as Indian loan numbers often do: HL/2024/0001")
	AccountJson account(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@PathVariable("accountRef") @Scoped("account-ref") String path) {
		CreditorView creditor = this.creditors.getByCode(code);
		String accountRef = path.startsWith("/") ? path.substring(1) : path;
		var account = this.accounts.findByRef(creditor.id(), accountRef)
			.orElseThrow(() -> new NotFoundException("account", code + "/" + accountRef));
		return AccountJson.of(account, this.customers.get(account.customerId()));
	}

	private static FieldError inRequestTerms(FieldError error) {
		return new FieldError(PlacementRequest.requestName(error.field()), error.message());
	}

	record CreditorJson(String id, String code, String name, String country, String currency, String jurisdiction,
			String timeZone, String bucketScheme, List<String> waterfall) {

		static CreditorJson of(CreditorView c) {
			return new CreditorJson(c.id().toString(), c.code(), c.name(), c.country(), c.currency().getCurrencyCode(),
					c.jurisdiction(), c.timeZone().getId(), c.bucketScheme(),
					c.waterfall().order().stream().map(Enum::name).toList());
		}

	}

}
