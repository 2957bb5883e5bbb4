package org.dues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link and image in the README and in {@code docs/} names a file inside
 * the repository, so nothing a reader clicks in a clone is broken or points outside it.
 * Links to other sites ({@code https:}, {@code mailto:}) and anchors within a page are
 * not checked; an anchor on a link to another page is dropped before the file is looked
 * for.
 */
class DocsLinksTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

	/** {@code [text](target)} and {@code ![alt](target "title")}. */
	private static final Pattern LINK = Pattern
		.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	/** {@code [label]: target} reference definitions. */
	private static final Pattern DEFINITION = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

	private static final Pattern FENCED = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	@Test
	void everyRelativeLinkInTheReadmeAndDocsNamesAFileInTheRepository() throws IOException {
		List<Path> pages = pages();
		assertThat(pages).contains(ROOT.resolve("README.md")).hasSizeGreaterThan(1);
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			for (String target : brokenTargets(Files.readString(page), page.getParent())) {
				broken.add(ROOT.relativize(page) + " -> " + target);
			}
		}
		assertThat(broken).as("links to files missing from the repository").isEmpty();
	}

	@Test
	void aLinkToAMissingFileOrOutsideTheRepositoryIsCaught() {
		Path docs = ROOT.resolve("docs");
		String page = """
				[here](imports.md) and [there](imports.md#columns), ![desk](images/desk.png)
				[gone](no-such-page.md), [outside](../../shared/DESIGN.md), [site](https://example.org/x.md)
				[same page](#columns), `[in code](not-checked.md)`

				```
				[in a block](not-checked-either.md)
				```

				[ref]: missing-by-reference.md
				""";
		assertThat(brokenTargets(page, docs)).containsExactly("no-such-page.md", "../../shared/DESIGN.md",
				"missing-by-reference.md");
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/** The relative targets of a page's links that name no file inside the repository. */
	static List<String> brokenTargets(String markdown, Path directory) {
		String prose = CODE_SPAN.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("");
		List<String> targets = new ArrayList<>();
		for (Pattern pattern : List.of(LINK, DEFINITION)) {
			Matcher m = pattern.matcher(prose);
			while (m.find()) {
				targets.add(m.group(1));
			}
		}
		List<String> broken = new ArrayList<>();
		for (String target : targets) {
			if (target.startsWith("#") || SCHEME.matcher(target).find() || target.startsWith("//")) {
				continue;
			}
			String file = target.replaceFirst("[#?].*$", "");
			Path resolved = directory.resolve(file).toAbsolutePath().normalize();
			if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
				broken.add(target);
			}
		}
		return broken;
	}

}
