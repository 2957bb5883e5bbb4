package org.dues.payment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.payment.RemittanceView;
import org.dues.shared.Money;
import org.dues.shared.SpreadsheetCsv;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A remittance statement as a file for the creditor: CSV (every cell safe from formula
 * injection) and XLSX, headed by the creditor, the period and the totals, then one row a
 * payment or clawback; labels in the reader's language, amounts as plain numbers.
 */
@Component
class RemittanceFiles {

	private final MessageSource messages;

	private final RemittancePdf pdf;

	RemittanceFiles(MessageSource messages, RemittancePdf pdf) {
		this.messages = messages;
		this.pdf = pdf;
	}

	/**
	 * The statement as a file to download, in the reader's language, named by its number.
	 */
	ResponseEntity<byte[]> download(RemittanceView s, Format format) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		switch (format) {
			case CSV -> csv(s, locale, out);
			case XLSX -> xlsx(s, locale, out);
			case PDF -> out.writeBytes(this.pdf.render(s, locale));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, format.type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + (s.number() == null ? "remittance-preview" : s.number()) + "."
							+ format.name().toLowerCase(Locale.ROOT) + "\"")
			.body(out.toByteArray());
	}

	/** The files a statement is downloaded as, with their media types. */
	enum Format {

		CSV("text/csv;charset=UTF-8"), XLSX(RemittancesApi.XLSX), PDF(MediaType.APPLICATION_PDF_VALUE);

		final String type;

		Format(String type) {
			this.type = type;
		}

	}

	private void csv(RemittanceView s, Locale locale, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		SpreadsheetCsv csv = new SpreadsheetCsv(writer);
		for (List<String> row : summary(s, locale)) {
			csv.row(row);
		}
		csv.row(List.of());
		csv.row(header(locale));
		for (RemittanceView.Line line : s.lines()) {
			csv.row(List.of(line.receivedOn().toString(), line.accountRef(), line.reference(), line.channel().name(),
					say("rem.kind." + line.kind(), locale), line.amount().amount().toPlainString()));
		}
		writer.flush();
	}

	private void xlsx(RemittanceView s, Locale locale, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Dues", "1.0");
		Worksheet sheet = workbook.newWorksheet(s.number() == null ? "Preview" : s.number());
		int r = 0;
		for (List<String> row : summary(s, locale)) {
			sheet.value(r, 0, row.get(0));
			if (row.size() > 1) {
				sheet.value(r, 1, row.get(1));
			}
			r++;
		}
		r++;
		List<String> header = header(locale);
		for (int c = 0; c < header.size(); c++) {
			sheet.value(r, c, header.get(c));
			sheet.style(r, c).bold().set();
		}
		for (RemittanceView.Line line : s.lines()) {
			r++;
			sheet.value(r, 0, line.receivedOn());
			sheet.style(r, 0).format("yyyy-mm-dd").set();
			sheet.value(r, 1, line.accountRef());
			sheet.value(r, 2, line.reference());
			sheet.value(r, 3, line.channel().name());
			sheet.value(r, 4, say("rem.kind." + line.kind(), locale));
			sheet.value(r, 5, line.amount().amount());
			sheet.style(r, 5).format(format(line.amount())).set();
		}
		workbook.finish();
	}

	private List<List<String>> summary(RemittanceView s, Locale locale) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(say("rem.statement", locale), s.number() == null ? say("rem.preview", locale) : s.number()));
		rows.add(List.of(say("rem.creditor", locale), s.creditor().name() + " (" + s.creditor().code() + ")"));
		rows.add(List.of(say("rem.period", locale), s.from() + " – " + s.to()));
		rows.add(List.of(say("rem.currency", locale), s.collected().currencyCode()));
		rows.add(List.of(say("rem.collected", locale), s.collected().amount().toPlainString()));
		rows.add(List.of(say("rem.reversed", locale), s.reversed().amount().negate().toPlainString()));
		rows.add(List.of(say("rem.net", locale), s.net().amount().toPlainString()));
		rows.add(List.of(
				say("rem.commission", locale) + " " + s.commissionRate().stripTrailingZeros().toPlainString() + "%",
				s.commission().amount().negate().toPlainString()));
		rows.add(List.of(say("rem.tax", locale) + " " + s.taxRate().stripTrailingZeros().toPlainString() + "%",
				s.tax().amount().negate().toPlainString()));
		rows.add(List.of(say("rem.due", locale), s.due().amount().toPlainString()));
		if (s.issuedAt() != null) {
			rows.add(List.of(say("rem.issued", locale), s.issuedAt() + " " + s.issuedBy()));
		}
		return rows;
	}

	private List<String> header(Locale locale) {
		return List.of(say("pay.receivedOn", locale), say("rem.account", locale), say("pay.reference", locale),
				say("pay.channel", locale), say("rem.kind", locale), say("pay.amount", locale));
	}

	private String say(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String format(Money money) {
		int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
		return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
	}

}
