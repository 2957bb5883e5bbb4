package org.dues.payment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.dues.shared.Money;
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
 * Lays a receipt out as a one-page PDF (A5) in the customer's language: the creditor, the
 * receipt's number and dates, the customer and the masked account, the amount in figures
 * and in words, how it was applied, and the balance left; a reversed payment's receipt
 * says so, with the reason. Fonts are embedded and Indic text is shaped
 * ({@link PdfFonts}).
 */
@Component
class ReceiptPdf {

	private static final float BODY = 10f;

	private final MessageSource messages;

	private final AmountInWords words;

	ReceiptPdf(MessageSource messages) {
		this.messages = messages;
		this.words = new AmountInWords(messages);
	}

	byte[] render(ReceiptFacts facts) {
		Locale locale = PrintedMoney.locale(facts.language(), facts.amount().currencyCode());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A5, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(text("receipt.title", locale) + " " + facts.receipt().number());
		document.addCreator("Dues");
		document.open();
		document.add(paragraph(PdfFonts.phrase(facts.creditorName(), 14, true), Element.ALIGN_LEFT, 0));
		document.add(paragraph(PdfFonts.phrase(text("receipt.title", locale), 12, true), Element.ALIGN_LEFT, 10));
		if (facts.reversed()) {
			Phrase reversed = PdfFonts.phrase(text("receipt.reversed", locale, facts.reversalReason()), 11, true);
			reversed.getChunks()
				.forEach((c) -> ((org.openpdf.text.Chunk) c).getFont().setColor(new Color(178, 34, 34)));
			document.add(paragraph(reversed, Element.ALIGN_LEFT, 8));
		}
		String language = facts.language();
		PdfPTable table = table();
		row(table, text("receipt.number", locale), facts.receipt().number(), false);
		if (facts.receipt().bookNumber() != null) {
			row(table, text("receipt.systemNumber", locale), facts.receipt().systemNumber(), false);
		}
		row(table, text("receipt.issuedOn", locale), date(facts.receipt().issuedOn(), locale), false);
		row(table, text("receipt.customer", locale), facts.customerName(), false);
		row(table, text("receipt.account", locale), facts.maskedAccount(), false);
		row(table, text("receipt.receivedOn", locale), date(facts.receivedOn(), locale), false);
		row(table, text("receipt.channel", locale), text("receipt.channel." + facts.channel().name(), locale), false);
		row(table, text("receipt.reference", locale), facts.reference(), false);
		row(table, text("receipt.amount", locale), money(facts.amount(), language), true);
		row(table, text("receipt.amountInWords", locale), this.words.words(facts.amount(), language), false);
		document.add(table);
		document.add(paragraph(PdfFonts.phrase(text("receipt.applied", locale), 11, true), Element.ALIGN_LEFT, 4));
		PdfPTable split = table();
		row(split, text("receipt.split.principal", locale), money(facts.allocation().principal().negate(), language),
				false);
		row(split, text("receipt.split.interest", locale), money(facts.allocation().interest().negate(), language),
				false);
		row(split, text("receipt.split.fees", locale), money(facts.allocation().fees().negate(), language), false);
		if (facts.allocation().credit().isPositive()) {
			row(split, text("receipt.split.credit", locale), money(facts.allocation().credit(), language), false);
		}
		row(split, text("receipt.balanceAfter", locale), money(facts.balanceAfter(), language), true);
		document.add(split);
		document.add(paragraph(PdfFonts.phrase(text("receipt.footer", locale), 8, false), Element.ALIGN_LEFT, 0));
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable table() {
		PdfPTable table = new PdfPTable(new float[] { 1.4f, 2.6f });
		table.setWidthPercentage(100);
		table.setSpacingAfter(10);
		return table;
	}

	private static void row(PdfPTable table, String label, String value, boolean strong) {
		table.addCell(cell(PdfFonts.phrase(label, BODY, false)));
		table.addCell(cell(PdfFonts.phrase(value, BODY, strong)));
	}

	private static PdfPCell cell(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(new Color(210, 210, 210));
		cell.setPaddingTop(3);
		cell.setPaddingBottom(5);
		return cell;
	}

	private static Paragraph paragraph(Phrase phrase, int alignment, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(after);
		paragraph.setMultipliedLeading(1.4f);
		return paragraph;
	}

	private static String money(Money money, String language) {
		return PrintedMoney.format(money, language);
	}

	private static String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
