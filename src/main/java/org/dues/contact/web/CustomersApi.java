package org.dues.contact.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.ContactPoint;
import org.dues.customer.ContactPointChange;
import org.dues.customer.ContactPointChanges;
import org.dues.customer.ContactPointKind;
import org.dues.customer.ContactPointSource;
import org.dues.customer.ContactPointStatus;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.MoneyJson;
import org.dues.shared.PostalAddress;
import org.dues.shared.validation.CountryCode;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.StatedReason;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer view as the API gives it, and the customer's contact points: add one, mark
 * one wrong or not to be used (or valid again), correct an address. Every change is kept
 * with who made it and when, and audited.
 */
@RestController
@Tag(name = "Customers")
class CustomersApi {

	private final CustomerOverview overview;

	private final ContactPointChanges changes;

	private final CustomerManagement customers;

	private final Creditors creditors;

	CustomersApi(CustomerOverview overview, ContactPointChanges changes, CustomerManagement customers,
			Creditors creditors) {
		this.overview = overview;
		this.changes = changes;
		this.customers = customers;
		this.creditors = creditors;
	}

	@GetMapping("/api/v1/customers/{id}")
	@Operation(summary = "The customer across every debt with every creditor",
			description = "The accounts the caller may open with their role, balance and aging; how many more the "
					+ "person has that the caller may not open (otherAccounts, without details); the related parties "
					+ "of those accounts; the contact points with source, status, consent and opt-outs; the history "
					+ "of their changes")
	CustomerJson get(@PathVariable @Scoped("customer") UUID id, Authentication user) {
		return CustomerJson.of(this.overview.read(new CustomerId(id), user));
	}

	@PostMapping("/api/v1/customers/{id}/contact-points")
	@Operation(summary = "Add a phone, email or postal address",
			description = "A phone in any common form, read in the creditor's country and kept in E.164; 201 with "
					+ "the contact point, 400 naming the field when it is invalid or already on file")
	ResponseEntity<ContactPointJson> add(@PathVariable @Scoped("customer") UUID id,
			@RequestBody @Valid NewContactPointRequest body, Authentication user) {
		CustomerId customer = new CustomerId(id);
		ContactPointSource source = Choice.orElse("source", body.source(), ContactPointSource.class,
				ContactPointSource.AGENT);
		ContactPoint point = switch (Choice.of("kind", body.kind(), ContactPointKind.class)) {
			case PHONE -> this.changes.addPhone(customer, String.valueOf(body.number()), country(customer), source,
					body.note(), user.getName());
			case EMAIL ->
				this.changes.addEmail(customer, String.valueOf(body.email()), source, body.note(), user.getName());
			case ADDRESS ->
				this.changes.addAddress(customer, address(body.address()), source, body.note(), user.getName());
		};
		return ResponseEntity.created(URI.create("/api/v1/customers/%s/contact-points/%s".formatted(id, point.id())))
			.body(ContactPointJson.of(point, List.of()));
	}

	@PatchMapping(path = "/api/v1/customers/{id}/contact-points/{pointId}",
			consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Mark a contact point, or correct an address",
			description = "status (VALID, WRONG, DO_NOT_USE) with a reason, or for an address the corrected address "
					+ "with a reason: the corrected one is added and answered, the old one kept as CORRECTED")
	ContactPointJson patch(@PathVariable @Scoped("customer") UUID id,
			@PathVariable @Unscoped("looked up among the named customer's contact points only") UUID pointId,
			@RequestBody @Valid ContactPointPatch body, Authentication user) {
		CustomerId customer = new CustomerId(id);
		if ((body.status() == null) == (body.address() == null)) {
			throw new InvalidInputException(body.status() == null ? "status" : "address",
					"give either a status or a corrected address");
		}
		ContactPoint point = (body.address() != null)
				? this.changes.correctAddress(customer, pointId, address(body.address()),
						Choice.orElse("source", body.source(), ContactPointSource.class, ContactPointSource.AGENT),
						String.valueOf(body.reason()), user.getName())
				: this.changes.changeStatus(customer, pointId,
						Choice.of("status", body.status(), ContactPointStatus.class), String.valueOf(body.reason()),
						user.getName());
		return ContactPointJson.of(point, List.of());
	}

	private String country(CustomerId customer) {
		return this.creditors.get(new CreditorId(this.customers.creditorOf(customer))).country();
	}

	private static PostalAddress address(@Nullable AddressJson json) {
		if (json == null) {
			throw new InvalidInputException("address", "is required");
		}
		return new PostalAddress(json.line1(), json.line2(), json.city(), json.state(), json.postalCode(),
				String.valueOf(json.country()));
	}

	/** A contact point to add. */
	@ContactPointValue
	record NewContactPointRequest(@OneOf(value = ContactPointKind.class, required = true) @Nullable String kind,
			@Size(max = 64) @Nullable String number, @Size(max = 254) @Nullable String email,
			@Valid @Nullable AddressJson address, @OneOf(ContactPointSource.class) @Nullable String source,
			@Size(max = 1000) @Nullable String note) implements ContactPointValue.Fields {
	}

	/** A status with its reason, or an address's correction with its reason. */
	record ContactPointPatch(@OneOf(ContactPointStatus.class) @Nullable String status,
			@Valid @Nullable AddressJson address, @OneOf(ContactPointSource.class) @Nullable String source,
			@StatedReason @Nullable String reason) {
	}

	/** A postal address. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AddressJson(@Size(max = 200) @Nullable String line1, @Size(max = 200) @Nullable String line2,
			@Size(max = 100) @Nullable String city, @Size(max = 100) @Nullable String state,
			@Size(max = 20) @Nullable String postalCode, @NotBlank @CountryCode @Nullable String country) {

		static @Nullable AddressJson of(@Nullable PostalAddress address) {
			return (address == null) ? null : new AddressJson(address.line1(), address.line2(), address.city(),
					address.state(), address.postalCode(), address.country());
		}

	}

	/**
	 * A contact point as the API gives it.
	 *
	 * @param optedOut the channels of it the customer asked us not to use
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContactPointJson(UUID id, String kind, String value, @Nullable String type, String source, String status,
			boolean usable, Instant addedAt, @Nullable AddressJson address, @Nullable Consent consent,
			List<String> optedOut) {

		static ContactPointJson of(ContactPoint p, List<String> optedOut) {
			return new ContactPointJson(p.id(), p.kind().name(), p.value(), p.type(), p.source(), p.status().name(),
					p.usable(), p.addedAt(), AddressJson.of(p.address()), (p.kind() == ContactPointKind.PHONE)
							? new Consent(p.consentAutodial(), p.consentSms(), p.consentWhatsapp()) : null,
					optedOut);
		}

	}

	/** The consents a creditor recorded with a number. */
	record Consent(boolean autodial, boolean sms, boolean whatsapp) {
	}

	/** The customer view. */
	record CustomerJson(CustomerId id, String customerRef, String kind, String name, @Nullable String language,
			List<String> regions, List<String> timeZones, List<AccountLineJson> accounts, int otherAccounts,
			List<PartyJson> relatedParties, List<OtherJson> alsoKnownAs, List<ContactPointJson> contactPoints,
			List<ConsentJson> consents, List<ChangeJson> history) {

		static CustomerJson of(CustomerOverview.Overview o) {
			CustomerView c = o.customer();
			return new CustomerJson(c.id(), c.customerRef(), c.kind().name(), c.name(), c.language(), o.regions(),
					o.timeZones(), o.accounts().stream().map(AccountLineJson::of).toList(), o.hiddenAccounts(),
					o.parties()
						.stream()
						.map((p) -> new PartyJson(p.account().id().value(), p.party().id(), p.party().name(),
								p.role().name(), p.relationship()))
						.toList(),
					o.alsoKnownAs().stream().map((k) -> new OtherJson(k.id(), k.customerRef(), k.name())).toList(),
					o.points()
						.stream()
						.map((p) -> ContactPointJson.of(p.point(), p.optedOut().stream().map(Enum::name).toList()))
						.toList(),
					o.consents().stream().map(ConsentJson::of).toList(),
					o.history().stream().map(ChangeJson::of).toList());
		}

	}

	/** An account the customer is on. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AccountLineJson(UUID id, String creditor, String accountRef, String role, @Nullable String relationship,
			String status, MoneyJson balance, MoneyJson overdueAmount, int daysPastDue, @Nullable String bucket) {

		static AccountLineJson of(CustomerOverview.AccountLine line) {
			var a = line.account();
			return new AccountLineJson(a.id().value(), a.creditorCode(), a.accountRef(), line.role().name(),
					line.relationship(), a.status().name(), MoneyJson.of(a.balances().total()),
					MoneyJson.of(a.overdueAmount()), a.daysPastDue(), a.bucket());
		}

	}

	/** Another party of an account shown. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PartyJson(UUID accountId, CustomerId customerId, String name, String role, @Nullable String relationship) {
	}

	/** Another customer known to be the same person. */
	record OtherJson(CustomerId customerId, String customerRef, String name) {
	}

	/** A consent the customer gave directly, in force. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ConsentJson(UUID id, String kind, List<UUID> accounts, Instant receivedAt, @Nullable Instant until) {

		static ConsentJson of(ContactPreferences.ConsentView c) {
			return new ConsentJson(c.id(), c.kind().name(), c.accountIds(), c.receivedAt(), c.until());
		}

	}

	/** One change of a contact point. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChangeJson(Instant at, String by, UUID point, String kind, String change, String value,
			@Nullable String before, String after, @Nullable UUID replacedBy, @Nullable String source,
			@Nullable String reason) {

		static ChangeJson of(ContactPointChange c) {
			return new ChangeJson(c.at(), c.by(), c.point(), c.kind().name(), c.change().name(), c.value(),
					(c.before() == null) ? null : c.before().name(), c.after().name(), c.replacedBy(), c.source(),
					c.reason());
		}

	}

}
