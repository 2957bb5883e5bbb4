package org.dues.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.Channel;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.web.Chromium;
import org.dues.work.NextAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's walk in a real headless Chromium: an agent who reads Malayalam sends a
 * payment link by SMS in Malayalam from the account's messages panel (its text and the
 * gate's answer shown first), sees it delivered, replies STOP as the customer from the
 * Sandbox, and then reads SMS closed on that number in the compliance panel and the
 * reminder queued for tomorrow cancelled.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class MessagingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	NextAccount work;

	@Autowired
	Messages messages;

	WebDriver browser;

	@Test
	void anAgentSendsAMalayalamPaymentLinkAndTheCustomersStopClosesSms() throws Exception {
		String agent = this.agents.certifiedAgent("mb-agent", "Anjali", "mb-agent-secret-pass", "IIBF-MB",
				LocalDate.of(2027, 12, 31), "ml", "en");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "123456.50");
		this.work.assign(account.id(), agent, "lead");
		String phone = this.portfolios.firstPhone(account);
		MessageView tomorrow = this.messages.queue(new NewMessage(account.id(), Channel.SMS, "reminder", "ml", null,
				IntegrationTest.START.plus(Duration.ofDays(1)), null, null, null), agent);

		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		Chromium.logIn(this.browser, wait, base, agent, "mb-agent-secret-pass");
		this.browser.get(base + "/accounts/" + account.id().value());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message-form")));
		new Select(this.browser.findElement(By.id("message-template"))).selectByValue("payment-link");
		new Select(this.browser.findElement(By.id("message-language"))).selectByValue("ml");
		click(this.browser.findElement(By.cssSelector("[data-preview]")));
		WebElement preview = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-preview-result]")));
		assertThat(preview.findElement(By.cssSelector("[data-body]")).getText()).contains("₹1,23,456.50")
			.contains("ലിങ്ക്");
		assertThat(preview.findElement(By.cssSelector("[data-to]")).getText()).isEqualTo(phone);
		assertThat(preview.findElement(By.cssSelector("[data-gate] .badge")).getAttribute("class"))
			.contains("text-bg-success");
		screenshot("message-preview-ml");
		click(preview.findElement(By.cssSelector("[data-send]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-sent]")));
		// the provider's report arrives a moment later
		wait.until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector("[data-message-list] tr[data-status=DELIVERED]")).isEmpty();
		});

		this.browser.get(base + "/sandbox");
		WebElement card = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-channel=SMS] [data-body]")))
			.findElement(By.xpath("ancestor::div[@data-sandbox]"));
		assertThat(card.getText()).contains(phone).contains("₹1,23,456.50");
		screenshot("sandbox");
		click(card.findElement(By.cssSelector("[data-stop]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-flash]")));

		this.browser.get(base + "/accounts/" + account.id().value());
		WebElement bans = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bans]")));
		assertThat(bans.getText()).contains("SMS").contains(phone);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-message-list]")));
		assertThat(
				this.browser.findElement(By.cssSelector("[data-message-list] tr[data-message='" + tomorrow.id() + "']"))
					.getAttribute("data-status"))
			.isEqualTo("CANCELLED");
		screenshot("sms-closed");
	}

	private void click(WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	private void screenshot(String name) throws Exception {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
