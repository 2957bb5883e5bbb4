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
