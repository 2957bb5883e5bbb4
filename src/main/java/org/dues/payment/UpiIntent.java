package org.dues.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The UPI deep link of NPCI's linking specification:
 * {@code upi://pay?pa=…&pn=…&am=…&cu=INR&tr=…&tn=…}, each value percent-encoded (a space
 * as {@code %20}, the {@code @} of the payee address kept, as the specification's
 * examples write it). {@code mam}, the least amount, when the customer may choose.
 */
record UpiIntent(String vpa, String payeeName, Money amount, @Nullable Money minAmount, String reference, String note) {

	String uri() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("pa", this.vpa);
		params.put("pn", this.payeeName);
		params.put("am", this.amount.amount().toPlainString());
		if (this.minAmount != null) {
			params.put("mam", this.minAmount.amount().toPlainString());
		}
		params.put("cu", this.amount.currencyCode());
		params.put("tr", this.reference);
		params.put("tn", this.note);
		return "upi://pay?" + params.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
	}

}
