package org.dues.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label goes through a message key, and every key exists in every language
 * (English, Hindi, Malayalam) with the same arguments.
 */
class MessagesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	// Text that is not language: brand, separators, symbols, language names shown in
	// their own script.
	static final Pattern ALLOWED = Pattern.compile("^[\\s·:/→()—•,.\\-|]*$|^(English|हिन्दी|മലയാളം|Dues)$");

	/** The languages of the UI besides English: a bundle each, offered in the header. */
	static final List<String> LANGUAGES = List.of("hi", "ml");

	static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

	@ParameterizedTest
	@FieldSource("LANGUAGES")
	void everyKeyExistsInEveryLanguage(String language) throws IOException {
		Properties english = load("messages.properties");
		Properties translated = load("messages_" + language + ".properties");
		assertThat(translated.stringPropertyNames()).as("keys in messages_%s", language)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : translated.stringPropertyNames()) {
			assertThat(translated.getProperty(key)).as(key).isNotBlank();
			// a translation that drops {2} drops the account's last digits from the
			// script
			assertThat(arguments(translated.getProperty(key))).as("arguments of %s in messages_%s", key, language)
				.isEqualTo(arguments(english.getProperty(key)));
		}
	}

	/**
	 * Bean Validation's messages, which pages show in the reader's language, exist in
	 * every language with the same parameters ({@code {value}}, {@code {max}}).
	 */
	@ParameterizedTest
	@FieldSource("LANGUAGES")
	void everyValidationMessageExistsInEveryLanguage(String language) throws IOException {
		Properties english = load("ValidationMessages.properties");
		Properties translated = load("ValidationMessages_" + language + ".properties");
		assertThat(translated.stringPropertyNames()).as("keys in ValidationMessages_%s", language)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		Pattern parameter = Pattern.compile("\\{[a-z]+}");
		for (String key : translated.stringPropertyNames()) {
			assertThat(parameter.matcher(translated.getProperty(key)).results().map(MatchResult::group).sorted())
				.as("parameters of %s in ValidationMessages_%s", key, language)
				.containsExactlyElementsOf(parameter.matcher(english.getProperty(key))
					.results()
					.map(MatchResult::group)
					.sorted()
					.toList());
		}
	}

	@Test
	void everyBundleIsOfferedAndEveryLanguageOfferedHasABundle() throws IOException {
		List<String> bundles;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			bundles = files.map((f) -> f.getFileName().toString())
				.map(Pattern.compile("^messages_([a-z]{2,3})\\.properties$")::matcher)
				.filter(Matcher::matches)
				.map((m) -> m.group(1))
				.toList();
		}
		assertThat(bundles).containsExactlyInAnyOrderElementsOf(LANGUAGES);
		String layout = Files.readString(TEMPLATES.resolve("fragments/layout.html"));
		for (String language : LANGUAGES) {
			assertThat(layout).as("the header offers %s", language).contains("(lang='" + language + "')");
		}
	}

	@Test
	void templatesUseOnlyKeysThatExist() throws IOException {
		Properties english = load("messages.properties");
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)}");
		for (Path template : templates()) {
			Matcher matcher = key.matcher(Files.readString(template));
			while (matcher.find()) {
				assertThat(english).as("%s uses #{%s}", template, matcher.group(1)).containsKey(matcher.group(1));
			}
		}
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			for (Element element : document.getAllElements()) {
				if (replacedByThymeleaf(element) || element.tagName().equals("script")
						|| element.tagName().equals("style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (!ALLOWED.matcher(text.text().strip()).matches()) {
						problems.add(
								template.getFileName() + ": <" + element.tagName() + "> '" + text.text().strip() + "'");
					}
				}
				for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
					if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute)) {
						problems.add(template.getFileName() + ": " + attribute + "='" + element.attr(attribute) + "'");
					}
				}
			}
		}
		assertThat(problems).as("hard-coded text in templates").isEmpty();
	}

	/**
	 * Text written into a template's expressions instead of a message key: a quoted
	 * literal with letters in what a page shows ({@code th:text="${n} + ' days'"}), in an
	 * attribute people read, or in a {@code |…|} substitution; and a button's or an
	 * option's own words. Keys, values and conditions ({@code #{…}}, {@code ${…}}) are
	 * not text; a literal of symbols only ({@code ' · '}) or of the brand is allowed.
	 */
	@Test
	void templatesWriteNoTextIntoTheirExpressions() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			for (Element element : document.getAllElements()) {
				for (String shown : SHOWN) {
					String expression = element.attr("th:" + shown);
					for (String literal : literals(expression)) {
						problems.add(template.getFileName() + ": th:" + shown + " '" + literal + "'");
					}
				}
				String attr = element.attr("th:attr");
				for (String assignment : attr.split(",(?=\\s*[a-zA-Z-]+=)")) {
					String[] pair = assignment.split("=", 2);
					if (pair.length == 2 && SHOWN.contains(pair[0].strip())) {
						for (String literal : literals(pair[1])) {
							problems
								.add(template.getFileName() + ": th:attr " + pair[0].strip() + " '" + literal + "'");
						}
					}
				}
				boolean button = element.tagName().equals("input")
						&& List.of("submit", "button", "reset").contains(element.attr("type"));
				if (button && element.hasAttr("value") && !element.hasAttr("th:value")
						&& !ALLOWED.matcher(element.attr("value")).matches()) {
					problems.add(template.getFileName() + ": value='" + element.attr("value") + "'");
				}
				for (String attribute : List.of("label", "aria-description", "aria-roledescription", "aria-valuetext",
						"aria-placeholder")) {
					if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute)
							&& !ALLOWED.matcher(element.attr(attribute)).matches()) {
						problems.add(template.getFileName() + ": " + attribute + "='" + element.attr(attribute) + "'");
					}
				}
			}
		}
		assertThat(problems).as("text written into templates' expressions").isEmpty();
	}

	@Test
	void theCheckForTextInExpressionsFindsIt() {
		assertThat(literals("${a.days()} + ' ' + #{arr.days}")).isEmpty();
		assertThat(literals("${a.days()} + ' days'")).containsExactly(" days");
		assertThat(literals("${policy.code()} + ' v' + ${policy.version()}")).containsExactly(" v");
		assertThat(literals("|Paid ${x}|")).containsExactly("Paid ");
		assertThat(literals("#{'arr.kind.' + ${a.kind()}}")).isEmpty();
		assertThat(literals("${x == 'SETTLEMENT'} ? #{a} : #{b}")).isEmpty();
		assertThat(literals("${x} ?: 'none'")).containsExactly("none");
		assertThat(literals("'— ' + ${x}")).isEmpty();
		assertThat(literals("${x} + ' · Dues'")).isEmpty();
	}

	/** The attributes whose value a page shows or reads out. */
	static final List<String> SHOWN = List.of("text", "utext", "placeholder", "title", "aria-label", "alt", "value",
			"content", "label", "aria-description");

	static final Pattern LETTER = Pattern.compile("\\p{L}");

	/**
	 * The quoted literals with letters in a Thymeleaf expression, outside message keys
	 * and variable expressions, and the text of its {@code |…|} substitutions.
	 */
	static List<String> literals(String expression) {
		String outside = strip(expression);
		List<String> found = new ArrayList<>();
		Matcher quoted = Pattern.compile("'([^']*)'").matcher(outside);
		while (quoted.find()) {
			found.add(quoted.group(1));
		}
		Matcher substituted = Pattern.compile("\\|([^|]*)\\|").matcher(outside.replaceAll("'[^']*'", ""));
		while (substituted.find()) {
			found.add(substituted.group(1));
		}
		return found.stream()
			.filter((text) -> LETTER.matcher(text).find())
			.filter((text) -> !ALLOWED.matcher(text.replace("Dues", "").strip()).matches())
			.toList();
	}

	/**
	 * The expression without its {@code #{…}}, {@code ${…}}, {@code @{…}}, {@code *{…}}
	 * and {@code ~{…}} parts.
	 */
	private static String strip(String expression) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (depth == 0 && "#$@*~".indexOf(c) >= 0 && i + 1 < expression.length()
					&& expression.charAt(i + 1) == '{') {
				depth = 1;
				i++;
				continue;
			}
			if (depth > 0) {
				depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	private static boolean replacedByThymeleaf(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:utext")
					|| e.hasAttr("th:replace") && !e.attr("th:replace").contains("layout")) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> arguments(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
