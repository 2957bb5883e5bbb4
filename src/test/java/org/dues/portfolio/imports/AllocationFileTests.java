package org.dues.portfolio.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationFileTests {

	static List<AllocationFile.FileRow> rows(AllocationFile file) {
		List<AllocationFile.FileRow> rows = new ArrayList<>();
		for (AllocationFile.FileRow row = file.next(); row != null; row = file.next()) {
			rows.add(row);
		}
		return rows;
	}

	@Test
	void readsMessyCsvWithTheLineOfEachRow() throws Exception {
		String csv = "\uFEFFaccount_ref,customer_name\r\nA1,\"Kumar, Anil\"\r\n\r\nA2,\"two\nlines\"\r\nA3,ശ്രീജ\r\n\r\n\r\n";
		try (AllocationFile file = AllocationFile.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				AllocationFile.Format.CSV, DateTimeFormatter.ISO_LOCAL_DATE)) {
			assertThat(file.headers()).containsExactly("account_ref", "customer_name");
			List<AllocationFile.FileRow> rows = rows(file);
			assertThat(rows).extracting(AllocationFile.FileRow::line).containsExactly(2, 4, 6);
			assertThat(rows.get(0).values()).containsExactly("A1", "Kumar, Anil");
			assertThat(rows.get(1).value(1)).isEqualTo("two\nlines");
			assertThat(rows.get(2).value(1)).isEqualTo("ശ്രീജ");
		}
	}

	@Test
	void readsTheFirstSheetOfAWorkbook() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Allocation");
			sheet.value(0, 0, "Loan No");
			sheet.value(0, 1, "POS");
			sheet.value(0, 2, "Due Date");
			sheet.value(0, 3, "Mobile");
			sheet.value(1, 0, "KL/001");
			sheet.value(1, 1, 123456.5);
			sheet.value(1, 2, LocalDate.of(2026, 9, 1));
			sheet.style(1, 2).format("dd-mm-yyyy").set();
			sheet.value(1, 3, 9847012345L);
			workbook.newWorksheet("Other").value(0, 0, "ignored");
		}
		try (AllocationFile file = AllocationFile.open(new ByteArrayInputStream(bytes.toByteArray()),
				AllocationFile.Format.XLSX, DateTimeFormatter.ofPattern("dd/MM/yyyy"))) {
			assertThat(file.headers()).containsExactly("Loan No", "POS", "Due Date", "Mobile");
			List<AllocationFile.FileRow> rows = rows(file);
			assertThat(rows).singleElement().satisfies((row) -> {
				assertThat(row.line()).isEqualTo(2);
				assertThat(row.values()).containsExactly("KL/001", "123456.5", "01/09/2026", "9847012345");
			});
		}
	}

}
