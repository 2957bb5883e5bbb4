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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label goes through a message key, and every key exists in every language.
 */
class MessagesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	// Text that is not language: brand, separators, symbols, language names shown in
	// their own script.
	static final Pattern ALLOWED = Pattern.compile("^[\\s·:/→()—•,.\\-|]*$|^(English|हिन्दी|Dues)$");

	@Test
	void everyKeyExistsInEveryLanguage() throws IOException {
		Properties english = load("messages.properties");
		Properties hindi = load("messages_hi.properties");
		assertThat(hindi.stringPropertyNames()).as("keys in Hindi")
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		hindi.stringPropertyNames().forEach((key) -> assertThat(hindi.getProperty(key)).as(key).isNotBlank());
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
