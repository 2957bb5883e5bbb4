package org.dues.work.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A queue's filters as a lead reads them ({@code ${@queueText.balance(q)}}): the balance
 * range as money in the queue's currency, grouped as at the currency's home (lakhs for
 * rupees, as {@code @fmt.money} does), whole amounts without decimals: "₹1,00,000 or
 * more". A queue's currency is the one its creditors (every creditor, when it names none)
 * share; where they differ the amounts are plain grouped numbers.
 */
@Component("queueText")
public class QueueText {

	private static final Map<String, ULocale> HOME = Map.of("INR", new ULocale("en_IN"), "USD", ULocale.US, "GBP",
			ULocale.UK);

	private final Creditors creditors;

	private final MessageSource messages;

	QueueText(Creditors creditors, MessageSource messages) {
		this.creditors = creditors;
		this.messages = messages;
	}

	/** The balance filter, or an empty text when the queue has none. */
	public String balance(Queues.QueueView queue) {
		BigDecimal min = queue.filters().balanceMin();
		BigDecimal max = queue.filters().balanceMax();
		if (min == null && max == null) {
			return "";
		}
		Optional<String> currency = currency(queue);
		Locale locale = LocaleContextHolder.getLocale();
		if (max == null) {
			return this.messages.getMessage("queues.balance.atLeast", new Object[] { amount(min, currency) }, locale);
		}
		if (min == null || min.signum() == 0) {
			return this.messages.getMessage("queues.balance.atMost", new Object[] { amount(max, currency) }, locale);
		}
		return this.messages.getMessage("queues.balance.between",
				new Object[] { amount(min, currency), amount(max, currency) }, locale);
	}

	/**
	 * The days-past-due filter in the reader's words and digits ("90 or more", "up to
	 * 30", "1 to 30"), or an empty text when the queue has none.
	 */
	public String daysPastDue(Queues.QueueView queue) {
		Integer min = queue.filters().dpdMin();
		Integer max = queue.filters().dpdMax();
		if (min == null && max == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		NumberFormat digits = NumberFormat.getIntegerInstance(locale);
		if (max == null) {
			return this.messages.getMessage("queues.balance.atLeast", new Object[] { digits.format(min) }, locale);
		}
		if (min == null || min == 0) {
			return this.messages.getMessage("queues.balance.atMost", new Object[] { digits.format(max) }, locale);
		}
		return this.messages.getMessage("queues.balance.between",
				new Object[] { digits.format(min), digits.format(max) }, locale);
	}

	/** An amount of the queue's currency, as {@link #balance} writes it. */
	public String amount(Queues.QueueView queue, @Nullable BigDecimal amount) {
		return (amount == null) ? "" : amount(amount, currency(queue));
	}

	private Optional<String> currency(Queues.QueueView queue) {
		List<String> codes = queue.filters().creditors();
		List<String> currencies = this.creditors.list()
			.stream()
			.filter((c) -> codes.isEmpty() || codes.contains(c.code()))
			.map(CreditorView::currency)
			.map(java.util.Currency::getCurrencyCode)
			.distinct()
			.toList();
		return (currencies.size() == 1) ? Optional.of(currencies.get(0)) : Optional.empty();
	}

	private static String amount(BigDecimal amount, Optional<String> currency) {
		ULocale reader = ULocale.forLocale(LocaleContextHolder.getLocale());
		if (currency.isEmpty()) {
			return NumberFormatter.withLocale(reader).format(amount).toString();
		}
		return NumberFormatter.withLocale(HOME.getOrDefault(currency.get(), reader))
			.unit(Currency.getInstance(currency.get()))
			.precision(Precision.currency(Currency.CurrencyUsage.STANDARD)
				.trailingZeroDisplay(NumberFormatter.TrailingZeroDisplay.HIDE_IF_WHOLE))
			.format(amount)
			.toString();
	}

}
