package org.dues.payment.web;

import java.time.MonthDay;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.dues.payment.ReceiptSettings;
import org.dues.payment.Receipts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.NotFoundException;
import org.dues.shared.NotPermittedException;
import org.dues.system.Actor;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.REQUIRED;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a creditor numbers its receipts: the prefix and the first day of its financial year
 * (defaults: the creditor's code; 1 April in India and the United Kingdom, else 1
 * January).
 */
@RestController
@RequestMapping("/api/v1/creditors/{code}/receipt-settings")
@Tag(name = "Receipts")
class ReceiptSettingsApi {

	private static final Set<String> CONFIGURERS = Set.of("ROLE_MANAGER", "ROLE_ADMIN");

	private final Receipts receipts;

	private final Creditors creditors;

	ReceiptSettingsApi(Receipts receipts, Creditors creditors) {
		this.receipts = receipts;
		this.creditors = creditors;
	}

	@GetMapping
	@Operation(summary = "How a creditor numbers its receipts (the defaults where none are set)")
	SettingsJson get(@PathVariable @Unscoped("a creditor's code: no caller's scope narrows creditors") String code) {
		return SettingsJson.of(this.receipts.settings(creditor(code)));
	}

	@PutMapping
	@Operation(summary = "Set a creditor's receipt prefix and financial year start (managers, administrators)",
			description = "Receipts issued from now on follow it; numbers already issued stay. A receipt is "
					+ "numbered PREFIX/FY/000042, the year labelled 2026-27 (or 2026 when it starts on 1 January) "
					+ "and judged on the day of posting in the creditor's time zone")
	SettingsJson put(@PathVariable @Unscoped("a creditor's code: no caller's scope narrows creditors") String code,
			@RequestBody @Valid SettingsRequest body, Authentication user) {
		Actor actor = Actor.of(user);
		if (!actor.hasAny(CONFIGURERS)) {
			throw new NotPermittedException("Only a manager or an administrator sets how receipts are numbered");
		}
		return SettingsJson.of(this.receipts.configure(creditor(code),
				new ReceiptSettings(String.valueOf(body.prefix()),
						MonthDay.of(java.util.Objects.requireNonNull(body.yearStartMonth()),
								java.util.Objects.requireNonNull(body.yearStartDay()))),
				actor.name()));
	}

	private CreditorView creditor(String code) {
		return this.creditors.findByCode(code).orElseThrow(() -> new NotFoundException("creditor", code));
	}

	record SettingsRequest(
			@Schema(description = "1 to 20 letters, digits, '-' or '_'") @NotBlank(
					message = REQUIRED) @jakarta.validation.constraints.Size(max = 20) @Nullable String prefix,
			@NotNull(message = REQUIRED) @Min(1) @Max(12) @Nullable Integer yearStartMonth,
			@NotNull(message = REQUIRED) @Min(1) @Max(28) @Nullable Integer yearStartDay) {
	}

	record SettingsJson(String prefix, int yearStartMonth, int yearStartDay) {

		static SettingsJson of(ReceiptSettings settings) {
			return new SettingsJson(settings.prefix(), settings.yearStarts().getMonthValue(),
					settings.yearStarts().getDayOfMonth());
		}

	}

}
