package org.dues.reporting;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An amount in the workbook is a number whose format shows its currency's code as quoted
 * text: unquoted, a spreadsheet reads the D and S of "USD" as day and second and shows a
 * dollar amount as a date.
 */
class ReportFilesTests {

	@Test
	void anAmountsFormatQuotesItsCurrencyCode() throws Exception {
		ReportTable table = new ReportTable("Measures", null, List.of("Measure", "Amount"),
				List.of(Arrays.asList("Collected (USD)", Money.of("17647.00", "USD")),
						Arrays.asList("Collected (INR)", Money.of("435784.00", "INR")),
						Arrays.asList("Collected (JPY)", Money.of("1200", "JPY"))));
		byte[] xlsx = ReportFiles.xlsx(new ReportDocument("Pack", List.of("Period"), List.of(table)));

		List<String> formats = new ArrayList<>();
		List<String> values = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
				new ReadingOptions(true, false))) {
			for (Row row : workbook.getFirstSheet().read()) {
				for (Cell cell : row) {
					if (cell != null && cell.getType() == CellType.NUMBER) {
						formats.add(cell.getDataFormatString());
						values.add(cell.getRawValue());
					}
				}
			}
		}
		assertThat(values).containsExactly("17647.00", "435784.00", "1200");
		assertThat(formats).containsExactly("\"USD\" #,##0.00", "\"INR\" #,##0.00", "\"JPY\" #,##0");
		// outside the quotes nothing a spreadsheet takes for a date or time part
		assertThat(formats)
			.allSatisfy((f) -> assertThat(f.replaceAll("\"[^\"]*\"", "")).doesNotContainPattern("[dDmMyYhHsS]"));
	}

}
