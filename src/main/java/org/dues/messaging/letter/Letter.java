package org.dues.messaging.letter;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A letter as it is printed: who sends it, to whom, on which date, its subject and its
 * body, every text already in the reader's language and every amount already formatted
 * for it. {@link LetterPdf} lays it out.
 *
 * @param language ISO 639-1: {@code en}, {@code hi}, {@code ml}
 * @param reference a reference the reader quotes back (the account's), printed under the
 * date
 */
public record Letter(String language, Party sender, Party recipient, String date, @Nullable String reference,
		String subject, List<Block> blocks) {

	public Letter {
		blocks = List.copyOf(blocks);
	}

	/** A sender or a recipient: a name and the lines of a postal address. */
	public record Party(String name, List<String> addressLines) {

		public Party {
			addressLines = List.copyOf(addressLines);
		}

	}

	/** A part of the body. */
	public sealed interface Block permits Heading, Paragraph, Table, Check {

	}

	/** A heading inside the body. */
	public record Heading(String text) implements Block {
	}

	/** A paragraph. */
	public record Paragraph(String text) implements Block {
	}

	/**
	 * A table of amounts: a label and an amount a line, a total line in bold.
	 */
	public record Table(List<Row> rows) implements Block {

		public Table {
			rows = List.copyOf(rows);
		}

	}

	/** A line of a table: its label, its amount as the reader reads it. */
	public record Row(String label, String amount, boolean total) {
	}

	/** A box the reader ticks, with its text. */
	public record Check(String text) implements Block {
	}

}
