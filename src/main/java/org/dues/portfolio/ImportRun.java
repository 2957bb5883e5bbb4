package org.dues.portfolio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.customer.CustomerBulk;
import org.dues.customer.StagedCustomer;
import org.dues.shared.CopyText;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.Money;
import org.dues.system.PostgresCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams the file in chunks, checks each chunk's rows on all cores,
 * stages the good rows with {@code COPY}, then merges them set-based, all in one
 * transaction, so an import either completes or leaves no trace.
 */
class ImportRun {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

	static final int CHUNK = 5000;

	private final UUID id;

	private final CreditorView creditor;

	private final MappingProfile profile;

	private final Path file;

	private final AllocationFile.Format format;

	private final String fileName;

	private final String who;

	private final Deps deps;

	record Deps(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions,
			TransactionTemplate separateTransactions, CustomerBulk customers, Aging aging, Clock clock) {
	}

	ImportRun(UUID id, CreditorView creditor, MappingProfile profile, Path file, AllocationFile.Format format,
			String fileName, String who, Deps deps) {
		this.id = id;
		this.creditor = creditor;
		this.profile = profile;
		this.file = file;
		this.format = format;
		this.fileName = fileName;
		this.who = who;
		this.deps = deps;
	}

	void run() {
		try {
			this.deps.transactions().executeWithoutResult((tx) -> importAll());
		}
		catch (RuntimeException ex) {
			String message;
			if (ex instanceof InvalidInputException invalid) {
				message = invalid.getMessage();
			}
			else {
				log.error("Import {} failed", this.id, ex);
				message = "the import failed and changed nothing (%s; the details are in the server log)"
					.formatted(rootCause(ex));
			}
			this.deps.separateTransactions()
				.executeWithoutResult((tx) -> this.deps.jdbc()
					.sql("""
							UPDATE portfolio_imports SET status = 'FAILED', message = :message, finished_at = :now
							WHERE id = :id""")
					.param("id", this.id)
					.param("message", message.length() > 1000 ? message.substring(0, 1000) : message)
					.param("now", now())
					.update());
		}
	}

	private long started;

	private void importAll() {
		this.started = System.nanoTime();
		JdbcClient jdbc = this.deps.jdbc();
		// Sorts and hashes over a million rows stay in memory. If the server crashes
		// right after
		// the commit, the import may be lost whole (its row then reads "interrupted"),
		// never half.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
		// One import per creditor at a time: two files placing the same new account must
		// not race.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "import/" + this.creditor.id())
			.query(Object.class)
			.single();
		String status = jdbc.sql("SELECT status FROM portfolio_imports WHERE id = :id")
			.param("id", this.id)
			.query(String.class)
			.single();
		if (!"RUNNING".equals(status)) {
			// Marked failed by a node that restarted while this one was queued: leave it
			// so.
			return;
		}
		DateTimeFormatter dates = this.profile.dateFormat() == null ? DateTimeFormatter.ISO_LOCAL_DATE
				: PlacementParser.formatter(this.profile.dateFormat());
		PlacementParser parser = new PlacementParser(this.creditor, this.profile.dateFormat(), this.profile.grouping(),
				LocalDate.now(this.deps.clock().withZone(this.creditor.timeZone())));
		int read = 0;
		int rejected = 0;
		try (AllocationFile rows = AllocationFile.open(this.file, this.format, dates)) {
			Map<String, Integer> columns = ImportColumns.resolve(rows.headers(), this.profile);
			List<AllocationFile.FileRow> chunk = new ArrayList<>(CHUNK);
			boolean more = true;
			while (more) {
				chunk.clear();
				AllocationFile.FileRow row;
				while (chunk.size() < CHUNK && (row = rows.next()) != null) {
					chunk.add(row);
				}
				more = chunk.size() == CHUNK;
				if (chunk.isEmpty()) {
					break;
				}
				int width = rows.headers().size();
				List<Checked> checked = chunk.parallelStream().map((r) -> check(parser, columns, width, r)).toList();
				rejected += stage(checked);
				read += chunk.size();
				progress(read);
			}
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "the file could not be read: " + ex.getMessage());
		}
		long mark = System.nanoTime();
		log.info("import {}: {} rows read, checked and staged in {} ms", this.id, read,
				(mark - this.started) / 1_000_000);
		OffsetDateTime now = now();
		LocalDate today = LocalDate.now(this.deps.clock().withZone(this.creditor.timeZone()));
		ImportMerge merge = new ImportMerge(jdbc, this.id, this.creditor, now, today, this.fileName, this.who);
		int[] repeats = merge.rejectRepeats();
		rejected += repeats.length;
		this.deps.customers().exclude(repeats);
		mark = lap("repeats", mark);
		this.deps.customers().merge(this.creditor.id().value(), "IMPORT", now);
		mark = lap("customers", mark);
		merge.apply();
		mark = lap("accounts and ledger", mark);
		this.deps.aging().ageImported();
		mark = lap("aging", mark);
		int created = merge.count("CREATED");
		int updated = merge.count("UPDATED");
		int unchanged = merge.count("UNCHANGED");
		jdbc.sql(
				"""
						UPDATE portfolio_imports SET status = 'COMPLETED', rows_total = :total, rows_read = :total,
						    rows_created = :created, rows_updated = :updated, rows_unchanged = :unchanged, rows_rejected = :rejected,
						    finished_at = :now WHERE id = :id""")
			.param("id", this.id)
			.param("total", read)
			.param("created", created)
			.param("updated", updated)
			.param("unchanged", unchanged)
			.param("rejected", rejected)
			.param("now", now())
			.update();
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		// The first line of a database error, without the statement that caused it.
		return text.lines().findFirst().orElse(text);
	}

	private long lap(String phase, long since) {
		long now = System.nanoTime();
		log.info("import {}: {} in {} ms", this.id, phase, (now - since) / 1_000_000);
		return now;
	}

	/**
	 * A row after checking: either a placement (with warnings) or the reasons it is
	 * rejected.
	 */
	record Checked(int line, String accountRef, Placement placement, List<FieldError> warnings,
			List<FieldError> errors) {
	}

	private static Checked check(PlacementParser parser, Map<String, Integer> columns, int width,
			AllocationFile.FileRow row) {
		int values = row.values().size();
		boolean extra = row.values().subList(Math.min(width, values), values).stream().anyMatch((v) -> !v.isBlank());
		if (row.exact() ? values != width : extra) {
			return new Checked(row.line(), "", null, List.of(),
					List.of(new FieldError("row",
							"has %d values where the header has %d: a separator inside an unquoted value?"
								.formatted(values, width))));
		}
		Map<String, String> fields = new HashMap<>();
		columns.forEach((field, column) -> fields.put(field, row.value(column)));
		try {
			PlacementParser.Parsed parsed = parser.parse(fields);
			return new Checked(row.line(), parsed.placement().accountRef(), parsed.placement(), parsed.warnings(),
					List.of());
		}
		catch (InvalidInputException ex) {
			String accountRef = fields.getOrDefault("account_ref", "");
			return new Checked(row.line(), accountRef == null ? "" : accountRef.strip(), null, List.of(), ex.errors());
		}
	}

	/** Stages the accepted rows and records every issue. @return the rows rejected */
	private int stage(List<Checked> rows) {
		StringBuilder accounts = new StringBuilder(rows.size() * 200);
		StringBuilder issues = new StringBuilder();
		StringBuilder rejectedRefs = new StringBuilder();
		List<StagedCustomer> customers = new ArrayList<>(rows.size());
		int rejected = 0;
		for (Checked row : rows) {
			for (FieldError error : row.errors()) {
				issue(issues, row.line(), "ERROR", error);
			}
			for (FieldError warning : row.warnings()) {
				issue(issues, row.line(), "WARNING", warning);
			}
			if (!row.errors().isEmpty()) {
				rejected++;
				if (!row.accountRef().isEmpty()) {
					// A later row with this account_ref is a repeat even though this one
					// was rejected.
					new CopyText(rejectedRefs).add(Integer.toString(row.line())).add(row.accountRef()).end();
				}
				continue;
			}
			Placement p = row.placement();
			new CopyText(accounts).add(Integer.toString(row.line()))
				.add(p.accountRef())
				.add(p.customerRef())
				.add(amount(p.principal()))
				.add(amount(p.interest()))
				.add(amount(p.fees()))
				.add(amount(p.overdue()))
				.add(date(p.oldestDueDate()))
				.add(p.product())
				.add(amount(p.originalAmount()))
				.add(amount(p.installmentAmount()))
				.add(date(p.openDate()))
				.add(date(p.chargeOffDate()))
				.add(date(p.lastPaymentDate()))
				.add(amount(p.lastPaymentAmount()))
				.end();
			customers.add(new StagedCustomer(row.line(), p.customerRef(), p.customerName(), p.language(),
					p.dateOfBirth(), p.phones(), p.emails().isEmpty() ? null : p.emails().get(0),
					p.addresses().isEmpty() ? null : p.addresses().get(0)));
		}
		this.deps.jdbc().sql(ImportMerge.STAGING).update();
		PostgresCopy.in(this.deps.dataSource(), """
				COPY portfolio_import_staging (line, account_ref, customer_ref, principal, interest, fees, overdue,
				    oldest_due_date, product, original_amount, installment_amount, open_date, charge_off_date,
				    last_payment_date, last_payment_amount) FROM STDIN (FORMAT csv)""", accounts);
		this.deps.jdbc().sql(ImportMerge.REJECTED_REFS).update();
		PostgresCopy.in(this.deps.dataSource(), "COPY import_rejected_refs (line, account_ref) FROM STDIN (FORMAT csv)",
				rejectedRefs);
		PostgresCopy.in(this.deps.dataSource(),
				"COPY portfolio_import_issues (import_id, line, severity, field, message) FROM STDIN (FORMAT csv)",
				issues);
		this.deps.customers().stage(customers);
		return rejected;
	}

	private void issue(StringBuilder out, int line, String severity, FieldError issue) {
		new CopyText(out).add(this.id.toString())
			.add(Integer.toString(line))
			.add(severity)
			.add(issue.field())
			.add(issue.message())
			.end();
	}

	private static String amount(Money money) {
		return money == null ? null : money.amount().toPlainString();
	}

	private static String date(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private void progress(int read) {
		this.deps.separateTransactions()
			.executeWithoutResult((tx) -> this.deps.jdbc()
				.sql("UPDATE portfolio_imports SET rows_read = :read WHERE id = :id")
				.param("id", this.id)
				.param("read", read)
				.update());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.deps.clock()).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
