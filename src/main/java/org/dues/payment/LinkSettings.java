package org.dues.payment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A creditor's settings for payment links.
 *
 * @param upiVpa the UPI payee's virtual payment address ({@code malabar@icici}); no UPI
 * intent without it
 * @param upiPayeeName the payee's name shown in the customer's UPI app
 * @param defaultExpiryDays how many days a link lives when its expiry is not given
 * @param minPercent for a link whose amount the customer chooses, the least share of the
 * amount they may pay, in percent; null for 10
 */
public record LinkSettings(@Nullable String upiVpa, @Nullable String upiPayeeName, int defaultExpiryDays,
		@Nullable BigDecimal minPercent) {

	/** The settings of a creditor that set none. */
	public static final LinkSettings DEFAULTS = new LinkSettings(null, null, 7, null);

	/** The least share in percent, 10 when not set. */
	public BigDecimal minimumShare() {
		return this.minPercent == null ? BigDecimal.TEN : this.minPercent;
	}

}
