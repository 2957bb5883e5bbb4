package org.dues.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.Money;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * Checks one placement given as the allocation file's canonical fields
 * ({@code account_ref}, {@code principal_outstanding}, ...) and builds a
 * {@link Placement}. A bad required or monetary value rejects the whole placement with
 * every problem named; a bad optional contact value (phone, email) is dropped with a
 * warning.
 */
public final class PlacementParser {

	private static final Map<String, Integer> LIMITS = Map.of("account_ref", 64, "customer_ref", 64, "customer_name",
			200, "email", 254, "currency", 3, "language", 16);

	private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2}");

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private final CreditorView creditor;

	private final DateTimeFormatter dates;

	private final DigitGrouping grouping;

	private final String datePattern;

	private final @Nullable LocalDate today;

	/**
	 * @param datePattern a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy};
	 * ISO dates when null
	 */
	public PlacementParser(CreditorView creditor, @Nullable String datePattern) {
		this(creditor, datePattern, DigitGrouping.ANY);
	}

	/**
	 * @param datePattern a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy};
	 * ISO dates when null
	 * @param grouping the digit grouping amounts are written in
	 */
	public PlacementParser(CreditorView creditor, @Nullable String datePattern, DigitGrouping grouping) {
		this(creditor, datePattern, grouping, null);
	}

	/**
	 * @param today the creditor's date, against which due dates and dates of birth may
	 * not lie in the future; unchecked when null
	 */
	public PlacementParser(CreditorView creditor, @Nullable String datePattern, DigitGrouping grouping,
			@Nullable LocalDate today) {
		this.today = today;
		this.creditor = creditor;
		this.grouping = grouping;
		this.datePattern = datePattern == null ? "yyyy-MM-dd" : datePattern;
		this.dates = datePattern == null ? DateTimeFormatter.ISO_LOCAL_DATE : formatter(datePattern);
	}

	/**
	 * A strict, case-insensitive formatter for a mapping's date pattern
	 * ({@code dd/MM/yyyy}, {@code dd-MMM-yy}, ...).
	 * @throws IllegalArgumentException if the pattern cannot both write and read a date
	 */
	public static DateTimeFormatter formatter(String pattern) {
		DateTimeFormatter formatter = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern.replace('y', 'u'))
			.toFormatter(Locale.ENGLISH)
			.withResolverStyle(ResolverStyle.STRICT);
		LocalDate sample = LocalDate.of(2026, 3, 5);
		try {
			if (!LocalDate.parse(formatter.format(sample), formatter).equals(sample)) {
				throw new IllegalArgumentException("'%s' does not read back the dates it writes".formatted(pattern));
			}
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalArgumentException("'%s' is not a date pattern of day, month and year".formatted(pattern));
		}
		return formatter;
	}

	/**
	 * @throws InvalidInputException naming every bad field
	 */
	public Parsed parse(Map<String, String> fields) {
		Reader in = new Reader(fields);
		in.checkText();
		String accountRef = in.required("account_ref");
		String customerRef = in.required("customer_ref");
		String customerName = in.required("customer_name");
		Currency currency = in.currency();
		Money principal = in.amount("principal_outstanding", currency, true);
		Money interest = in.amount("interest_outstanding", currency, false);
		Money fees = in.amount("fees_outstanding", currency, false);
		Money total = in.optionalAmount("total_outstanding", currency);
		Money overdue = in.amount("overdue_amount", currency, true);
		LocalDate oldestDue = in.date("oldest_due_date");
		boolean amountsRead = !in.hasError("principal_outstanding") && !in.hasError("interest_outstanding")
				&& !in.hasError("fees_outstanding");
		if (this.today != null && oldestDue != null && oldestDue.isAfter(this.today)) {
			in.error("oldest_due_date", "%s is in the future".formatted(oldestDue));
		}
		if (amountsRead && principal != null && interest != null && fees != null) {
			Money sum = principal.plus(interest).plus(fees);
			if (total != null && total.compareTo(sum) != 0) {
				in.error("total_outstanding", "%s is not principal + interest + fees = %s"
					.formatted(total.amount().toPlainString(), sum.amount().toPlainString()));
			}
			if (overdue != null && overdue.compareTo(sum) > 0) {
				in.error("overdue_amount", "%s is more than the total outstanding %s"
					.formatted(overdue.amount().toPlainString(), sum.amount().toPlainString()));
			}
		}
		if (overdue != null && overdue.isPositive() && oldestDue == null && !in.hasError("oldest_due_date")) {
			in.error("oldest_due_date", "is required when an amount is overdue");
		}
		String language = in.optional("language");
		if (language != null && !LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches()) {
			in.error("language", "'%s' is not an ISO 639-1 code such as ml, hi or en".formatted(language));
		}
		LocalDate dateOfBirth = in.date("date_of_birth");
		if (dateOfBirth != null) {
			org.dues.shared.DateOfBirth.refusal(dateOfBirth, this.today)
				.ifPresent((reason) -> in.error("date_of_birth", reason));
		}
		String country = in.optional("country");
		if (country != null && !org.dues.shared.CountryCodes.isAssigned(country)) {
			in.error("country", "'%s' is not an ISO 3166 alpha-2 country code such as IN, US or GB".formatted(country));
		}
		String nationalId = in.optional("national_id");
		if (nationalId != null) {
			String normalized = org.dues.customer.NationalIds.normalize(nationalId);
			if (normalized == null) {
				// not echoed: the report and the log are no place for an id in clear
				in.warnings
					.add(new FieldError("national_id", "is not an identifier of 8 to 20 letters and digits; dropped"));
			}
			nationalId = normalized;
		}
		Placement placement = new Placement(accountRef, customerRef, customerName,
				language == null ? null : language.toLowerCase(Locale.ROOT), dateOfBirth, nationalId, principal,
				interest, fees, overdue, oldestDue, in.optional("product"),
				in.optionalAmount("original_amount", currency), in.optionalAmount("installment_amount", currency),
				in.date("open_date"), in.date("charge_off_date"), in.date("last_payment_date"),
				in.optionalAmount("last_payment_amount", currency), in.phones(), in.emails(), in.addresses());
		if (!in.errors.isEmpty()) {
			throw new InvalidInputException(in.errors);
		}
		return new Parsed(placement, List.copyOf(in.warnings));
	}

	/** A checked placement and the optional values dropped on the way. */
	public record Parsed(Placement placement, List<FieldError> warnings) {
	}

	private final class Reader {

		private final Map<String, String> fields;

		private final java.util.List<FieldError> errors = new ArrayList<>();

		private final List<FieldError> warnings = new ArrayList<>();

		Reader(Map<String, String> fields) {
			this.fields = new java.util.HashMap<>(fields);
		}

		/** No value may hold control characters or run longer than its column allows. */
		void checkText() {
			for (Map.Entry<String, String> field : this.fields.entrySet()) {
				String value = field.getValue();
				if (value == null) {
					continue;
				}
				int limit = LIMITS.getOrDefault(field.getKey(), 200);
				int control = org.dues.shared.ControlCharacters.firstIn(value, true);
				if (control >= 0) {
					error(field.getKey(), org.dues.shared.ControlCharacters.describe(value, control));
				}
				else if (value.length() > limit && value.strip().length() > limit) {
					error(field.getKey(), "is longer than %d characters".formatted(limit));
				}
			}
			this.errors.forEach((e) -> this.fields.remove(e.field()));
		}

		boolean present(String field) {
			String value = this.fields.get(field);
			return value != null && !value.isBlank();
		}

		void error(String field, String message) {
			this.errors.add(new FieldError(field, message));
		}

		boolean hasError(String field) {
			return this.errors.stream().anyMatch((e) -> e.field().equals(field));
		}

		@Nullable String optional(String field) {
			return present(field) ? this.fields.get(field).strip() : null;
		}

		String required(String field) {
			if (!present(field)) {
				if (!hasError(field)) {
					error(field, "is required");
				}
				return "";
			}
			return this.fields.get(field).strip();
		}

		Currency currency() {
			Currency expected = PlacementParser.this.creditor.currency();
			if (!present("currency")) {
				if (!hasError("currency")) {
					error("currency", "is required");
				}
				return expected;
			}
			String code = this.fields.get("currency").strip().toUpperCase(Locale.ROOT);
			try {
				Currency given = Currency.getInstance(code);
				if (!given.equals(expected)) {
					error("currency", "%s is not the creditor's currency %s".formatted(code, expected));
				}
			}
			catch (IllegalArgumentException ex) {
				error("currency", "'%s' is not an ISO 4217 currency code".formatted(this.fields.get("currency")));
			}
			return expected;
		}

		Money amount(String field, Currency currency, boolean required) {
			Money value = optionalAmount(field, currency);
			if (value == null && required && !hasError(field)) {
				error(field, "is required");
			}
			return value == null ? Money.zero(currency) : value;
		}

		@Nullable Money optionalAmount(String field, Currency currency) {
			if (!present(field)) {
				return null;
			}
			try {
				return AmountFormat.parse(this.fields.get(field), currency, PlacementParser.this.grouping);
			}
			catch (IllegalArgumentException ex) {
				error(field, ex.getMessage());
				return null;
			}
		}

		@Nullable LocalDate date(String field) {
			if (!present(field)) {
				return null;
			}
			String value = this.fields.get(field).strip();
			try {
				LocalDate date = LocalDate.parse(value, PlacementParser.this.dates);
				if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
					error(field, "'%s' is outside 1900-2100".formatted(value));
					return null;
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				error(field,
						"'%s' is not a valid date (expected %s)".formatted(value, PlacementParser.this.datePattern));
				return null;
			}
		}

		List<PhoneNumber> phones() {
			List<PhoneNumber> phones = new ArrayList<>();
			String region = addressCountry();
			for (String field : List.of("phone_1", "phone_2", "phone_3")) {
				if (present(field)) {
					try {
						PhoneNumber phone = PhoneNumber.parse(this.fields.get(field), region);
						if (phones.stream().noneMatch((p) -> p.e164().equals(phone.e164()))) {
							phones.add(phone);
						}
					}
					catch (IllegalArgumentException ex) {
						this.warnings.add(new FieldError(field, ex.getMessage() + "; dropped"));
					}
				}
			}
			return phones;
		}

		List<EmailAddress> emails() {
			if (!present("email")) {
				return List.of();
			}
			try {
				return List.of(EmailAddress.of(this.fields.get("email")));
			}
			catch (IllegalArgumentException ex) {
				this.warnings.add(new FieldError("email", ex.getMessage() + "; dropped"));
				return List.of();
			}
		}

		List<PostalAddress> addresses() {
			List<String> parts = List.of("address_line1", "address_line2", "city", "state", "postal_code");
			if (parts.stream().noneMatch(this::present)) {
				return List.of();
			}
			try {
				return List.of(new PostalAddress(optional("address_line1"), optional("address_line2"), optional("city"),
						optional("state"), optional("postal_code"), addressCountry()));
			}
			catch (IllegalArgumentException ex) {
				this.warnings.add(new FieldError("country", ex.getMessage() + "; address dropped"));
				return List.of();
			}
		}

		private String addressCountry() {
			String country = optional("country");
			return country == null ? PlacementParser.this.creditor.country() : country.toUpperCase(Locale.ROOT);
		}

	}

}
