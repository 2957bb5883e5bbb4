package org.dues.messaging.letter;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import org.dues.system.PdfFonts;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link Letter} out as a PDF on A4 (US Letter for an English letter to a US
 * reader is the caller's choice of {@link #render(Letter, boolean)}): the sender's block,
 * the date and reference, the recipient's block placed for a windowed envelope, the
 * subject, the body, and a footer with "page n of m" on every page. Fonts are embedded
 * and Indic text is shaped ({@link PdfFonts}).
 */
@Component
public class LetterPdf {

	private static final float BODY = 10.5f;

	private final MessageSource messages;

	LetterPdf(MessageSource messages) {
		this.messages = messages;
	}

	/** The letter's PDF and its number of pages. */
	public record Rendered(byte[] pdf, int pages) {
	}

	/**
	 * Renders the letter on A4, or on US Letter when {@code usLetter}.
	 */
	public Rendered render(Letter letter, boolean usLetter) {
		// Twice: the first pass counts the pages the footer names.
		Rendered first = pass(letter, usLetter, 0);
		return pass(letter, usLetter, first.pages());
	}

	private Rendered pass(Letter letter, boolean usLetter, int total) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Rectangle size = usLetter ? PageSize.LETTER : PageSize.A4;
		Document document = new Document(size, 60, 60, 56, 64);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Locale locale = Locale.forLanguageTag(letter.language());
		Footer footer = new Footer(locale, total);
		writer.setPageEvent(footer);
		document.addTitle(letter.subject());
		document.addCreator("Dues");
		document.open();
		party(document, letter.sender(), true);
		document.add(spaced(PdfFonts.phrase(letter.date(), BODY, false), 12, 0, Element.ALIGN_RIGHT));
		if (letter.reference() != null) {
			document.add(spaced(PdfFonts.phrase(text("letter.reference", locale, letter.reference()), BODY, false), 0,
					0, Element.ALIGN_RIGHT));
		}
		document.add(spaced(PdfFonts.phrase(" ", BODY, false), 6, 0, Element.ALIGN_LEFT));
		party(document, letter.recipient(), false);
		document.add(spaced(PdfFonts.phrase(letter.subject(), 12.5f, true), 22, 10, Element.ALIGN_LEFT));
		for (Letter.Block block : letter.blocks()) {
			switch (block) {
				case Letter.Heading heading ->
					document.add(spaced(PdfFonts.phrase(heading.text(), 11.5f, true), 10, 4, Element.ALIGN_LEFT));
				case Letter.Paragraph paragraph ->
					document.add(spaced(PdfFonts.phrase(paragraph.text(), BODY, false), 0, 6, Element.ALIGN_LEFT));
				case Letter.Check check -> document.add(spaced(box(check.text()), 0, 4, Element.ALIGN_LEFT));
				case Letter.Table table -> document.add(table(table));
			}
		}
		document.close();
		return new Rendered(out.toByteArray(), footer.pages);
	}

	private static void party(Document document, Letter.Party party, boolean bold) {
		document.add(spaced(PdfFonts.phrase(party.name(), BODY, bold), 0, 0, Element.ALIGN_LEFT));
		for (String line : party.addressLines()) {
			document.add(spaced(PdfFonts.phrase(line, BODY, false), 0, 0, Element.ALIGN_LEFT));
		}
	}

	/** The text after a box to tick, drawn by {@link Footer#onGenericTag}. */
	private static Phrase box(String text) {
		Phrase phrase = PdfFonts.phrase(text, BODY, false);
		Chunk box = new Chunk("\u2002\u2002\u2002", new Font(PdfFonts.latin(), BODY));
		box.setGenericTag("box");
		phrase.add(0, box);
		return phrase;
	}

	private static PdfPTable table(Letter.Table table) {
		PdfPTable out = new PdfPTable(new float[] { 3.2f, 1.3f });
		out.setWidthPercentage(80);
		out.setHorizontalAlignment(Element.ALIGN_LEFT);
		out.setSpacingBefore(4);
		out.setSpacingAfter(8);
		for (Letter.Row row : table.rows()) {
			out.addCell(cell(PdfFonts.phrase(row.label(), BODY, row.total()), Element.ALIGN_LEFT, row.total()));
			out.addCell(cell(PdfFonts.phrase(row.amount(), BODY, row.total()), Element.ALIGN_RIGHT, row.total()));
		}
		return out;
	}

	private static PdfPCell cell(Phrase phrase, int alignment, boolean total) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setHorizontalAlignment(alignment);
		cell.setBorder(total ? Rectangle.TOP : Rectangle.NO_BORDER);
		cell.setPaddingTop(3);
		cell.setPaddingBottom(4);
		return cell;
	}

	private static Paragraph spaced(Phrase phrase, float before, float after, int alignment) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		paragraph.setAlignment(alignment);
		paragraph.setMultipliedLeading(1.45f);
		return paragraph;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** Writes "page n of m" at the foot of each page and counts the pages. */
	private final class Footer extends PdfPageEventHelper {

		private final Locale locale;

		private final int total;

		private int pages;

		Footer(Locale locale, int total) {
			this.locale = locale;
			this.total = total;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			this.pages = writer.getPageNumber();
			String text = text("letter.page", this.locale, String.valueOf(this.pages),
					String.valueOf(Math.max(this.total, this.pages)));
			Rectangle page = document.getPageSize();
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
					PdfFonts.phrase(text, 8.5f, false), (page.getLeft() + page.getRight()) / 2, page.getBottom() + 34,
					0);
		}

		@Override
		public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
			PdfContentByte canvas = writer.getDirectContent();
			canvas.saveState();
			canvas.setLineWidth(0.8f);
			canvas.rectangle(rect.getLeft() + 0.5f, rect.getBottom() + 0.5f, 8.5f, 8.5f);
			canvas.stroke();
			canvas.restoreState();
		}

	}

}
