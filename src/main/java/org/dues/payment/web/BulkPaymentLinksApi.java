package org.dues.payment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.payment.BulkPaymentLinks;
import org.dues.payment.LinkPurpose;
import org.dues.payment.gateway.Checkouts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A payment link for each account of a selection, as a bulk message chooses them. */
@RestController
@Tag(name = "Payment links")
class BulkPaymentLinksApi {

	private final BulkPaymentLinks bulk;

	private final Checkouts checkouts;

	BulkPaymentLinksApi(BulkPaymentLinks bulk, Checkouts checkouts) {
		this.bulk = bulk;
		this.checkouts = checkouts;
	}

	@PostMapping("/api/v1/payment-links/bulk")
	@Operation(summary = "Create a payment link for each account of a selection",
			description = "Exactly one of accounts (ids), queue (a team's queue id) or selection (the accounts "
					+ "browser's filters, as its address carries them: creditors, dpdMin, owner…); purpose defaults to "
					+ "OVERDUE, for what each account owes (OVERDUE and BALANCE links stay open until paid), expiresOn "
					+ "to the creditor's default. Only accounts within the caller's scope; up to 5,000. Asking again "
					+ "skips the accounts that have an active link of the purpose for the same amount. Answers the "
					+ "counts created and skipped, the skipped by reason (NOT_FOUND, NOTHING_OWED, ALREADY_LINKED, "
					+ "REFUSED) and each link and skip")
	BulkJson create(@RequestBody @Valid BulkRequest body, Authentication user) {
		int given = (body.accounts() == null ? 0 : 1) + (body.queue() == null ? 0 : 1)
				+ (body.selection() == null ? 0 : 1);
		if (given != 1) {
			throw new InvalidInputException("accounts", "give exactly one of accounts, queue or selection");
		}
		BulkPaymentLinks.Selector selector = body.accounts() != null
				? new BulkPaymentLinks.Selector.Named(body.accounts())
				: body.queue() != null ? new BulkPaymentLinks.Selector.Queue(body.queue())
						: new BulkPaymentLinks.Selector.Selection(java.util.Objects.requireNonNull(body.selection()));
		LinkPurpose purpose = body.purpose() == null ? LinkPurpose.OVERDUE
				: Choice.of("purpose", body.purpose(), LinkPurpose.class);
		BulkPaymentLinks.Result result = this.bulk.create(selector, purpose,
				CalendarBounds.parse("expiresOn", body.expiresOn()), user);
		return new BulkJson(result.chosen(), result.created().size(), result.skipped().size(),
				result.reasons()
					.entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toMap((e) -> e.getKey().name(), Map.Entry::getValue,
							(a, b) -> a, java.util.LinkedHashMap::new)),
				result.created()
					.stream()
					.map((l) -> new CreatedJson(l.accountId().value(), l.id().toString(), l.reference(),
							this.checkouts.url(l)))
					.toList(),
				result.skipped()
					.stream()
					.map((s) -> new SkippedJson(s.account(), s.reason().name(), s.detail()))
					.toList());
	}

	record BulkRequest(@Nullable List<UUID> accounts, @Nullable UUID queue,
			@Nullable Map<String, List<String>> selection, @OneOf(LinkPurpose.class) @Nullable String purpose,
			@IsoDate @Nullable String expiresOn) {
	}

	record BulkJson(int chosen, int created, int skipped, Map<String, Long> reasons, List<CreatedJson> links,
			List<SkippedJson> skippedAccounts) {
	}

	record CreatedJson(UUID account, String id, String reference, String url) {
	}

	record SkippedJson(UUID account, String reason, String detail) {
	}

}
