package org.dues.payment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.web.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer opens a payment link on a phone 375 px wide, in Malayalam, pays through the
 * demo checkout, and sees the link paid.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class PayPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentLinks links;

	@Autowired
	PaymentLinkSettings settings;

	WebDriver browser;

	@Test
	void aCustomerPaysOnAPhoneThroughTheDemoCheckout() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.settings.set(nbfc.id(), new LinkSettings("testnbfc@okaxis", "Test NBFC Ltd", 7, null), "tester");
		Map<String, String> row = Portfolios.row(nbfc, "123456.50");
		row.put("language", "ml");
		row.put("overdue_amount", "123456.50");
		row.put("oldest_due_date", "2026-10-01");
		AccountView account = this.portfolios.place(nbfc, row);
		PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		((ChromeDriver) this.browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));

		this.browser.get("http://localhost:" + this.port + "/pay/" + link.token());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-upi-intent]")));
		assertThat(this.browser.findElement(By.cssSelector("[data-amount]")).getText()).isEqualTo("₹1,23,456.50");
		assertThat(this.browser.findElement(By.cssSelector("[data-upi-intent]")).getText())
			.isEqualTo("UPI ആപ്പ് വഴി പണമടയ്ക്കുക");
		assertThat(((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
			.as("wider than the phone")
			.isLessThanOrEqualTo(0);
		assertThat(((Number) script("return document.querySelector('[data-qr]').naturalWidth")).intValue())
			.isPositive();
		screenshot("pay-page-ml-375");

		click(By.cssSelector("[data-checkout] button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-demo-pay]")));
		screenshot("demo-checkout-ml-375");
		click(By.cssSelector("[data-demo-pay]"));
		wait.until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector("[data-closed=PAID]")).isEmpty();
		});
		screenshot("pay-page-paid-ml-375");
		assertThat(this.links.get(account.id(), link.id()).status()).isEqualTo(LinkStatus.PAID);
	}

	private void click(By element) {
		((JavascriptExecutor) this.browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				this.browser.findElement(element));
		this.browser.findElement(element).click();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private void screenshot(String name) throws Exception {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
