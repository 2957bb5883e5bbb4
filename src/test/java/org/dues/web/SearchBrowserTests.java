package org.dues.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent searches as they type in headless Chromium (issue 18, item 12): part of a loan
 * number, a count, the next page, and "Sreeja" in Latin letters finding her in Malayalam
 * and Devanagari. Chromium is set up as in {@link BrowserTests}.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class SearchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	WebDriver browser;

	@Test
	void anAgentFindsByPartOfTheLoanNumberPagesAndFindsSreejaInEveryScript() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		StringBuilder stem = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			stem.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		}
		for (int i = 0; i < 27; i++) {
			place(nbfc, "KNB-" + stem + "-000002" + (10 + i), "Maria Garcia");
		}
		String malayalam = place(nbfc, "ML-" + stem, "ശ്രീജ നായർ");
		String devanagari = place(nbfc, "HI-" + stem, "श्रीजा शर्मा");
		String agent = this.agents.pooledAgent("search-browser-agent", "search-browser-secret");

		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/accounts");
		Chromium.submitLogin(this.browser, agent, "search-browser-secret");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		wait.until(ExpectedConditions.urlContains("/accounts"));

		this.browser.findElement(By.name("q")).sendKeys(stem + "-0000021");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "10 accounts found"));
		this.browser.findElement(By.name("q")).clear();
		this.browser.findElement(By.name("q")).sendKeys("KNB-" + stem);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "27 accounts found"));
		assertThat(this.browser.findElement(By.id("results")).getText()).contains("showing 1–25");
		// from the keyboard: the link lies below the fold of this window
		this.browser.findElement(By.cssSelector("a[rel=next]")).sendKeys(Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "showing 26–27"));
		assertThat(this.browser.getCurrentUrl()).contains("page=2");

		this.browser.findElement(By.name("q")).clear();
		this.browser.findElement(By.name("q")).sendKeys("Sreeja");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(malayalam)));
		assertThat(this.browser.findElements(By.linkText(devanagari))).hasSize(1);
	}

	private String place(CreditorView creditor, String ref, String name) {
		Map<String, String> row = Portfolios.row(creditor, "5000");
		row.put("account_ref", ref);
		row.put("customer_name", name);
		return this.portfolios.place(creditor, row).accountRef();
	}

}
