package org.dues.portfolio.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.dues.customer.NationalIds;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.PlacementParser;
import org.dues.shared.CopyText;
import org.dues.shared.NotFoundException;
import org.dues.shared.SpreadsheetCsv;
import org.dues.system.PostgresCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's rejects.csv: its rejected rows as they came, national ids masked, each with
 * its reason. Kept in the database when the import ends ({@link #keep}), so that it
 * outlives the uploaded file; read from the file only for an import that has not kept it
 * yet (one still running, or one from before).
 */
@Component
class ImportRejects {

	/** Rows kept per {@code COPY}. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final Creditors creditors;

	private final MappingProfiles mappings;

	ImportRejects(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, Creditors creditors,
			MappingProfiles mappings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.creditors = creditors;
		this.mappings = mappings;
	}

	/**
	 * Writes the rejects as CSV whose formula-like cells are neutralised.
	 * @throws NotFoundException when neither they nor the file are kept
	 */
	void write(ImportView view, Path file, Writer out) {
		SpreadsheetCsv csv = new SpreadsheetCsv(out);
		if (kept(view.id())) {
			this.jdbc.sql("SELECT cells FROM portfolio_import_rejects WHERE import_id = :id ORDER BY line")
				.param("id", view.id())
				.query((rs) -> {
					csv.row(List.of((String[]) rs.getArray(1).getArray()));
				});
		}
		else if (Files.exists(file)) {
			read(view, file, csv::row);
		}
		else {
			throw new NotFoundException("rejected rows of import", view.id());
		}
	}

	/**
	 * Keeps the rejects of an import that has ended, read from its file, unless they are
	 * kept already; nothing when the file is gone.
	 */
	void keep(ImportView view, Path file) {
		if (kept(view.id()) || !Files.exists(file)) {
			return;
		}
		this.transactions.executeWithoutResult((tx) -> {
			// One keeper at a time: the import's own thread and the hourly purge may
			// meet.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
				.param("key", "import-rejects/" + view.id())
				.query(Object.class)
				.single();
			if (kept(view.id())) {
				return;
			}
			StringBuilder rows = new StringBuilder();
			int[] line = { 1 };
			int[] batched = { 0 };
			read(view, file, (cells) -> {
				new CopyText(rows).add(view.id().toString()).add(Integer.toString(line[0]++)).addArray(cells).end();
				if (++batched[0] == BATCH) {
					copy(rows);
					batched[0] = 0;
				}
			});
			copy(rows);
		});
	}

	private void copy(StringBuilder rows) {
		PostgresCopy.in(this.dataSource,
				"COPY portfolio_import_rejects (import_id, line, cells) FROM STDIN (FORMAT csv)", rows);
		rows.setLength(0);
	}

	/** Whether they are kept: the header, line 1, is always. */
	private boolean kept(UUID id) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM portfolio_import_rejects WHERE import_id = :id AND line = 1)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The header with a {@code reason} column, then each rejected row as it came, its
	 * national id masked, with its reasons. Rows that an import has not rejected (yet)
	 * are not given.
	 */
	private void read(ImportView view, Path file, Consumer<List<String>> rows) {
		Map<Integer, String> reasons = new HashMap<>();
		this.jdbc.sql("""
				SELECT line, string_agg(coalesce(field || ': ', '') || message, '; ' ORDER BY field)
				FROM portfolio_import_issues WHERE import_id = :id AND severity = 'ERROR' GROUP BY line""")
			.param("id", view.id())
			.query((rs) -> {
				reasons.put(rs.getInt(1), rs.getString(2));
			});
		// Dates from workbook cells go back out as the mapping reads them, so the file
		// can be fixed and re-sent.
		MappingProfile profile = view.mapping() == null ? MappingProfile.CANONICAL
				: this.mappings.list(this.creditors.getByCode(view.creditorCode()))
					.stream()
					.filter((p) -> p.name().equals(view.mapping()))
					.findFirst()
					.orElse(MappingProfile.CANONICAL);
		DateTimeFormatter dates = profile.dateFormat() == null ? DateTimeFormatter.ISO_LOCAL_DATE
				: PlacementParser.formatter(profile.dateFormat());
		try (AllocationFile content = AllocationFile.open(file, AllocationFile.Format.valueOf(view.format()), dates)) {
			List<String> header = new ArrayList<>(content.headers());
			header.add("reason");
			rows.accept(header);
			if (reasons.isEmpty()) {
				return;
			}
			// A national id leaves Dues masked, as everywhere but to compliance.
			Integer nationalId = ImportColumns.resolve(content.headers(), profile).get("national_id");
			for (AllocationFile.FileRow row = content.next(); row != null; row = content.next()) {
				String reason = reasons.get(row.line());
				if (reason != null) {
					List<String> values = new ArrayList<>(row.values());
					while (values.size() < content.headers().size()) {
						values.add("");
					}
					if (nationalId != null && !values.get(nationalId).isBlank()) {
						String normalized = NationalIds.normalize(values.get(nationalId));
						values.set(nationalId, "••••" + ((normalized == null) ? "" : NationalIds.last4(normalized)));
					}
					values.add(reason);
					rows.accept(values);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
