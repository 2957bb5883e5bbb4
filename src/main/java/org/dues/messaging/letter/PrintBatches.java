package org.dues.messaging.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.shared.SpreadsheetCsv;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfReader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily print batch for the print-and-post vendor: every letter ready to go, in one
 * PDF, with a manifest CSV naming each letter, its recipient and postal address, its page
 * count and the page of the batch it starts on. Both files are written under the data
 * directory ({@code <DUES_DATA_DIR>/print-batches/}) readable by the owner only, and an
 * administrator downloads them through the API.
 */
@Service
public class PrintBatches {

	private static final List<String> HEADER = List.of("letter_id", "recipient_name", "address_line_1",
			"address_line_2", "address_line_3", "address_line_4", "pages", "first_page");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Path directory;

	PrintBatches(JdbcClient jdbc, Clock clock, @Value("${dues.data-dir}") String dataDir) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.directory = Path.of(dataDir, "print-batches");
	}

	/** A batch as listed. */
	public record PrintBatchView(UUID id, LocalDate batchDate, int letters, int pages, OffsetDateTime createdAt) {
	}

	/**
	 * Collects every letter ready to print into a new batch, or makes none when there is
	 * none. Letters another run is collecting meanwhile are skipped, not printed twice.
	 */
	@Transactional
	public Optional<PrintBatchView> run(LocalDate day) {
		List<LetterView> ready = this.jdbc.sql("SELECT " + """
				id, account_id, customer_id, template, language, letter_date, recipient_name, address_lines, pages,
				status, print_batch_id, created_at FROM messaging_letters WHERE status = 'READY'
				ORDER BY created_at, id FOR UPDATE SKIP LOCKED""").query(Letters::view).list();
		if (ready.isEmpty()) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		StringWriter manifest = new StringWriter();
		SpreadsheetCsv csv = new SpreadsheetCsv(manifest).row(HEADER);
		Document document = new Document();
		PdfCopy copy = new PdfCopy(document, pdf);
		document.open();
		int page = 1;
		for (LetterView letter : ready) {
			byte[] bytes = this.jdbc.sql("SELECT pdf FROM messaging_letters WHERE id = :id")
				.param("id", letter.id())
				.query((rs, n) -> rs.getBytes(1))
				.single();
			try (PdfReader reader = new PdfReader(bytes)) {
				for (int i = 1; i <= reader.getNumberOfPages(); i++) {
					copy.addPage(copy.getImportedPage(reader, i));
				}
				copy.freeReader(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<String> row = new ArrayList<>(List.of(letter.id().toString(), letter.recipientName()));
			for (int i = 0; i < 4; i++) {
				row.add((i < letter.addressLines().size()) ? letter.addressLines().get(i) : "");
			}
			if (letter.addressLines().size() > 4) {
				row.set(5, String.join(", ", letter.addressLines().subList(3, letter.addressLines().size())));
			}
			row.add(String.valueOf(letter.pages()));
			row.add(String.valueOf(page));
			csv.row(row);
			page += letter.pages();
		}
		document.close();
		String name = "letters-%s-%s".formatted(day, id.toString().substring(0, 8));
		Path pdfFile = write(name + ".pdf", pdf.toByteArray());
		Path manifestFile = write(name + ".csv", manifest.toString().getBytes(StandardCharsets.UTF_8));
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO messaging_print_batches (id, batch_date, letters, pages, pdf_file, manifest, created_at)
				VALUES (:id, :day, :letters, :pages, :pdf, :manifest, :now)""")
			.param("id", id)
			.param("day", day)
			.param("letters", ready.size())
			.param("pages", page - 1)
			.param("pdf", pdfFile.getFileName().toString())
			.param("manifest", manifestFile.getFileName().toString())
			.param("now", now)
			.update();
		this.jdbc.sql("UPDATE messaging_letters SET status = 'BATCHED', print_batch_id = :batch WHERE id IN (:ids)")
			.param("batch", id)
			.param("ids", ready.stream().map(LetterView::id).toList())
			.update();
		return Optional.of(new PrintBatchView(id, day, ready.size(), page - 1, now));
	}

	/** The batches, newest first. */
	public List<PrintBatchView> list() {
		return this.jdbc.sql("""
				SELECT id, batch_date, letters, pages, created_at FROM messaging_print_batches
				ORDER BY created_at DESC LIMIT 100""")
			.query((rs, n) -> new PrintBatchView(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getInt(3), rs.getInt(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** The batch's PDF file. */
	public Optional<Path> pdf(UUID batch) {
		return file(batch, "pdf_file");
	}

	/** The batch's manifest CSV file. */
	public Optional<Path> manifest(UUID batch) {
		return file(batch, "manifest");
	}

	private Optional<Path> file(UUID batch, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM messaging_print_batches WHERE id = :id")
			.param("id", batch)
			.query(String.class)
			.optional()
			.map(this.directory::resolve)
			.filter(Files::isReadable);
	}

	private Path write(String name, byte[] content) {
		try {
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve(name);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.write(file, content);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
