package org.dues.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementKind;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementStatus;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.dues.work.NextAccount;
import org.dues.work.Queues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A collector in a real headless Chromium: logs in, searches as they type (htmx), opens
 * the account and reads balances, contact points and the ledger.
 */
@IntegrationTest
@ExtendWith(Chromium.EachTest.class)
class BrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Creditors creditors;

	@Autowired
	Clock clock;

	@Autowired
	NextAccount work;

	@Autowired
	ArrangementManagement arrangements;

	@Autowired
	Teams teams;

	@Autowired
	PaymentManagement payments;

	WebDriver browser;

	/** Quit by {@link Chromium.EachTest} after this check. */
	@AfterEach
	void nothingRefusedByTheContentSecurityPolicy() {
		if (this.browser != null) {
			List<String> refused = this.browser.manage()
				.logs()
				.get(org.openqa.selenium.logging.LogType.BROWSER)
				.getAll()
				.stream()
				.map(org.openqa.selenium.logging.LogEntry::getMessage)
				.filter((m) -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
				.toList();
			assertThat(refused).as("what the Content-Security-Policy refused").isEmpty();
		}
	}

	@Test
	void anAdministratorImportsALendersFileAndReadsTheReport() throws Exception {
		this.agents.user("browser-admin", "admin-secret-2", Role.ADMIN);
		this.creditors.create(new org.dues.portfolio.NewCreditor("WEB-IMP", "Kerala NBFC", "IN", "INR", "IN",
				"Asia/Kolkata", null, null));
		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/login");
		Chromium.submitLogin(this.browser, "browser-admin", "admin-secret-2");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.urlContains("/accounts"));
		this.browser.findElement(By.linkText("Imports")).click();
		wait.until(ExpectedConditions.urlContains("/imports"));
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("creditor"))).selectByValue("WEB-IMP");
		this.browser.findElement(By.id("file"))
			.sendKeys(Path.of("src/test/resources/imports/messy-lender.csv").toAbsolutePath().toString());
		this.browser.findElement(By.cssSelector("form[action$='/imports'] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Download rejected rows")));
		String report = this.browser.findElement(By.id("report")).getText();
		assertThat(report).contains("Completed", "Rejected rows", "is required when an amount is overdue",
				"repeats line 2");
		assertThat(this.browser.findElements(By.cssSelector("#report .fs-4")).stream().map((e) -> e.getText()).toList())
			.containsExactly("13", "3", "0", "0", "10", "2");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/import.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aManagerReadsTheMonthAsPicturesInHindi() throws Exception {
		this.agents.user("browser-manager", "manager-secret-2", Role.MANAGER);
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 45, "80000.00");
		this.payments.post(account.id(),
				new NewPayment(Money.of("12500.00", "INR"), PaymentChannel.UPI, "CHART-1", null), "gateway");
		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/login");
		Chromium.submitLogin(this.browser, "browser-manager", "manager-secret-2");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.urlContains("/accounts"));
		this.browser.get(base + "/reports?month=2026-11&lang=hi");
		// every chart drawn as SVG by the script (the roll-rate matrix only where other
		// tests took month-end snapshots), with Hindi in it
		wait.until((d) -> {
			int drawn = d.findElements(By.cssSelector("[data-chart][data-drawn=true] svg")).size();
			return drawn >= 2 && drawn == d.findElements(By.cssSelector("[data-chart]")).size();
		});
		assertThat(this.browser.findElement(By.cssSelector("[data-chart-section=funnel] svg")).getText())
			.contains("प्रयास");
		assertThat(this.browser.findElement(By.cssSelector("[data-chart-section=collected] [data-chart]"))
			.getAttribute("aria-label")).contains("शुद्ध वसूली");
		// the lines drawn to their end (the charts animate for a second)
		Thread.sleep(1500);
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/reports-hi.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aCollectorFindsAnAccountAndReadsIt() throws Exception {
		this.agents.named("browser-agent", "Agent", "browser-secret", Role.AGENT, "ml", "en");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "123456.50", "1000", "500", "10000",
				LocalDate.of(2026, 10, 1));

		this.work.assign(account.id(), "browser-agent", "lead");
		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/accounts");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		Chromium.submitLogin(this.browser, "browser-agent", "browser-secret");

		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.urlContains("/accounts"));
		this.browser.findElement(By.name("q")).sendKeys(account.accountRef());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(account.accountRef())));
		assertThat(this.browser.getCurrentUrl()).contains("q=" + account.accountRef());
		this.browser.findElement(By.linkText(account.accountRef())).click();

		wait.until(ExpectedConditions.urlContains("/accounts/" + account.id().value()));
		// the debt shows once the agent has verified the person on the line
		assertThat(this.browser.findElement(By.tagName("main")).getText()).doesNotContain("₹1,23,456.50");
		verify(wait, account);
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("ലക്ഷ്മി മേനോൻ", "₹1,23,456.50", "₹1,24,956.50", "SMA-1", "Placement", "+91 98470");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/account.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));

		this.browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
	}

	@Test
	void aCeaseHoldPlacedInThePanelRefusesTheNextCallWithTheReason() throws Exception {
		this.agents.user("browser-caller", "caller-secret", Role.AGENT);
		MutableClock moving = (MutableClock) this.clock;
		moving.set(java.time.Instant.parse("2026-11-30T15:00:00Z"));
		try {
			AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1800.00");
			this.work.assign(account.id(), "browser-caller", "lead");
			this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
			String base = "http://localhost:" + this.port;
			this.browser.get(base + "/login");
			Chromium.submitLogin(this.browser, "browser-caller", "caller-secret");
			WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
			wait.until(ExpectedConditions.urlContains("/desk"));
			this.browser.get(base + "/accounts/" + account.id().value());
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-channels]")));
			assertThat(this.browser.findElement(By.cssSelector("[data-channel=CALL]")).getText()).contains("open");

			click(By.xpath("//summary[contains(., 'Place a hold')]"));
			new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("hold-type")))
				.selectByValue("CEASE");
			this.browser.findElement(By.id("hold-reason")).sendKeys("Customer wrote asking us to stop calling");
			click(By.cssSelector("[data-form=hold] button[type=submit]"));
			wait.until(
					ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-flash]"), "Hold placed"));
			assertThat(this.browser.findElement(By.cssSelector("[data-holds]")).getText())
				.contains("Cease communication", "Customer wrote asking us to stop calling", "browser-caller");
			assertThat(this.browser.findElement(By.cssSelector("[data-channel=CALL]")).getText()).contains("blocked",
					"asked us to stop communicating");

			new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("contact-result")))
				.selectByValue("NO_ANSWER");
			click(By.cssSelector("[data-form=contact] button[type=submit]"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-flash]"),
					"Refused by the compliance gate"));
			assertThat(this.browser.findElement(By.cssSelector("[data-flash]")).getText())
				.contains("Cease communication hold since 30 Nov 2026, 8:30", "IST", "asked us to stop communicating");
			assertThat(this.browser.findElement(By.cssSelector("[data-timeline]")).getText()).contains("blocked");
			Files.createDirectories(Path.of("target/screenshots"));
			Files.write(Path.of("target/screenshots/compliance-panel.png"),
					((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		}
		finally {
			moving.set(IntegrationTest.START);
		}
	}

	@Test
	void aCollectorRecordsAPromiseAndAssessesAffordabilityInThePanel() throws Exception {
		this.agents.user("browser-promise", "promise-secret", Role.AGENT);
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "1200", "500", "3000",
				LocalDate.of(2026, 10, 1));
		this.work.assign(account.id(), "browser-promise", "lead");
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2600));
		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/login");
		Chromium.submitLogin(this.browser, "browser-promise", "promise-secret");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.urlContains("/desk"));
		this.browser.get(base + "/accounts/" + account.id().value());
		verify(wait, account);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-arrangements]")));

		click(By.xpath("//summary[contains(., 'Promise to pay')]"));
		this.browser.findElement(By.id("promise-amount")).sendKeys("2500");
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.getElementById('promise-due').value = '2026-12-05'");
		click(By.cssSelector("[data-form=promise] button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kind=PROMISE]")));
		assertThat(this.browser.findElement(By.cssSelector("[data-kind=PROMISE]")).getText()).contains("₹2,500.00",
				"Active", "browser-promise");

		click(By.xpath("//summary[contains(., 'Affordability')]"));
		this.browser.findElement(By.id("ie-income")).sendKeys("42000");
		this.browser.findElement(By.id("ie-essential")).sendKeys("30000");
		this.browser.findElement(By.id("ie-other")).sendKeys("6000");
		this.browser.findElement(By.id("ie-debts")).sendKeys("4000");
		click(By.cssSelector("[data-form=affordability] button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-offers]")));
		assertThat(this.browser.findElement(By.cssSelector("[data-offers]")).getText()).contains("₹2,000.00",
				"Settle now", "Short plan", "₹1,950.00");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/arrangements-panel.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private void click(By locator) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			htmxSettled();
			org.openqa.selenium.WebElement element = this.browser.findElement(locator);
			((org.openqa.selenium.JavascriptExecutor) this.browser)
				.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
			try {
				element.click();
				return;
			}
			catch (org.openqa.selenium.ElementClickInterceptedException ex) {
				// a panel still loading moved the page under the pointer: look again (on
				// a
				// loaded machine the panels can take seconds)
				if (attempt == 20) {
					throw ex;
				}
				Thread.sleep(250);
			}
		}
	}

	/** Waits until the page has loaded and htmx has no request or swap under way. */
	private void htmxSettled() {
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until((driver) -> Boolean.TRUE
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState === 'complete'"
					+ " && document.querySelectorAll('.htmx-request, .htmx-settling, .htmx-swapping').length === 0")));
	}

	/**
	 * The agent's day: take the next account (an account outside its hours is passed over
	 * with the reason), verify the customer, call through the gate, record a promise and
	 * move on, schedule a callback, and see a blocked call explained.
	 */
	@Test
	void anAgentWorksTheDesk() throws Exception {
		this.agents.certifiedAgent("desk-browser", "Desk Agent", "desk-secret", "RA-9", LocalDate.of(2027, 12, 31),
				"ml", "en");
		var nbfc = this.portfolios.indianNbfc();
		AccountView first = this.portfolios.overdue(nbfc, 75, "60000.00");
		AccountView second = this.portfolios.overdue(nbfc, 35, "25000.00");
		// 05:00 in New York: no calls yet
		AccountView american = this.portfolios.overdue(this.portfolios.usIssuer(), 95, "3000.00");
		for (AccountView a : List.of(first, second, american)) {
			this.work.assign(a.id(), "desk-browser", "lead");
		}
		String base = "http://localhost:" + this.port;
		this.browser.get(base + "/login");
		Chromium.submitLogin(this.browser, "desk-browser", "desk-secret");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		this.browser.get(base + "/desk");
		this.browser.findElement(By.id("next-account")).click();

		// the most overdue the agent may call now; the US account is passed over
		wait.until(ExpectedConditions.urlContains("/accounts/" + first.id().value()));
		String banner = this.browser.findElement(By.cssSelector("[data-next]")).getText();
		assertThat(banner).contains("Your account", american.accountRef());
		// until the customer is verified the agent says only whom they want and who they
		// are: whoever answered must not learn of the lender or the debt
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opening-script")));
		assertThat(this.browser.findElement(By.id("opening-script")).getText()).contains("may I speak with",
				"Desk Agent");
		assertThat(this.browser.findElement(By.id("opening-script")).getText()).doesNotContain(nbfc.name(),
				first.accountRef().substring(first.accountRef().length() - 4));
		assertThat(this.browser.findElements(By.id("call-script"))).isEmpty();
		verify(wait, first);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-script")));
		assertThat(this.browser.findElement(By.id("call-script")).getText())
			.contains("recovery agent (certificate RA-9)", nbfc.name());

		// click to call: the gate allows it and logs the call
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-call]")));
		click(By.cssSelector("[data-call]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-allowed")));
		assertThat(this.browser.findElement(By.id("tel-link")).getAttribute("href")).startsWith("tel:+91");
		// the compliance panel beside reads itself again and lists the call
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-timeline]"), "desk-browser"));
		assertThat(this.browser.findElement(By.cssSelector("[data-timeline]")).getText()).contains("Call",
				"in progress");
		// a promise, and the desk moves on to the next account
		outcome("RIGHT_PARTY", "PROMISE_TO_PAY");
		this.browser.findElement(By.cssSelector("#outcome-form [name=amount]")).sendKeys("5000");
		set(By.cssSelector("#outcome-form [name=dueOn]"), "2026-12-05");
		click(By.cssSelector("#outcome-form button[type=submit]"));
		wait.until(ExpectedConditions.urlContains("/accounts/" + second.id().value()));
		assertThat(this.browser.findElement(By.cssSelector("[data-flash]")).getText()).contains("Outcome recorded");
		assertThat(this.arrangements.ofAccount(first.id())).singleElement().satisfies((a) -> {
			assertThat(a.kind()).isEqualTo(ArrangementKind.PROMISE);
			assertThat(a.status()).isEqualTo(ArrangementStatus.ACTIVE);
			assertThat(a.amount().amount()).isEqualByComparingTo("5000");
		});

		// the customer asks to be called back tomorrow morning, their time
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-form")));
		outcome("RIGHT_PARTY", "CALLBACK");
		set(By.cssSelector("#outcome-form [name=callbackAt]"), "2026-11-27T10:30");
		click(By.cssSelector("#outcome-form button[type=submit]"));
		wait.until(ExpectedConditions.urlContains("/desk?recorded"));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Outcome recorded");

		// the US account: the call is blocked, and the panel says why and when it opens
		this.browser.get(base + "/accounts/" + american.id().value());
		verify(wait, american);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-call]")));
		click(By.cssSelector("[data-call]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-blocked")));
		String blocked = this.browser.findElement(By.id("call-blocked")).getText();
		assertThat(blocked).contains("Not allowed now", "Opens");
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/desk-blocked.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * A manager builds a team's queue on the Queues page, two agents of the team take its
	 * accounts one after the other and never get the same one, the second agrees a
	 * settlement beyond an agent's authority, and the team's lead approves it from the
	 * inbox.
	 */
	@Test
	void aManagerBuildsAQueueTwoAgentsWorkItAndTheLeadApprovesASettlement() throws Exception {
		for (String agent : List.of("side-a", "side-b")) {
			this.agents.certifiedAgent(agent, "Agent " + agent, "side-secret", "RA-" + agent,
					LocalDate.of(2027, 12, 31), "ml", "en");
		}
		this.agents.named("side-lead", "Lead", "side-secret", Role.TEAM_LEAD, "en");
		var nbfc = this.portfolios.indianNbfc();
		AccountView largest = this.portfolios.overdue(nbfc, 70, "90000.00");
		AccountView middle = this.portfolios.overdue(nbfc, 40, "60000.00");
		this.portfolios.overdue(nbfc, 20, "30000.00");
		Teams.TeamView team = this.teams.create("Side by side " + nbfc.code(), "side-lead");
		this.teams.addMember(team.id(), "side-a");
		this.teams.addMember(team.id(), "side-b");
		String base = "http://localhost:" + this.port;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));

		// a manager defines the team's queue: this creditor, largest balance first
		this.agents.named("side-manager", "Manager", "side-secret", Role.MANAGER, "en");
		logIn(wait, base, "side-manager");
		this.browser.get(base + "/queues");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.cssSelector("#new-queue [name=teamId]")))
			.selectByValue(team.id().toString());
		this.browser.findElement(By.cssSelector("#new-queue [name=name]")).sendKeys("Largest first");
		this.browser.findElement(By.cssSelector("#new-queue [name=creditors]")).sendKeys(nbfc.code());
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.cssSelector("#new-queue [name=sort]")))
			.selectByValue("BALANCE_DESC");
		click(By.cssSelector("#new-queue button[type=submit]"));
		WebElement row = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//tr[td[text()='" + team.name() + "']][@data-queue='Largest first']")));
		assertThat(row.findElement(By.cssSelector("[data-size]")).getText()).isEqualTo("3");
		logOut(wait);

		// the first agent takes the largest; while they hold it the second gets the next
		// one
		logIn(wait, base, "side-a");
		this.browser.get(base + "/desk");
		this.browser.findElement(By.id("next-account")).click();
		wait.until(ExpectedConditions.urlContains("/accounts/" + largest.id().value()));
		logOut(wait);
		logIn(wait, base, "side-b");
		this.browser.get(base + "/desk");
		this.browser.findElement(By.id("next-account")).click();
		wait.until(ExpectedConditions.urlContains("/accounts/" + middle.id().value()));

		// a settlement at 75%: beyond an agent's 10%, so it waits for the lead
		verify(wait, middle);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-call]")));
		click(By.cssSelector("[data-call]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-allowed")));
		outcome("RIGHT_PARTY", "SETTLEMENT_AGREED");
		this.browser.findElement(By.cssSelector("#outcome-form [name=amount]")).sendKeys("45000");
		this.browser.findElement(By.cssSelector("#outcome-form [name=note]"))
			.sendKeys("Shop closed after the floods; family can raise 45,000 by the 5th");
		click(By.cssSelector("#outcome-form button[type=submit]"));
		// it waits for the lead: the agent stays on the account and is told who decides
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-sent-for-approval]")));
		assertThat(this.browser.findElement(By.cssSelector("[data-sent-for-approval]")).getText())
			.contains("sent for approval", "side-lead");
		assertThat(this.browser.getCurrentUrl()).contains("/accounts/" + middle.id().value());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kind=SETTLEMENT]")));
		assertThat(this.arrangements.ofAccount(middle.id())).singleElement()
			.satisfies((a) -> assertThat(a.status()).isEqualTo(ArrangementStatus.PENDING_APPROVAL));
		logOut(wait);

		// the lead reads why and approves; the settlement is in force
		logIn(wait, base, "side-lead");
		this.browser.get(base + "/approvals");
		WebElement request = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//div[@data-approval][.//a[contains(text(),'" + middle.accountRef() + "')]]")));
		assertThat(request.getText()).contains("a discount of 25% (authority 10%)", "side-b", "after the floods");
		request.findElement(By.name("reason")).sendKeys("Flood relief: within policy");
		request.findElement(By.cssSelector("button.btn-success")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-flash]")));
		assertThat(this.browser.findElement(By.cssSelector("[data-flash]")).getText()).contains("Approved");
		assertThat(this.arrangements.ofAccount(middle.id())).singleElement().satisfies((a) -> {
			assertThat(a.kind()).isEqualTo(ArrangementKind.SETTLEMENT);
			assertThat(a.status()).isEqualTo(ArrangementStatus.ACTIVE);
		});
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/approved.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private void logIn(WebDriverWait wait, String base, String user) {
		Chromium.logIn(this.browser, wait, base, user, "side-secret");
	}

	private void logOut(WebDriverWait wait) throws InterruptedException {
		click(By.cssSelector("form[action='/logout'] button"));
		wait.until(ExpectedConditions.urlContains("/login"));
	}

	private void verify(WebDriverWait wait, AccountView account) {
		String ref = account.accountRef();
		WebElement answer = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rpv [name=answer]")));
		answer.sendKeys(ref.substring(ref.length() - 4));
		this.browser.findElement(By.cssSelector("#rpv button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".badge.text-bg-success")));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("verify-first")));
	}

	private void outcome(String result, String outcome) {
		new org.openqa.selenium.support.ui.Select(
				this.browser.findElement(By.cssSelector("#outcome-form [name=result]")))
			.selectByValue(result);
		new org.openqa.selenium.support.ui.Select(
				this.browser.findElement(By.cssSelector("#outcome-form [name=outcome]")))
			.selectByValue(outcome);
	}

	private void set(By field, String value) {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].value = arguments[1]",
				this.browser.findElement(field), value);
	}

}
