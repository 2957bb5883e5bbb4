package org.dues.portfolio.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ControlCharacters;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation files: upload one, follow its progress, read its report and download its
 * rejected rows. The uploaded file is kept owner-only under the data directory while the
 * import runs and for a retention period after ({@link ImportFiles}); the report and the
 * rejected rows outlive it.
 */
@NamedInterface("imports")
@Service
public class AllocationImports {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AllocationImports.class);

	/**
	 * How many errors and how many warnings a report lists; the rest are counted and in
	 * rejects.csv.
	 */
	static final int ISSUES_SHOWN = 1000;

	private final Creditors creditors;

	private final MappingProfiles mappings;

	private final JdbcClient jdbc;

	private final ImportWorker worker;

	private final ImportRunFactory runs;

	private final ImportFiles files;

	private final Clock clock;

	AllocationImports(Creditors creditors, MappingProfiles mappings, JdbcClient jdbc, ImportWorker worker,
			ImportRunFactory runs, ImportFiles files, Clock clock) {
		this.creditors = creditors;
		this.mappings = mappings;
		this.jdbc = jdbc;
		this.worker = worker;
		this.runs = runs;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Accepts a file and starts importing it in the background. A file whose headers
	 * cannot be mapped is refused at once.
	 * @throws InvalidInputException naming every required column the file lacks
	 * @throws NotFoundException for an unknown creditor or mapping profile
	 */
	public ImportView start(String creditorCode, String fileName, InputStream content, @Nullable String mappingName,
			String who) {
		CreditorView creditor = this.creditors.getByCode(creditorCode);
		MappingProfile profile = this.mappings.get(creditor, mappingName);
		String name = uploadName(fileName);
		AllocationFile.Format format = AllocationFile.Format.of(name);
		UUID id = UUID.randomUUID();
		Path file = this.files.file(id, format);
		try {
			this.files.store(id, format, content);
			checkHeaders(file, format, profile);
		}
		catch (IOException ex) {
			deleteQuietly(file);
			// The message names the stored file's path: for the log only.
			log.warn("Upload {} could not be stored or read", id, ex);
			throw new InvalidInputException("file", "the file could not be read");
		}
		catch (RuntimeException | Error ex) {
			// an upload that went wrong in any way leaves no file behind
			deleteQuietly(file);
			throw ex;
		}
		this.jdbc
			.sql("""
					INSERT INTO portfolio_imports (id, creditor_id, file_name, file_format, mapping_name, status, created_by,
					    started_at)
					VALUES (:id, :creditor, :name, :format, :mapping, 'RUNNING', :who, :now)""")
			.param("id", id)
			.param("creditor", creditor.id().value())
			.param("name", name.length() > 255 ? name.substring(0, 255) : name)
			.param("format", format.name())
			.param("mapping", mappingName == null || mappingName.isBlank() ? null : profile.name())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", who)
			.update();
		ImportRun run = this.runs.create(id, creditor, profile, file, format, name, who);
		// the answer is the import as accepted: read before it starts, a small file may
		// otherwise be done before the caller hears it was taken
		ImportView accepted = get(id);
		this.worker.execute(run::run, () -> ended(id));
		return accepted;
	}

	/**
	 * The name an upload is shown by: the last segment of the name the client sent (a
	 * browser may send a whole path, with {@code /} or {@code \}), {@code upload.csv}
	 * when nothing is left.
	 * @throws InvalidInputException when the name holds a control character
	 */
	static String uploadName(@Nullable String given) {
		if (given == null) {
			return "upload.csv";
		}
		int refused = ControlCharacters.firstIn(given, false);
		if (refused >= 0) {
			throw new InvalidInputException("file", "its name " + ControlCharacters.describe(given, refused));
		}
		String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
		return (name.isEmpty() || name.equals(".") || name.equals("..")) ? "upload.csv" : name;
	}

	private static void checkHeaders(Path file, AllocationFile.Format format, MappingProfile profile)
			throws IOException {
		if (format == AllocationFile.Format.XLSX) {
			WorkbookExpansion.check(file);
		}
		try (AllocationFile rows = AllocationFile.open(file, format, DateTimeFormatter.ISO_LOCAL_DATE)) {
			ImportColumns.resolve(rows.headers(), profile);
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("file", "the file is not a readable CSV or XLSX file");
		}
	}

	/**
	 * An import with its counts, errors and warnings, all read from one snapshot (an
	 * import finishing between the reads would otherwise show as completed without its
	 * issues).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ImportView get(UUID id) {
		List<ImportView.Issue> errors = new ArrayList<>();
		List<ImportView.Issue> warnings = new ArrayList<>();
		int[] counts = new int[2];
		this.jdbc.sql("SELECT severity, count(*) FROM portfolio_import_issues WHERE import_id = :id GROUP BY severity")
			.param("id", id)
			.query((rs) -> {
				counts["ERROR".equals(rs.getString(1)) ? 0 : 1] = rs.getInt(2);
			});
		this.jdbc.sql("""
				SELECT line, severity, field, message FROM (
				    SELECT i.*, row_number() OVER (PARTITION BY severity ORDER BY line) AS n
				    FROM portfolio_import_issues i WHERE import_id = :id) shown
				WHERE n <= :limit ORDER BY line, severity""")
			.param("id", id)
			.param("limit", ISSUES_SHOWN)
			.query((rs) -> {
				ImportView.Issue issue = new ImportView.Issue(rs.getInt(1), rs.getString(3), rs.getString(4));
				("ERROR".equals(rs.getString(2)) ? errors : warnings).add(issue);
			});
		return this.jdbc.sql(SELECT + " WHERE i.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, errors, warnings, counts[0], counts[1]))
			.optional()
			.orElseThrow(() -> new NotFoundException("import", id));
	}

	/**
	 * An import's status and counts, without its issues; {@link NotFoundException} if
	 * unknown.
	 */
	public ImportView summary(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE i.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, List.of(), List.of(), rs.getInt("rows_rejected"), 0))
			.optional()
			.orElseThrow(() -> new NotFoundException("import", id));
	}

	/** The latest imports, newest first, without their issues. */
	public List<ImportView> recent(int limit) {
		return this.jdbc.sql(SELECT + " ORDER BY i.started_at DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> view(rs, List.of(), List.of(), rs.getInt("rows_rejected"), 0))
			.list();
	}

	/**
	 * Writes the rejected rows as they came, with the header and a {@code reason} column;
	 * national ids masked and cells a spreadsheet would take for formulas neutralised.
	 * Served after the uploaded file is deleted.
	 * @throws NotFoundException for an unknown import
	 */
	public void writeRejects(UUID id, Writer out) {
		this.files.writeRejects(summary(id), out);
	}

	/**
	 * Keeps an ended import's rejects and deletes the file of a failed one.
	 * @return the import as it ended, null if it could not be read
	 */
	private @Nullable ImportView ended(UUID id) {
		ImportView view = null;
		try {
			view = summary(id);
			this.files.ended(view);
		}
		catch (RuntimeException ex) {
			log.error("Import {} ended, but its rejects could not be kept or its file deleted; the hourly purge"
					+ " tries again", id, ex);
		}
		return view;
	}

	/**
	 * Deletes the uploaded files that are due ({@link ImportFiles#purge}).
	 * @return the files deleted
	 */
	int purgeFiles() {
		return this.files.purge(this);
	}

	private static final String SELECT = """
			SELECT i.*, c.code FROM portfolio_imports i JOIN portfolio_creditors c ON c.id = i.creditor_id""";

	private static ImportView view(ResultSet rs, List<ImportView.Issue> errors, List<ImportView.Issue> warnings,
			int errorCount, int warningCount) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ImportView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("file_name"),
				rs.getString("file_format"), rs.getString("mapping_name"),
				ImportView.ImportStatus.valueOf(rs.getString("status")), rs.getInt("rows_total"),
				rs.getInt("rows_read"), rs.getInt("rows_created"), rs.getInt("rows_updated"),
				rs.getInt("rows_unchanged"), rs.getInt("rows_rejected"), rs.getString("message"),
				rs.getString("created_by"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant(), errors, warnings, errorCount, warningCount);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Left for the operator; nothing refers to it.
		}
	}

}
