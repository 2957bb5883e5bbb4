package org.dues.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.reporting.Target;
import org.dues.reporting.TargetSheets;
import org.dues.shared.Money;
import org.dues.shared.SpreadsheetCsv;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Targets as an XLSX workbook: the first sheet in the columns an import reads
 * ({@link TargetSheets#COLUMNS}, then the name, who set it and when), a row a target and
 * currency, so a sheet exported reads back the same; a second sheet names the filters
 * applied and when the file was made.
 */
final class TargetFiles {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private TargetFiles() {
	}

	static ResponseEntity<byte[]> xlsx(List<Target> targets, List<List<String>> filters, Instant made)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Dues", "1.0");
		Worksheet sheet = workbook.newWorksheet("targets");
		List<String> header = new java.util.ArrayList<>(TargetSheets.COLUMNS);
		header.addAll(List.of("name", "set_by", "set_at"));
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
			sheet.style(0, c).bold().set();
		}
		int r = 0;
		for (Target target : targets) {
			List<Money> amounts = target.collected().isEmpty() ? java.util.Collections.singletonList(null)
					: target.collected();
			for (Money amount : amounts) {
				r++;
				sheet.value(r, 0, target.period().toString());
				sheet.value(r, 1, target.scope().name());
				sheet.value(r, 2, SpreadsheetCsv.neutralize(target.id()));
				if (amount != null) {
					sheet.value(r, 3, amount.currencyCode());
					sheet.value(r, 4, amount.amount());
					sheet.style(r, 4)
						.format((amount.currency().getDefaultFractionDigits() > 0) ? "#,##0.00" : "#,##0")
						.set();
				}
				if (target.values().promisesKept() != null) {
					sheet.value(r, 5, target.values().promisesKept());
				}
				if (target.values().accountsResolved() != null) {
					sheet.value(r, 6, target.values().accountsResolved());
				}
				sheet.value(r, 7, SpreadsheetCsv.neutralize(target.name()));
				sheet.value(r, 8, target.setBy());
				sheet.value(r, 9, target.setAt().toString());
			}
		}
		Worksheet about = workbook.newWorksheet("filters");
		int a = 0;
		for (List<String> filter : filters) {
			about.value(a, 0, filter.get(0));
			about.value(a, 1, filter.get(1));
			a++;
		}
		about.value(a, 0, "made_at");
		about.value(a, 1, made.toString());
		workbook.finish();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"targets.xlsx\"")
			.contentType(MediaType.parseMediaType(XLSX))
			.body(out.toByteArray());
	}

}
