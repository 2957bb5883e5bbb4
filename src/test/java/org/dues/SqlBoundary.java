package org.dues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module's SQL names which module's tables. A table belongs to the module its name
 * starts with ({@code portfolio_accounts} to {@code portfolio}); a name without a module
 * prefix ({@code event_publication}, {@code scheduled_tasks}) is infrastructure. A
 * module's published faces are the views its own migrations create: another module may
 * name those, and no other table of it. Names match whole identifiers, so the column
 * {@code customer_id} is not a table of {@code customer}.
 */
final class SqlBoundary {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

	private static final Pattern CREATED = Pattern.compile(
			"(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:global\\s+|local\\s+)?(?:temp|temporary)\\s+|unlogged\\s+)?"
					+ "(table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:[a-z_]+\\.)?([a-z_][a-z0-9_]*)");

	/** A statement writing to a table or view: faces are read, never written. */
	private static final Pattern WRITE = Pattern.compile(
			"(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into|truncate(?:\\s+table)?)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern MIGRATION = Pattern
		.compile("(?:V[0-9_.]+|R|afterMigrate|beforeMigrate)__([a-z]+)_.*\\.sql");

	private final Set<String> modules;

	/** Table or view name to its owning module. */
	private final Map<String, String> tables = new LinkedHashMap<>();

	private final Set<String> faces = new LinkedHashSet<>();

	/**
	 * @param modules the modules (the packages under {@code org.dues})
	 * @param sources every SQL source: migrations and main code, whose {@code CREATE
	 * TABLE} and {@code CREATE VIEW} statements define the tables and the faces
	 */
	SqlBoundary(Set<String> modules, List<Source> sources) {
		this.modules = Set.copyOf(modules);
		for (Source source : sources) {
			Matcher created = CREATED.matcher(source.sql());
			while (created.find()) {
				String name = created.group(2).toLowerCase(Locale.ROOT);
				String owner = ownerByPrefix(name);
				if (owner == null) {
					continue;
				}
				this.tables.put(name, owner);
				if (created.group(1).toLowerCase(Locale.ROOT).contains("view") && source.migration()
						&& owner.equals(source.module())) {
					this.faces.add(name);
				}
			}
		}
	}

	/** The published faces: views each module's own migrations create. */
	Set<String> faces() {
		return Set.copyOf(this.faces);
	}

	/** Every table and view a module owns, to its owner. */
	Map<String, String> tables() {
		return Map.copyOf(this.tables);
	}

	/**
	 * The names in the source of tables (and views that are not faces) of another module
	 * than the source's, and its writes to another module's faces. In a migration, the
	 * table a foreign key {@code REFERENCES} is not counted: the database guarding an id
	 * is not a module reading another's rows.
	 */
	List<Violation> check(Source source) {
		List<Violation> found = new ArrayList<>();
		if (!this.modules.contains(source.module())) {
			found.add(new Violation(source.file(), source.module(), "(no such module)", source.module()));
			return found;
		}
		String sql = source.migration() ? source.sql().replaceAll("(?i)\\breferences\\s+[a-z_][a-z0-9_]*", " ")
				: source.sql();
		Set<String> named = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(sql);
		while (identifier.find()) {
			named.add(identifier.group().toLowerCase(Locale.ROOT));
		}
		for (String name : named) {
			String owner = this.tables.get(name);
			if (owner != null && !owner.equals(source.module()) && !this.faces.contains(name)) {
				found.add(new Violation(source.file(), source.module(), name, owner));
			}
		}
		Matcher write = WRITE.matcher(sql);
		while (write.find()) {
			String name = write.group(1).toLowerCase(Locale.ROOT);
			String owner = this.tables.get(name);
			if (owner != null && !owner.equals(source.module()) && this.faces.contains(name)) {
				found.add(new Violation(source.file(), source.module(), "writes " + name, owner));
			}
		}
		return found;
	}

	private String ownerByPrefix(String name) {
		int underscore = name.indexOf('_');
		if (underscore < 0) {
			return null;
		}
		String prefix = name.substring(0, underscore);
		return this.modules.contains(prefix) ? prefix : null;
	}

	/**
	 * A migration's module: the word after {@code __} in its file name, or null when the
	 * name does not follow the pattern.
	 */
	static String migrationModule(String fileName) {
		Matcher matcher = MIGRATION.matcher(fileName);
		return matcher.matches() ? matcher.group(1) : null;
	}

	/** A SQL file without its comments. */
	static String sqlWithoutComments(String sql) {
		return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
	}

	/**
	 * The string literals and text blocks of a Java source, each escape read as a space;
	 * comments and character literals are left out.
	 */
	static List<String> javaStrings(String java) {
		List<String> strings = new ArrayList<>();
		int i = 0;
		int n = java.length();
		while (i < n) {
			char c = java.charAt(i);
			if (java.startsWith("//", i)) {
				int end = java.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				i = literal(java, i + 3, "\"\"\"", strings);
			}
			else if (c == '"') {
				i = literal(java, i + 1, "\"", strings);
			}
			else if (c == '\'') {
				i = literal(java, i + 1, "'", new ArrayList<>());
			}
			else {
				i++;
			}
		}
		return strings;
	}

	private static int literal(String java, int from, String close, List<String> into) {
		StringBuilder text = new StringBuilder();
		int i = from;
		while (i < java.length() && !java.startsWith(close, i)) {
			if (java.charAt(i) == '\\') {
				text.append(' ');
				i += 2;
			}
			else {
				text.append(java.charAt(i++));
			}
		}
		into.add(text.toString());
		return Math.min(java.length(), i + close.length());
	}

	/**
	 * SQL of one file, attributed to a module.
	 *
	 * @param migration whether it is a Flyway migration (whose views are faces)
	 */
	record Source(String file, String module, String sql, boolean migration) {
	}

	/** A module naming another module's table that is not one of its faces. */
	record Violation(String file, String module, String table, String owner) {

		@Override
		public String toString() {
			return "%s (module %s) names %s of module %s".formatted(this.file, this.module, this.table, this.owner);
		}

	}

}
