package org.dues.portfolio.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.dues.customer.CustomerIntake;
import org.dues.customer.IncomingCustomer;
import org.dues.customer.NationalIds;
import org.dues.portfolio.Placement;
import org.dues.portfolio.PlacementParser;
import org.dues.shared.CopyText;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a file on a thread of its own, chunk by chunk (each chunk's rows on
 * all cores), and hands each chunk over as {@code COPY} input, a few chunks ahead of the
 * import's transaction that stages them: parsing and the database's work overlap, and
 * memory holds only those few chunks whatever the file's size.
 */
final class ImportReader implements AutoCloseable {

	/** Rows a chunk holds unless {@code dues.imports.chunk-rows} says otherwise. */
	static final int CHUNK = 5000;

	private static final int AHEAD = 4;

	/**
	 * One chunk as {@code COPY} input for the staging tables, and its customers for the
	 * customer module.
	 *
	 * @param rows the rows read
	 * @param rejected the rows rejected
	 * @param estimate how many rows the whole file likely holds, as far as read; null
	 * when that cannot be told
	 */
	record Chunk(int rows, int rejected, CharSequence accounts, CustomerIntake.Rows customers, CharSequence issues,
			CharSequence rejectedRefs, @Nullable Long estimate) {
	}

	private static final Object END = new Object();

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);

	private final AllocationFile file;

	private final Map<String, Integer> columns;

	private final PlacementParser parser;

	private final String importId;

	private final Thread thread;

	private volatile boolean closed;

	private final NationalIds nationalIds;

	private final int chunk;

	/** Rows read from the file so far, for progress (written by the reader's thread). */
	private final AtomicLong read = new AtomicLong();

	/** Rows checked so far. */
	private final AtomicLong checked = new AtomicLong();

	ImportReader(AllocationFile file, Map<String, Integer> columns, PlacementParser parser, UUID importId,
			NationalIds nationalIds, int chunk) {
		this.chunk = chunk;
		this.nationalIds = nationalIds;
		this.file = file;
		this.columns = columns;
		this.parser = parser;
		this.importId = importId.toString();
		this.thread = Thread.ofPlatform().name("dues-import-reader").daemon(true).unstarted(this::readAll);
	}

	/** Rows read from the file so far. */
	long rowsRead() {
		return this.read.get();
	}

	/** Rows checked so far. */
	long rowsChecked() {
		return this.checked.get();
	}

	ImportReader start() {
		this.thread.start();
		return this;
	}

	/**
	 * The next chunk, or null at the end of the file.
	 * @throws InvalidInputException if the file cannot be read on
	 */
	@Nullable Chunk next() {
		Object next;
		try {
			next = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the file", ex);
		}
		if (next instanceof RuntimeException ex) {
			throw ex;
		}
		if (next instanceof Error error) {
			throw error;
		}
		return next == END ? null : (Chunk) next;
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readAll() {
		Object last = END;
		try {
			int width = this.file.headers().size();
			List<AllocationFile.FileRow> rows = new ArrayList<>(this.chunk);
			AllocationFile.FileRow row;
			boolean more = true;
			while (more && !this.closed) {
				rows.clear();
				while (rows.size() < this.chunk && (row = this.file.next()) != null) {
					rows.add(row);
				}
				more = rows.size() == this.chunk;
				long soFar = this.read.addAndGet(rows.size());
				Long estimate = more ? this.file.estimatedRows(soFar) : Long.valueOf(soFar);
				if (!rows.isEmpty()) {
					List<Rendered> rendered = rows.parallelStream()
						.map((r) -> render(check(this.parser, this.columns, width, r)))
						.toList();
					this.checked.addAndGet(rows.size());
					hand(join(rendered, estimate));
				}
			}
		}
		catch (RuntimeException | Error ex) {
			last = ex;
		}
		catch (InterruptedException ex) {
			return;
		}
		try {
			hand(last);
		}
		catch (InterruptedException ex) {
			// Closed: nobody waits for the rest.
		}
	}

	private void hand(Object item) throws InterruptedException {
		while (!this.closed) {
			if (this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		throw new InterruptedException();
	}

	private static Chunk join(List<Rendered> rows, @Nullable Long estimate) {
		StringBuilder accounts = new StringBuilder(rows.size() * 200);
		CustomerIntake.Rows customers = new CustomerIntake.Rows(rows.size());
		StringBuilder issues = new StringBuilder();
		StringBuilder rejectedRefs = new StringBuilder();
		int rejected = 0;
		for (Rendered row : rows) {
			issues.append(row.issues());
			if (row.rejected()) {
				rejected++;
				rejectedRefs.append(row.rejectedRef());
			}
			else {
				accounts.append(row.account());
				customers.addAll(row.customer());
			}
		}
		return new Chunk(rows.size(), rejected, accounts, customers, issues, rejectedRefs, estimate);
	}

	/** One row as {@code COPY} input. */
	private record Rendered(boolean rejected, String account, CustomerIntake.@Nullable Rows customer, String issues,
			String rejectedRef) {
	}

	/**
	 * A row after checking: either a placement (with warnings) or the reasons it is
	 * rejected.
	 */
	record Checked(int line, String accountRef, @Nullable Placement placement, List<FieldError> warnings,
			List<FieldError> errors) {
	}

	static Checked check(PlacementParser parser, Map<String, Integer> columns, int width, AllocationFile.FileRow row) {
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

	private Rendered render(Checked row) {
		StringBuilder issues = new StringBuilder();
		for (FieldError error : row.errors()) {
			issue(issues, row.line(), "ERROR", error);
		}
		for (FieldError warning : row.warnings()) {
			issue(issues, row.line(), "WARNING", warning);
		}
		Placement p = row.placement();
		if (!row.errors().isEmpty() || p == null) {
			StringBuilder ref = new StringBuilder();
			if (!row.accountRef().isEmpty()) {
				// A later row with this account_ref is a repeat even though this one was
				// rejected.
				new CopyText(ref).add(Integer.toString(row.line())).add(row.accountRef()).end();
			}
			return new Rendered(true, "", null, issues.toString(), ref.toString());
		}
		StringBuilder account = new StringBuilder(200);
		new CopyText(account).add(Integer.toString(row.line()))
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
		CustomerIntake.Rows customer = new CustomerIntake.Rows(1)
			.add(new IncomingCustomer(row.line(), p.customerRef(), p.customerName(), p.language(), p.dateOfBirth(),
					(p.nationalId() == null) ? null : this.nationalIds.seal(p.nationalId()), p.phones(),
					p.emails().isEmpty() ? null : p.emails().get(0),
					p.addresses().isEmpty() ? null : p.addresses().get(0)));
		return new Rendered(false, account.toString(), customer, issues.toString(), "");
	}

	private void issue(StringBuilder out, int line, String severity, FieldError issue) {
		new CopyText(out).add(this.importId)
			.add(Integer.toString(line))
			.add(severity)
			.add(issue.field())
			.add(issue.message())
			.end();
	}

	private static @Nullable String amount(@Nullable Money money) {
		return money == null ? null : money.amount().toPlainString();
	}

	private static @Nullable String date(@Nullable LocalDate date) {
		return date == null ? null : date.toString();
	}

}
