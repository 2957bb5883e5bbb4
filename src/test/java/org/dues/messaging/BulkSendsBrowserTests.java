package org.dues.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.CreditorView;
import org.dues.web.Chromium;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's bulk message in a real headless Chromium: a lead filters the accounts
 * browser, opens the bulk message page on that selection, previews a Malayalam reminder
 * (how many would go, how many cannot be addressed), sends it, and watches the progress
 * bar move (htmx asking again) as the dispatcher lets the messages go.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class BulkSendsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	@Test
	void aLeadSendsAReminderToTheBrowsersSelectionAndWatchesItGo() throws Exception {
		String lead = "bb-lead";
		String password = "bb-lead-secret-pass";
		this.users.createIfAbsent(new NewUser(lead, "Bindu", password, Set.of(Role.TEAM_LEAD), List.of("ml", "en"),
				List.of(), "IIBF-BB", java.time.LocalDate.of(2027, 12, 31)));
		CreditorView nbfc = this.portfolios.indianNbfc();
		Teams.TeamView team = this.teams.create("bb team", lead);
		this.queues.define(team.id(), "All of " + nbfc.code(), new QueueFilters(List.of(nbfc.code()), List.of(), null,
				null, null, null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 100, "tests");
		for (int i = 0; i < 4; i++) {
			this.portfolios.overdue(nbfc, 35 + i, "25000.00");
		}

		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		Chromium.logIn(this.browser, wait, base, lead, password);
		this.browser.get(base + "/supervisor/accounts?creditors=" + nbfc.code());
		click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("browse-bulk-message"))));
		WebElement selection = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("source-selection")));
		assertThat(this.browser.findElement(By.cssSelector("label[for=source-selection]")).getText()).contains("4");
		click(selection);
		new Select(this.browser.findElement(By.id("bulk-template"))).selectByValue("reminder");
		new Select(this.browser.findElement(By.id("bulk-language"))).selectByValue("ml");
		screenshot("bulk-form");
		click(this.browser.findElement(By.id("bulk-preview")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-confirm")));
		assertThat(this.browser.findElement(By.id("count-selected")).getText()).isEqualTo("4");
		assertThat(this.browser.findElement(By.id("count-now")).getText()).isEqualTo("4");
		assertThat(this.browser.findElement(By.id("count-none")).getText()).isEqualTo("0");
		screenshot("bulk-preview");
		click(this.browser.findElement(By.id("bulk-confirm")));
		WebElement progress = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-progress")));
		assertThat(progress.getAttribute("data-percent")).isEqualTo("0");
		UUID bulk = UUID
			.fromString(this.browser.getCurrentUrl().substring(this.browser.getCurrentUrl().lastIndexOf('/') + 1));
		// the dispatcher lets them go (or the gate stops them): the page follows without
		// being reloaded
		for (UUID message : this.jdbc.sql("SELECT id FROM messaging_messages WHERE bulk_id = :b")
			.param("b", bulk)
			.query(UUID.class)
			.list()) {
			this.dispatcher.dispatch(message);
		}
		wait.until((driver) -> "100".equals(driver.findElement(By.id("bulk-progress")).getAttribute("data-percent")));
		screenshot("bulk-progress");
	}

	private void click(WebElement element) {
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void screenshot(String name) throws Exception {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
