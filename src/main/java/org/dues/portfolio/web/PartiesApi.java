package org.dues.portfolio.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.customer.CustomerDetails;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerKind;
import org.dues.customer.CustomerManagement;
import org.dues.customer.PartyRole;
import org.dues.customer.RelatedParties;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.dues.shared.validation.CountryCode;
import org.dues.shared.validation.OneOf;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A creditor names the related parties of a placed account: co-borrowers, guarantors and
 * references, each recorded as a customer of the creditor (created, or updated and their
 * contact points merged, as a placement does) and linked to the debt.
 */
@RestController
@Tag(name = "Accounts")
class PartiesApi {

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final RelatedParties parties;

	PartiesApi(Accounts accounts, Creditors creditors, CustomerManagement customers, RelatedParties parties) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.parties = parties;
	}

	@PostMapping("/api/v1/accounts/{accountId}/parties")
	@Operation(summary = "Name a co-borrower, guarantor or reference of the account",
			description = "role (CO_BORROWER, GUARANTOR, REFERENCE), the creditor's customerRef and name of the "
					+ "party, optional language, relationship (to the borrower), phones, email, address; 201 when "
					+ "linked, 200 when the same party was linked in the same role already")
	@Transactional
	ResponseEntity<PartyJson> add(@PathVariable @Scoped("account") UUID accountId,
			@RequestBody @Valid PartyRequest body, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		CreditorView creditor = this.creditors.get(account.creditorId());
		PartyRole role = Choice.of("role", body.role(), PartyRole.class);
		if (role == PartyRole.BORROWER) {
			throw new InvalidInputException("role", "the borrower is the account's own customer, not a related party");
		}
		List<PhoneNumber> phones = new ArrayList<>();
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		List<String> given = (body.phones() == null) ? List.of() : body.phones();
		for (int i = 0; i < given.size(); i++) {
			try {
				phones.add(PhoneNumber.parse(String.valueOf(given.get(i)), creditor.country()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new InvalidInputException.FieldError("phones[%d]".formatted(i),
						"'%s' is not a valid phone number for %s".formatted(given.get(i), creditor.country())));
			}
		}
		List<EmailAddress> emails = new ArrayList<>();
		if (body.email() != null && !body.email().isBlank()) {
			try {
				emails.add(EmailAddress.of(body.email().strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new InvalidInputException.FieldError("email", "is not a valid email address"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<PostalAddress> addresses = (body.address() == null) ? List.of()
				: List.of(new PostalAddress(body.address().line1(), body.address().line2(), body.address().city(),
						body.address().state(), body.address().postalCode(),
						(body.address().country() == null) ? creditor.country() : body.address().country()));
		CustomerId party = this.customers
			.record(new CustomerDetails(creditor.id().value(), String.valueOf(body.customerRef()).strip(),
					CustomerKind.PERSON, String.valueOf(body.name()).strip(),
					(body.language() == null) ? null : body.language().toLowerCase(Locale.ROOT), null, null, phones,
					emails, addresses, "API"))
			.id();
		if (party.equals(account.customerId())) {
			throw new InvalidInputException("customerRef", "is the account's borrower");
		}
		boolean linked = this.parties.link(accountId, party, role, body.relationship(), "API", user.getName());
		PartyJson json = new PartyJson(accountId, party, role.name(), body.relationship());
		return linked ? ResponseEntity.created(URI.create("/api/v1/customers/" + party.value())).body(json)
				: ResponseEntity.status(HttpStatus.OK).body(json);
	}

	/** A related party to name. */
	record PartyRequest(@OneOf(value = PartyRole.class, required = true) @Nullable String role,
			@NotBlank @Size(max = 100) @Nullable String customerRef, @NotBlank @Size(max = 200) @Nullable String name,
			@Pattern(regexp = "[A-Za-z]{2}") @Nullable String language, @Size(max = 100) @Nullable String relationship,
			@Size(max = 3) @Nullable List<@NotBlank @Size(max = 64) String> phones,
			@Size(max = 254) @Nullable String email, @Valid @Nullable Address address) {
	}

	/** The party's postal address; the country defaults to the creditor's. */
	record Address(@Size(max = 200) @Nullable String line1, @Size(max = 200) @Nullable String line2,
			@Size(max = 100) @Nullable String city, @Size(max = 100) @Nullable String state,
			@Size(max = 20) @Nullable String postalCode, @CountryCode @Nullable String country) {
	}

	/** A related party as linked. */
	record PartyJson(UUID accountId, CustomerId customerId, String role, @Nullable String relationship) {
	}

}
