package org.dues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module's SQL names another module's table (DESIGN, Architecture): every string
 * literal and text block in main code and every SQL file under {@code src/main/resources}
 * is read, attributed to its module (the package under {@code org.dues}, or the module
 * named in a migration's file name), and may name its own module's tables, tables of no
 * module (the event publication registry, the scheduler's) and the views other modules
 * publish in their own migrations (their faces); a module's view reads only its own
 * tables.
 */
class ModuleSqlBoundaryTests {

	private static final Path JAVA = Path.of("src/main/java/org/dues");

	private static final Path RESOURCES = Path.of("src/main/resources");

	/**
	 * Migrations written before the faces, which Flyway has applied and checksummed and
	 * so cannot change: each with exactly the tables of other modules it names. This list
	 * never grows.
	 */
	private static final Map<String, Set<String>> APPLIED_BEFORE_FACES = Map.of(
			// an index for next account on portfolio's accounts (dropped in
			// V20261127010000)
			"db/migration/V20261126235900__work_next_account_indexes.sql", Set.of("portfolio_accounts"),
			// filled the new order columns of work_assignments once from the accounts
			"db/migration/V20261127000000__work_assignments_order.sql", Set.of("portfolio_accounts"),
			// customer's phone index and check, in a migration named after the import
			"db/migration/V20261127010000__import_cheaper_indexes.sql", Set.of("(no such module)"));

	static List<SqlBoundary.Source> sources() {
		List<SqlBoundary.Source> sources = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			Path relative = JAVA.relativize(file);
			String module = (relative.getNameCount() > 1) ? relative.getName(0).toString() : "application";
			String sql = String.join("\n", SqlBoundary.javaStrings(read(file)));
			sources.add(new SqlBoundary.Source(relative.toString(), module, sql, false));
		}
		for (Path file : files(RESOURCES, ".sql")) {
			String module = SqlBoundary.migrationModule(file.getFileName().toString());
			sources.add(new SqlBoundary.Source(RESOURCES.relativize(file).toString(), String.valueOf(module),
					SqlBoundary.sqlWithoutComments(read(file)), file.toString().contains("db/migration")));
		}
		return sources;
	}

	static SqlBoundary boundary(List<SqlBoundary.Source> sources) {
		Set<String> modules = files(JAVA, "package-info.java").stream()
			.map((file) -> JAVA.relativize(file).getName(0).toString())
			.collect(Collectors.toCollection(TreeSet::new));
		// the application class in the root package, which names no table
		modules.add("application");
		return new SqlBoundary(modules, sources);
	}

	@Test
	void noModuleNamesAnotherModulesTableButItsFaces() {
		List<SqlBoundary.Source> sources = sources();
		SqlBoundary boundary = boundary(sources);
		Map<String, Set<String>> found = new TreeMap<>();
		for (SqlBoundary.Source source : sources) {
			for (SqlBoundary.Violation violation : boundary.check(source)) {
				found.computeIfAbsent(violation.file(), (f) -> new TreeSet<>()).add(violation.table());
			}
		}
		Map<String, Set<String>> allowed = new TreeMap<>(APPLIED_BEFORE_FACES);
		assertThat(found)
			.as("tables of other modules named, by file; expected: the lists above (a face named instead passes)")
			.isEqualTo(allowed);
	}

	@Test
	void everyModuleOwnsTheTablesItsMigrationsCreate() {
		SqlBoundary boundary = boundary(sources());
		assertThat(boundary.tables()).containsEntry("portfolio_ledger_entries", "portfolio")
			.containsEntry("customer_customers", "customer")
			.doesNotContainKey("event_publication");
	}

	@Test
	void aPlantedViolationIsReported() {
		SqlBoundary boundary = boundary(sources());
		SqlBoundary.Source planted = source("""
				class X { String s = "select * from portfolio_ledger_entries"; }""");
		assertThat(boundary.check(planted))
			.containsExactly(new SqlBoundary.Violation("work/X.java", "work", "portfolio_ledger_entries", "portfolio"));
	}

	@Test
	void aFaceColumnsCommentsAndOwnTablesPass() {
		SqlBoundary boundary = boundary(sources());
		assertThat(boundary.faces()).contains("portfolio_account_facts");
		SqlBoundary.Source clean = source("""
				class X {
					// portfolio_accounts, in a comment
					String s = \"""
							SELECT a.id, a.customer_id FROM portfolio_account_facts a
							JOIN work_assignments w ON w.account_id = a.id\""";
					char c = '"';
					String t = "customer_id";
				}""");
		assertThat(boundary.check(clean)).isEmpty();
	}

	@Test
	void aFaceIsReadNeverWritten() {
		SqlBoundary boundary = boundary(sources());
		SqlBoundary.Source write = source("""
				class X { String s = "UPDATE portfolio_account_facts SET status = 'CLOSED' WHERE id = :id"; }""");
		assertThat(boundary.check(write)).extracting(SqlBoundary.Violation::table)
			.containsExactly("writes portfolio_account_facts");
		SqlBoundary.Source lock = source("""
				class X { String s = "SELECT a.id FROM portfolio_account_facts a LIMIT 1 FOR NO KEY UPDATE OF a"; }""");
		assertThat(boundary.check(lock)).isEmpty();
	}

	@Test
	void aMigrationsViewReadsOnlyItsOwnModulesTables() {
		SqlBoundary boundary = boundary(sources());
		SqlBoundary.Source view = new SqlBoundary.Source("V20990101000000__work_account_facts.sql", "work",
				"CREATE VIEW work_account_facts AS SELECT id FROM portfolio_accounts a"
						+ " JOIN work_assignments w ON w.account_id = a.id",
				true);
		assertThat(boundary.check(view)).extracting(SqlBoundary.Violation::table).containsExactly("portfolio_accounts");
		assertThat(boundary.check(new SqlBoundary.Source("V1__work_x.sql", "work",
				"CREATE TABLE work_x (account_id uuid REFERENCES portfolio_accounts (id))", true)))
			.isEmpty();
	}

	private static SqlBoundary.Source source(String java) {
		return new SqlBoundary.Source("work/X.java", "work", String.join("\n", SqlBoundary.javaStrings(java)), false);
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
