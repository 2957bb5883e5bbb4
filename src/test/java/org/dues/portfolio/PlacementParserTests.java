package org.dues.portfolio;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlacementParserTests {

	static final CreditorView KERALA_NBFC = new CreditorView(new CreditorId(UUID.randomUUID()), "KNB", "Kerala NBFC",
			"IN", Currency.getInstance("INR"), "IN", ZoneId.of("Asia/Kolkata"), "RBI_SMA", Waterfall.DEFAULT);

	private final PlacementParser parser = new PlacementParser(KERALA_NBFC, null);

	static Map<String, String> row() {
		Map<String, String> row = new HashMap<>();
		row.put("account_ref", "KL-0001");
		row.put("customer_ref", "C-0001");
		row.put("customer_name", "ശ്രീജ നായർ");
		row.put("currency", "INR");
		row.put("principal_outstanding", "1,23,456.50");
		row.put("interest_outstanding", "₹1,000");
		row.put("fees_outstanding", "500");
		row.put("total_outstanding", "124956.50");
		row.put("overdue_amount", "10,000");
		row.put("oldest_due_date", "2026-09-01");
		row.put("phone_1", "98470 12345");
		row.put("phone_2", "+91-94470-22222");
		row.put("phone_3", "0474 2751234");
		row.put("email", "sreeja@example.in");
		row.put("city", "Kollam");
		row.put("state", "KL");
		return row;
	}

	@Test
	void readsAMessyButValidRow() {
		PlacementParser.Parsed parsed = this.parser.parse(row());
		Placement p = parsed.placement();
		assertThat(parsed.warnings()).isEmpty();
		assertThat(p.customerName()).isEqualTo("ശ്രീജ നായർ");
		assertThat(p.principal()).isEqualTo(Money.of("123456.50", "INR"));
		assertThat(p.interest()).isEqualTo(Money.of("1000", "INR"));
		assertThat(p.overdue()).isEqualTo(Money.of("10000", "INR"));
		assertThat(p.oldestDueDate()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(p.phones()).extracting("e164").containsExactly("+919847012345", "+919447022222", "+914742751234");
		assertThat(p.addresses()).singleElement().satisfies((a) -> assertThat(a.country()).isEqualTo("IN"));
		assertThat(p.originalAmount()).isNull();
	}

	@ParameterizedTest(name = "{0}={1} → {2}")
	@CsvSource(delimiter = '|', value = { "account_ref||is required", "customer_name| |is required",
			"principal_outstanding|-5|negative", "principal_outstanding|12abc|not an amount",
			"fees_outstanding|1.234|decimal places", "total_outstanding|99|is not principal + interest + fees",
			"overdue_amount|2,00,000|more than the total outstanding", "currency|USD|not the creditor's currency",
			"currency|XYZ|not an ISO 4217", "oldest_due_date|2026-02-30|not a valid date",
			"oldest_due_date||is required when an amount is overdue", "language|malayalam|ISO 639-1",
			"interest_outstanding|$100|in USD" })
	void rejectsTheRowNamingTheField(String field, String value, String message) {
		Map<String, String> row = row();
		row.put(field, value == null ? "" : value);
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> this.parser.parse(row));
		assertThat(ex).as("row with %s=%s should be rejected", field, value).isNotNull();
		assertThat(ex.errors()).anySatisfy((FieldError e) -> {
			assertThat(e.field()).isEqualTo(field);
			assertThat(e.message()).contains(message);
		});
	}

	@Test
	void listsEveryProblemOfARow() {
		Map<String, String> row = row();
		row.remove("account_ref");
		row.put("principal_outstanding", "-1");
		row.put("currency", "USD");
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> this.parser.parse(row));
		assertThat(ex.errors()).extracting(FieldError::field)
			.contains("account_ref", "principal_outstanding", "currency");
	}

	@Test
	void dropsABadPhoneOrEmailWithAWarningAndKeepsTheRow() {
		Map<String, String> row = row();
		row.put("phone_2", "12345");
		row.put("email", "not-an-email");
		PlacementParser.Parsed parsed = this.parser.parse(row);
		assertThat(parsed.placement().phones()).hasSize(2);
		assertThat(parsed.placement().emails()).isEmpty();
		assertThat(parsed.warnings()).extracting(FieldError::field).containsExactly("phone_2", "email");
	}

	@Test
	void mergesTheSameNumberWrittenTwoWays() {
		Map<String, String> row = row();
		row.put("phone_2", "+91 98470 12345");
		assertThat(this.parser.parse(row).placement().phones()).hasSize(2);
	}

	@Test
	void readsDatesInTheMappingsFormat() {
		Map<String, String> row = row();
		row.put("oldest_due_date", "01/09/2026");
		assertThat(new PlacementParser(KERALA_NBFC, "dd/MM/yyyy").parse(row).placement().oldestDueDate())
			.isEqualTo(LocalDate.of(2026, 9, 1));
		row.put("oldest_due_date", "31/02/2026");
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> new PlacementParser(KERALA_NBFC, "dd/MM/yyyy").parse(row)))
			.isNotNull();
	}

	@Test
	void nothingOverdueNeedsNoDueDate() {
		Map<String, String> row = row();
		row.put("overdue_amount", "0");
		row.remove("oldest_due_date");
		assertThat(this.parser.parse(row).placement().oldestDueDate()).isNull();
	}

}
