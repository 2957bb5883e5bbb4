package org.dues.payment.web;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dues.payment.LinkSettings;
import org.dues.payment.PaymentLinkSettings;
import org.dues.portfolio.Creditors;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.REQUIRED;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A creditor's settings for payment links and UPI (administrators and managers): the UPI
 * payee's address and name, the default expiry in days, the least share a customer may
 * choose to pay.
 */
@RestController
@Tag(name = "Payment links")
class LinkSettingsApi {

	static final String PATH = "/api/v1/creditors/{code}/payment-link-settings";

	private final PaymentLinkSettings settings;

	private final Creditors creditors;

	LinkSettingsApi(PaymentLinkSettings settings, Creditors creditors) {
		this.settings = settings;
		this.creditors = creditors;
	}

	@GetMapping(PATH)
	@Operation(summary = "A creditor's payment link settings (the defaults where none are set)")
	SettingsJson get(@PathVariable @Unscoped("a creditor's settings, the same for every reader") String code) {
		return SettingsJson.of(this.settings.of(this.creditors.getByCode(code).id()));
	}

	@PutMapping(PATH)
	@Operation(summary = "Replace a creditor's payment link settings")
	SettingsJson put(@PathVariable @Unscoped("a creditor's settings, the same for every reader") String code,
			@RequestBody @Valid SettingsJson body, Authentication user) {
		LinkSettings wanted = new LinkSettings(body.upiVpa(), body.upiPayeeName(),
				body.defaultExpiryDays() == null ? 0 : body.defaultExpiryDays(), body.minPercent());
		return SettingsJson.of(this.settings.set(this.creditors.getByCode(code).id(), wanted, user.getName()));
	}

	record SettingsJson(@Nullable String upiVpa, @Nullable String upiPayeeName,
			@NotNull(message = REQUIRED) @Nullable Integer defaultExpiryDays, @Nullable BigDecimal minPercent) {

		static SettingsJson of(LinkSettings s) {
			return new SettingsJson(s.upiVpa(), s.upiPayeeName(), s.defaultExpiryDays(), s.minPercent());
		}

	}

}
