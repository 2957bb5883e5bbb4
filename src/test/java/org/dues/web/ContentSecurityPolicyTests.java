package org.dues.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Content-Security-Policy allows no inline script or style, so the UI must have none:
 * no {@code <script>} without {@code src}, no {@code <style>}, no {@code style} or event
 * handler attribute (nor their Thymeleaf and htmx {@code hx-on} forms), no
 * {@code javascript:} link, in any template or rendered page. And every answer carries
 * the policy and the other security headers.
 */
@IntegrationTest
class ContentSecurityPolicyTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Test
	void noTemplateHoldsInlineScriptOrStyle() throws IOException {
		List<String> found = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			templates = files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
		assertThat(templates).hasSizeGreaterThan(10);
		for (Path template : templates) {
			found.addAll(inline(template.toString(), Jsoup.parse(Files.readString(template), "", Parser.xmlParser())));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noRenderedPageHoldsInlineScriptOrStyleAndEachCarriesThePolicy() throws Exception {
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "1000.00", "0", "0", "500",
				LocalDate.of(2026, 10, 1));
		List<String> found = new ArrayList<>();
		for (String page : List.of("/login", "/accounts", "/accounts?q=x", "/accounts/" + account.id().value(),
				"/accounts/" + account.id().value() + "/desk", "/accounts/" + account.id().value() + "/compliance",
				"/accounts/" + account.id().value() + "/arrangements", "/desk", "/imports", "/admin", "/queues",
				"/supervisor", "/approvals", "/accounts/" + java.util.UUID.randomUUID(), "/no-such-page")) {
			MockHttpServletResponse response = this.mvc.perform(get(page).with(user("csp-admin").roles("ADMIN")))
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Content-Security-Policy")).as(page)
				.contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.getHeader("Referrer-Policy")).as(page).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.getHeader("Permissions-Policy")).as(page)
				.contains("camera=()", "microphone=()", "geolocation=(self)", "payment=()");
			assertThat(response.getHeader("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
			if (response.getContentType() != null && response.getContentType().startsWith("text/html")) {
				found.addAll(inline(page, Jsoup.parse(response.getContentAsString())));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theApiCarriesTheHeadersTooAndHstsOverTls() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/creditors").secure(true).with(httpBasic("admin", "admin-secret")))
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
		assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
	}

	/** Every inline script or style in a document, named. */
	static List<String> inline(String where, Document document) {
		List<String> found = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			String tag = element.tagName().toLowerCase(java.util.Locale.ROOT);
			if (tag.equals("style")) {
				found.add(where + ": <style>");
			}
			if (tag.equals("script") && !element.hasAttr("src") && !element.hasAttr("th:src")) {
				found.add(where + ": inline <script>");
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
				String bare = name.replaceFirst("^(th:|data-)", "");
				if (bare.equals("style") || bare.startsWith("on") || bare.startsWith("hx-on")) {
					found.add(where + ": <" + tag + " " + name + ">");
				}
				if (attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
					found.add(where + ": <" + tag + " " + name + "=javascript:…>");
				}
			}
		}
		return found;
	}

}
