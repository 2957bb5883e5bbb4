package org.dues.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's screens in a real headless Chromium (set up as {@link BrowserTests}
 * does): a creditor's waterfall changed from the menu, a mapping profile tried on a
 * sample file, and an authority refused at its field and then saved; nothing the
 * Content-Security-Policy refuses, and the same pages in Malayalam at a phone's width.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class AdministrationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Creditors creditors;

	WebDriver browser;

	@Test
	void anAdministratorChangesAWaterfallTriesAMappingAndSetsAnAgentsAuthority() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		Chromium.logIn(this.browser, wait, base, "admin", "admin-secret");

		// the creditor's waterfall, from the menu
		this.browser.findElement(By.linkText("Creditors")).click();
		click(By.cssSelector("tr[data-creditor='" + creditor.code() + "'] a[href$='/" + creditor.code() + "']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("creditor-form")));
		assertThat(this.browser.findElement(By.id("c-waterfall-help")).getText())
			.contains("A change applies only to payments posted after it");
		new Select(this.browser.findElement(By.id("c-waterfall-0"))).selectByVisibleText("Principal");
		new Select(this.browser.findElement(By.id("c-waterfall-1"))).selectByVisibleText("Interest");
		new Select(this.browser.findElement(By.id("c-waterfall-2"))).selectByVisibleText("Fees");
		click(By.cssSelector("#creditor-form button[type=submit]"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-flash]"), "Creditor saved"));
		assertThat(this.creditors.get(creditor.id()).waterfall().order()).containsExactly(BalanceComponent.PRINCIPAL,
				BalanceComponent.INTEREST, BalanceComponent.FEES);
		screenshot("admin-creditor");

		// a mapping profile tried on a sample, not saved
		Path sample = Files.createTempFile("lender-a", ".csv");
		Files.writeString(sample, """
				Loan No,Cust ID,Borrower,Currency,POS,Overdue,Due Since
				HL/2026/001,C-1,ലക്ഷ്മി മേനോൻ,INR,"1,23,456.50",5000,01/10/2026
				HL/2026/002,C-2,Ravi Kumar,INR,lots,100,02/10/2026
				""", StandardCharsets.UTF_8);
		this.browser.get(base + "/admin/mappings?creditor=" + creditor.code());
		this.browser.findElement(By.id("m-name")).sendKeys("Lender A");
		this.browser.findElement(By.id("m-dateFormat")).sendKeys("dd/MM/yyyy");
		for (List<String> column : List.of(List.of("account_ref", "Loan No"), List.of("customer_ref", "Cust ID"),
				List.of("customer_name", "Borrower"), List.of("principal_outstanding", "POS"),
				List.of("overdue_amount", "Overdue"), List.of("oldest_due_date", "Due Since"))) {
			this.browser.findElement(By.id("m-column-" + column.get(0))).sendKeys(column.get(1));
		}
		this.browser.findElement(By.id("m-file")).sendKeys(sample.toString());
		click(By.id("m-try"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trial-rows")));
		assertThat(this.browser.findElement(By.cssSelector("tr[data-line='2']")).getText()).contains("HL/2026/001",
				"would be imported");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-line='3']")).getText())
			.contains("rejected: principal_outstanding");
		// what was typed is kept, to be saved once it reads right
		assertThat(this.browser.findElement(By.id("m-column-account_ref")).getAttribute("value")).isEqualTo("Loan No");
		screenshot("admin-mapping-trial");
		Files.delete(sample);

		// the agent's authority: refused at its field, then saved
		this.browser.get(base + "/admin/authority?creditor=" + creditor.code());
		click(By.cssSelector("tr[data-form-role='AGENT'] summary"));
		this.browser.findElement(By.id("a-AGENT-maxDiscountPct")).clear();
		this.browser.findElement(By.id("a-AGENT-maxDiscountPct")).sendKeys("150");
		click(By.cssSelector("#authority-AGENT button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("a-AGENT-maxDiscountPct-error")));
		assertThat(this.browser.findElement(By.id("a-AGENT-maxDiscountPct")).getAttribute("aria-describedby"))
			.isEqualTo("a-AGENT-maxDiscountPct-error");
		this.browser.findElement(By.id("a-AGENT-maxDiscountPct")).clear();
		this.browser.findElement(By.id("a-AGENT-maxDiscountPct")).sendKeys("15");
		this.browser.findElement(By.id("a-AGENT-smallestInstalment")).clear();
		this.browser.findElement(By.id("a-AGENT-smallestInstalment")).sendKeys("250000");
		click(By.cssSelector("#authority-AGENT button[type=submit]"));
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-flash]"), "Authority saved"));
		assertThat(this.browser.findElement(By.cssSelector("tr[data-role='AGENT']")).getText()).contains("15%",
				"₹2,50,000.00");
		screenshot("admin-authority");

		// in Malayalam, on a phone
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(base + "/admin/creditors/" + creditor.code() + "?lang=ml");
		assertThat(this.browser.findElement(By.cssSelector("label[for='c-waterfall-0']")).getText())
			.isEqualTo("ആദ്യം അടയ്ക്കുന്നത്");
		screenshot("admin-creditor-ml-390");
		this.browser.get(base + "/admin/authority?creditor=" + creditor.code() + "&lang=hi");
		screenshot("admin-authority-hi-390");

		List<String> refused = this.browser.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map((e) -> e.getMessage())
			.filter((m) -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
			.toList();
		assertThat(refused).as("what the Content-Security-Policy refused").isEmpty();
	}

	/** Clicks an element once it is scrolled to the middle of the window. */
	private void click(By element) {
		org.openqa.selenium.WebElement found = this.browser.findElement(element);
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
		try {
			found.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// under load the page may still be laying out where the click lands: the
			// element itself is pressed, as a keyboard user's Enter would
			found.sendKeys(org.openqa.selenium.Keys.ENTER);
		}
	}

	private void screenshot(String name) throws Exception {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
