package org.dues.casework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.payment.ReceiptBooks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.system.Actor;
import org.dues.web.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field agent on a phone 375 px wide: today's visits in route order, a check-in with
 * the phone's position, cash collected on the next leaf of their receipt book, and the
 * receipt.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class FieldPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	FieldAreas areas;

	@Autowired
	FieldVisits visits;

	@Autowired
	ReceiptBooks books;

	@Autowired
	PaymentManagement payments;

	WebDriver browser;

	@Test
	void aFieldAgentChecksInOnAPhoneAndRecordsCashOnTheirReceiptBook() throws Exception {
		String agent = "field-browser";
		this.users.createIfAbsent(new NewUser(agent, "Arun Pillai", "field-password-1", Set.of(Role.FIELD_AGENT),
				List.of("ml", "en"), List.of("KL"), "IBA-DRA-KL-1", LocalDate.of(2027, 11, 26)));
		this.areas.set(agent, List.of("6919*"), "AUTH-1", LocalDate.of(2027, 3, 31), "ID-1", LocalDate.of(2027, 3, 31),
				"lead");
		this.books.issue("FB", 1, 10, agent, Actor.of("lead", "ROLE_TEAM_LEAD"));
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView later = account(nbfc, "691920", "ശ്രീജ കുമാരി");
		AccountView first = account(nbfc, "691910", "ലക്ഷ്മി മേനോൻ");
		VisitView second = this.visits.request(later.id(), "no contact", null, null, FieldVisits.Source.DESK, "lead");
		VisitView visit = this.visits.request(first.id(), "no contact", null, null, FieldVisits.Source.DESK, "lead");

		String base = "http://localhost:" + this.port;
		ChromeDriver chrome = (ChromeDriver) this.browser;
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
		chrome.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", base, "permissions", List.of("geolocation")));
		chrome.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", 8.8932, "longitude", 76.6141, "accuracy", 12));
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		Chromium.logIn(this.browser, wait, base, agent, "field-password-1");

		this.browser.get(base + "/field");
		List<WebElement> cards = this.browser.findElements(By.cssSelector("article[data-visit]"));
		assertThat(cards).extracting((card) -> card.getAttribute("data-visit"))
			.as("in route order, by PIN code")
			.containsExactly(visit.id().toString(), second.id().toString());
		assertThat(cards.get(0).findElement(By.cssSelector("[data-address]")).getText()).contains("691910");
		assertThat(cards.get(0).findElement(By.cssSelector("[data-overdue]")).getText()).isEqualTo("₹4,000.00");
		assertThat(cards.get(0).findElement(By.cssSelector("[data-map-geo]")).getAttribute("href"))
			.startsWith("geo:0,0?q=12%20Temple%20Road");
		assertThat(((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
			.as("wider than the phone")
			.isLessThanOrEqualTo(0);
		screenshot("field-day-375");

		click(By.cssSelector("#visit-" + visit.id() + " form[data-check-in] button"));
		wait.until((driver) -> !driver
			.findElements(By.cssSelector("#visit-" + visit.id() + "[data-status=CHECKED_IN] [data-checked-in]"))
			.isEmpty());
		assertThat(this.browser.findElement(By.cssSelector("#visit-" + visit.id() + " [data-checked-in]")).getText())
			.contains("8.893200, 76.614100")
			.contains("IST");
		VisitView checkedIn = this.visits.get(visit.id());
		assertThat(checkedIn.accuracyMetres()).isEqualByComparingTo("12");
		screenshot("field-checked-in-375");

		WebElement card = this.browser.findElement(By.cssSelector("#visit-" + visit.id()));
		new Select(card.findElement(By.name("outcome"))).selectByValue("PAYMENT_COLLECTED");
		card.findElement(By.name("amount")).sendKeys("1500.00");
		new Select(card.findElement(By.name("method"))).selectByValue("CASH");
		assertThat(card.findElement(By.name("receiptNumber")).getAttribute("value")).isEqualTo("FB/1");
		click(By.cssSelector("#visit-" + visit.id() + " form[data-outcome] button"));
		wait.until((driver) -> !driver
			.findElements(By.cssSelector("#visit-" + visit.id() + "[data-status=DONE] a[data-receipt]"))
			.isEmpty());
		PaymentView payment = this.payments.ofAccount(first.id()).get(0);
		assertThat(payment.receiptNumber()).isEqualTo("FB/1");
		assertThat(this.browser.findElement(By.cssSelector("[data-next-leaf] strong")).getText()).isEqualTo("FB/2");
		screenshot("field-collected-375");
		this.browser.get(base + "/field?lang=ml");
		screenshot("field-day-ml-375");
	}

	private AccountView account(CreditorView nbfc, String pin, String name) {
		Map<String, String> row = Portfolios.row(nbfc, "10000.00");
		row.put("customer_name", name);
		row.put("language", "ml");
		row.put("overdue_amount", "4000.00");
		row.put("oldest_due_date", "2026-09-01");
		row.put("address_line1", "12 Temple Road");
		row.put("city", "Kollam");
		row.put("state", "KL");
		row.put("postal_code", pin);
		return this.portfolios.place(nbfc, row);
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
