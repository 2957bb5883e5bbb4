package org.dues.web;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.CreditorView;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
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
 * Issue 18, item 8, in a real headless Chromium (set up as {@link BrowserTests} does): a
 * manager reads a queue's balance filter in rupees and its oldest debt in days past due,
 * changes the queue on its page, reads who changed what, and deletes it.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class QueueBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	WebDriver browser;

	@Test
	void aManagerReadsChangesAndDeletesAQueue() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.portfolios.overdue(nbfc, 187, "150000.00");
		this.portfolios.overdue(nbfc, 40, "120000.00");
		this.agents.user("qb-manager", "qb-manager-secret", Role.MANAGER);
		Teams.TeamView team = this.teams.create("Queue browser " + nbfc.code(), null);
		String name = "Big tickets " + nbfc.code();
		this.queues.define(team.id(), name, new QueueFilters(List.of(nbfc.code()), List.of(), null, null,
				new BigDecimal("100000"), null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 20,
				"qb-manager");

		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		Chromium.logIn(this.browser, wait, base, "qb-manager", "qb-manager-secret");

		this.browser.get(base + "/queues");
		WebElement row = this.browser.findElement(By.cssSelector("tr[data-queue='" + name + "']"));
		assertThat(row.findElement(By.cssSelector("[data-balance]")).getText()).isEqualTo("Balance ₹1,00,000 or more");
		assertThat(row.findElement(By.cssSelector("[data-oldest]")).getText()).isEqualTo("187 days past due");
		assertThat(row.findElement(By.cssSelector("[data-size]")).getText()).isEqualTo("2");

		row.findElement(By.linkText("Edit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-queue")));
		WebElement buckets = this.browser.findElement(By.cssSelector("#edit-queue [name=buckets]"));
		buckets.sendKeys("NPA");
		this.browser.findElement(By.cssSelector("#edit-queue button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-flash]"), "Queue changed"));
		WebElement history = this.browser.findElement(By.cssSelector("#queue-history tbody tr:first-child"));
		assertThat(history.getText()).contains("qb-manager", "Changed: Buckets");
		assertThat(this.browser.findElement(By.id("queue-summary")).getText()).contains("Accounts: 1",
				"oldest: 187 days past due");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/queue-edited.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));

		this.browser.findElement(By.cssSelector("#delete-queue button[type=submit]")).click();
		wait.until(ExpectedConditions.urlMatches(".*/queues$"));
		assertThat(this.browser.findElements(By.cssSelector("tr[data-queue='" + name + "']"))).isEmpty();
	}

}
