package org.dues.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.dues.IntegrationTest;
import org.dues.TestAgents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, "compliance verifies the chain from the page", in a real headless Chromium:
 * the compliance officer opens the audit trail from the menu, presses "Verify the chain",
 * and reads, without leaving the page, that the chain is intact up to its last record.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class ComplianceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	WebDriver browser;

	@Test
	void theComplianceOfficerVerifiesTheChainFromThePage() throws Exception {
		this.agents.officer("cb-officer", "cb-officer-secret");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		Chromium.logIn(this.browser, wait, base, "cb-officer", "cb-officer-secret");

		this.browser.findElement(By.linkText("Audit trail")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-records")));
		String page = this.browser.getCurrentUrl();
		assertThat(this.browser.findElements(By.cssSelector("#audit-records tbody tr"))).isNotEmpty();
		this.browser.findElement(By.id("verify-chain")).click();
		WebElement verdict = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verification[data-state=intact]")));
		assertThat(verdict.findElement(By.cssSelector("[data-verification]")).getText())
			.containsPattern("Intact up to record [\\d,]+")
			.contains("started by cb-officer");
		assertThat(this.browser.getCurrentUrl()).as("the page stayed").isEqualTo(page);
		assertThat(this.browser.findElement(By.id("verify-chain")).isEnabled()).isTrue();
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/compliance-verified.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
