package org.dues.payment.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.dues.payment.RemittanceView;
import org.dues.system.PdfFonts;
import org.dues.system.PrintedMoney;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A remittance statement as a PDF (A4) for the creditor, in the reader's language: the
 * creditor, the period and the statement's number, the totals down to what is due, and a
 * line for each payment remitted or reversal clawed back. Indic text is shaped
 * ({@link PdfFonts}).
 */
@Component
class RemittancePdf {

	private static final float BODY = 9f;

	private final MessageSource messages;

	RemittancePdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(RemittanceView s, Locale reader) {
		String language = reader.getLanguage();
		String currency = s.collected().currencyCode();
		Locale locale = PrintedMoney.locale(language, currency);
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle(text("rem.statement", locale) + " " + (s.number() == null ? "" : s.number()));
		document.addCreator("Dues");
		document.open();
		document.add(paragraph(PdfFonts.phrase(s.creditor().name() + " (" + s.creditor().code() + ")", 14, true), 2));
		document.add(paragraph(PdfFonts.phrase(
				text("rem.statement", locale) + " " + (s.number() == null ? text("rem.preview", locale) : s.number()),
				12, true), 2));
		document.add(paragraph(PdfFonts.phrase(text("rem.period", locale) + ": "
				+ text("rem.range", locale, dates.format(s.from()), dates.format(s.to())), BODY, false), 10));
		PdfPTable totals = new PdfPTable(new float[] { 3f, 2f });
		totals.setWidthPercentage(60);
		totals.setHorizontalAlignment(Element.ALIGN_LEFT);
		totals.setSpacingAfter(12);
		row(totals, text("rem.collected", locale), PrintedMoney.format(s.collected(), language), false);
		row(totals, text("rem.reversed", locale), PrintedMoney.format(s.reversed().negate(), language), false);
		row(totals, text("rem.net", locale), PrintedMoney.format(s.net(), language), false);
		row(totals,
				text("rem.commission", locale) + " " + s.commissionRate().stripTrailingZeros().toPlainString() + "%",
				PrintedMoney.format(s.commission().negate(), language), false);
		row(totals, text("rem.tax", locale) + " " + s.taxRate().stripTrailingZeros().toPlainString() + "%",
				PrintedMoney.format(s.tax().negate(), language), false);
		row(totals, text("rem.due", locale), PrintedMoney.format(s.due(), language), true);
		document.add(totals);
		PdfPTable lines = new PdfPTable(new float[] { 1.3f, 1.6f, 2.2f, 1.3f, 1.8f, 1.6f });
		lines.setWidthPercentage(100);
		lines.setHeaderRows(1);
		for (String key : new String[] { "pay.receivedOn", "rem.account", "pay.reference", "pay.channel", "rem.kind",
				"pay.amount" }) {
			lines.addCell(cell(PdfFonts.phrase(text(key, locale), BODY, true)));
		}
		for (RemittanceView.Line line : s.lines()) {
			lines.addCell(cell(PdfFonts.phrase(dates.format(line.receivedOn()), BODY, false)));
			lines.addCell(cell(PdfFonts.phrase(line.accountRef(), BODY, false)));
			lines.addCell(cell(PdfFonts.phrase(line.reference(), BODY, false)));
			lines.addCell(cell(PdfFonts.phrase(text("pay.channel." + line.channel(), locale), BODY, false)));
			lines.addCell(cell(PdfFonts.phrase(text("rem.kind." + line.kind(), locale), BODY, false)));
			PdfPCell amount = cell(PdfFonts.phrase(PrintedMoney.format(line.amount(), language), BODY, false));
			amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
			lines.addCell(amount);
		}
		document.add(lines);
		document.close();
		return out.toByteArray();
	}

	private static void row(PdfPTable table, String label, String value, boolean strong) {
		table.addCell(cell(PdfFonts.phrase(label, BODY + 1, strong)));
		PdfPCell cell = cell(PdfFonts.phrase(value, BODY + 1, strong));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(cell);
	}

	private static PdfPCell cell(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(new Color(210, 210, 210));
		cell.setPaddingTop(2);
		cell.setPaddingBottom(4);
		return cell;
	}

	private static Paragraph paragraph(Phrase phrase, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setSpacingAfter(after);
		paragraph.setMultipliedLeading(1.4f);
		return paragraph;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
