package org.dues.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, items 10 and 11 and the accessibility check, in one headless Chromium for the
 * class: every page each role reaches has no serious or critical axe-core violation, a
 * label on every field, and fits a phone 360 and 390 pixels wide; the menu folds on a
 * phone and opens from the keyboard; an agent works accounts with the keyboard alone
 * (shortcuts, and the focus where the next step is after every update), in English, Hindi
 * and Malayalam.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	/** Everyone who works at a desk (a field agent works the visits given to them). */
	static final Set<Role> EVERYONE = EnumSet.complementOf(EnumSet.of(Role.FIELD_AGENT));

	static final Set<Role> LEADS = EnumSet.of(Role.TEAM_LEAD, Role.MANAGER, Role.ADMIN);

	static final Set<Role> IMPORTERS = EnumSet.of(Role.MANAGER, Role.ADMIN);

	/**
	 * Every page of Dues and the roles that reach it, checked as each of them: add a page
	 * here when you add one. A path names the fixture's records as {account}, {ref},
	 * {queue}, {import}, {customer} and {creditor}; a page with no role is visited logged
	 * out.
	 */
	// @formatter:off
	static final List<Page> PAGES = List.of(
			new Page("login", "/login", Set.of()),
			new Page("desk", "/desk", EVERYONE),
			new Page("account", "/accounts/{account}", EnumSet.allOf(Role.class)),
			new Page("field agent's day", "/field", EnumSet.of(Role.FIELD_AGENT)),
			new Page("field visits", "/field/visits", LEADS),
			new Page("field areas", "/field/areas", EnumSet.of(Role.MANAGER)),
			new Page("accounts/search", "/accounts?q={ref}", EVERYONE),
			new Page("queues", "/queues", LEADS),
			new Page("queue", "/queues/{queue}", LEADS),
			new Page("imports", "/imports", IMPORTERS),
			new Page("import", "/imports/{import}", IMPORTERS),
			new Page("approvals", "/approvals", LEADS),
			new Page("supervisor", "/supervisor", LEADS),
			new Page("campaigns", "/campaigns", LEADS),
			new Page("admin", "/admin", EnumSet.of(Role.ADMIN)),
			new Page("customer", "/customers/{customer}", EVERYONE),
			new Page("accounts browser", "/supervisor/accounts", EnumSet.of(Role.TEAM_LEAD, Role.MANAGER)),
			new Page("bulk message", "/supervisor/messages/bulk", EnumSet.of(Role.TEAM_LEAD, Role.MANAGER)),
			new Page("agencies", "/agencies", EnumSet.of(Role.MANAGER)),
			new Page("place with an agency", "/agencies/placements/new?creditors={creditor}", EnumSet.of(Role.MANAGER)),
			new Page("reports", "/reports", EnumSet.of(Role.MANAGER, Role.COMPLIANCE)),
			new Page("targets", "/targets", EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER)),
			new Page("bank accounts", "/reconciliation/bank-accounts", EnumSet.of(Role.MANAGER)),
			new Page("scorecard", "/scorecard", EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER)),
			new Page("audit trail", "/compliance/audit", EnumSet.of(Role.COMPLIANCE)),
			new Page("blocked attempts", "/compliance/blocked", EnumSet.of(Role.COMPLIANCE)),
			new Page("contact policies", "/compliance/policies", EnumSet.of(Role.COMPLIANCE)),
			new Page("creditor policy", "/compliance/creditors/{creditor}/policy", EnumSet.of(Role.COMPLIANCE)),
			new Page("creditors", "/admin/creditors", EnumSet.of(Role.ADMIN)),
			new Page("creditor", "/admin/creditors/{creditor}", EnumSet.of(Role.ADMIN)),
			new Page("file layouts", "/admin/mappings", EnumSet.of(Role.MANAGER)),
			new Page("authority", "/admin/authority", EnumSet.of(Role.MANAGER)),
			new Page("sandbox", "/sandbox", EnumSet.of(Role.AGENT)),
			new Page("recordings", "/accounts/{account}/recordings", EnumSet.of(Role.TEAM_LEAD, Role.COMPLIANCE)),
			new Page("recordings' access log", "/compliance/recordings", EnumSet.of(Role.COMPLIANCE)),
			new Page("simulated calls", "/telephony/sandbox", EnumSet.of(Role.ADMIN)),
			new Page("templates", "/templates", EnumSet.of(Role.MANAGER)),
			new Page("template", "/templates/{template}", EnumSet.of(Role.COMPLIANCE)),
			new Page("account settings", "/account", EVERYONE),
			// the same page for every role but for the menu, which the pages above check
			new Page("password", "/account/password", EnumSet.of(Role.AGENT)),
			new Page("two-step verification", "/account/totp", EnumSet.of(Role.AGENT)));
	// @formatter:on

	/** The phone widths a page must fit without scrolling sideways. */
	static final List<Integer> PHONES = List.of(390, 360);

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	NextAccount work;

	@Autowired
	Desk desk;

	@Autowired
	java.time.Clock clock;

	ScopeFixture fixture;

	ChromeDriver browser;

	String axe;

	@BeforeAll
	void startBrowser() throws Exception {
		this.browser = Chromium.start();
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		try (InputStream script = getClass().getResourceAsStream("/axe.min.js")) {
			assertThat(script).as("axe.min.js on the test classpath").isNotNull();
			this.axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.fixture = ScopeFixture.create("a11y", this.context);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@BeforeEach
	void desktop() {
		this.browser.manage().deleteAllCookies();
		this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void everyPageOfEveryRoleHasNoSeriousViolationALabelOnEveryFieldAndFitsAPhone() throws Exception {
		List<String> violations = new ArrayList<>();
		List<String> unlabelled = new ArrayList<>();
		List<String> overflowing = new ArrayList<>();
		List<Role> anonymous = new ArrayList<>();
		anonymous.add(null);
		List<Role> roles = new ArrayList<>(anonymous);
		roles.addAll(EVERYONE);
		for (Role role : roles) {
			this.browser.manage().deleteAllCookies();
			if (role != null) {
				logIn(userOf(role));
			}
			for (Page page : PAGES) {
				if (role == null ? !page.roles().isEmpty() : !page.roles().contains(role)) {
					continue;
				}
				String where = page.name() + " as " + (role == null ? "nobody" : role);
				desktopWidth();
				open(page.path(this.fixture));
				openEveryDetails();
				violations.addAll(axe(where));
				unlabelled.addAll(unlabelledFields(where));
				for (int width : PHONES) {
					phoneWidth(width);
					overflowing.addAll(overflow(where, width));
				}
			}
		}
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(violations).as("serious and critical axe-core violations").isEmpty();
			softly.assertThat(unlabelled).as("fields without a label").isEmpty();
			softly.assertThat(overflowing).as("pages wider than a phone").isEmpty();
		});
	}

	@Test
	void theMenuFoldsOnAPhoneAndOpensAndClosesFromTheKeyboard() throws Exception {
		logIn(userOf(Role.ADMIN));
		phoneWidth(360);
		open("/account");
		assertThat(this.browser.findElement(By.id("nav-menu")).isDisplayed()).isFalse();
		var toggle = this.browser.findElement(By.cssSelector("[data-menu-toggle]"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(toggle.getText()).isEqualTo("Menu");

		// Tab: "Skip to content", the name of Dues, the menu's button
		int tabs = tabUntil("[data-menu-toggle]", 5);
		assertThat(tabs).isEqualTo(3);
		keys(Keys.ENTER);
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(this.browser.findElement(By.linkText("Administration")).isDisplayed()).isTrue();
		assertThat(overflow("the open menu", 360)).isEmpty();
		assertThat(axe("the open menu at 360 px")).isEmpty();
		screenshot("menu-360");
		keys(Keys.TAB);
		keys(Keys.ESCAPE);
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(this.browser.findElement(By.id("nav-menu")).isDisplayed()).isFalse();
		assertThat(active()).isEqualTo(toggle);

		desktopWidth();
		assertThat(toggle.isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.linkText("Administration")).isDisplayed()).isTrue();
	}

	/**
	 * The agent's loop with the keyboard alone, in English, Hindi and Malayalam: next
	 * account (Alt+N), the answer typed where the focus already is, the call (Alt+C), the
	 * result chosen where the focus lands after the call, recorded (Alt+R), and on to the
	 * next account, where the focus waits at the verification again; a refused outcome
	 * puts the focus on the field in error. Two Tab presses in all (to the outcome and
	 * back to it). With no account left to offer, the worklist below the desk holds a
	 * callback and a promise due today: the agent tabs to each, opens it with Enter and
	 * works it the same way, five accounts in all. Each state of the workspace has no
	 * serious axe-core violation.
	 */
	@Test
	void anAgentWorksTheWorklistAndFiveAccountsWithTheKeyboardAlone() throws Exception {
		String agent = "a11y-keys";
		this.agents.certifiedAgent(agent, "Keyboard Agent", ScopeFixture.PASSWORD, "RA-KEYS",
				LocalDate.of(2027, 12, 31), "ml", "hi", "en");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView first = this.portfolios.overdue(nbfc, 95, "60000.00");
		AccountView second = this.portfolios.overdue(nbfc, 65, "40000.00");
		AccountView third = this.portfolios.overdue(nbfc, 35, "20000.00");
		AccountView promised = this.portfolios.overdue(nbfc, 45, "30000.00");
		AccountView callback = this.portfolios.overdue(nbfc, 55, "25000.00");
		for (AccountView account : List.of(first, second, third, promised, callback)) {
			this.work.assign(account.id(), agent, "lead");
		}
		// yesterday's calls: a promise due today, and a callback asked for this evening
		Asker asker = Dispositions.agent(agent);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), nbfc.timeZone());
		this.desk.dispose(promised.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, null,
						this.portfolios.firstPhone(promised), new BigDecimal("5000"), today, null, null, null, null),
				asker);
		this.desk.dispose(callback.id(), Dispositions.callbackAsked(this.portfolios.firstPhone(callback),
				today.atTime(LocalTime.of(23, 30)), "After work"), asker);
		logIn(agent);
		open("/desk");
		List<String> violations = new ArrayList<>(axe("desk (en)"));
		waitFocus("#next-account");
		int tabs = 0;

		// English: no answer
		alt("n");
		waiting().until(ExpectedConditions.urlContains("/accounts/" + first.id().value()));
		verifyAndCall(first, "en", violations);
		choose(Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("NO_ANSWER");
		alt("r");

		// Hindi: the customer promises, but the agent records it without the amount; the
		// refusal puts the focus on the amount, which says what is wrong; the customer
		// then refuses after all (one Tab to the outcome, one Shift+Tab back to it)
		waiting().until(ExpectedConditions.urlContains("/accounts/" + second.id().value()));
		verifyAndCall(second, "hi", violations);
		choose(Keys.END);
		assertThat(active().getAttribute("value")).isEqualTo("RIGHT_PARTY");
		keys(Keys.TAB);
		tabs++;
		waitFocus("#outcome-outcome");
		choose(Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("PROMISE_TO_PAY");
		alt("r");
		waitFocus("#outcome-amount");
		assertThat(active().getAttribute("aria-invalid")).isEqualTo("true");
		String described = active().getAttribute("aria-describedby");
		assertThat(this.browser.findElement(By.id(described)).getText()).isNotBlank();
		violations.addAll(axe("account with a refused outcome (hi)"));
		new Actions(this.browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		tabs++;
		waitFocus("#outcome-outcome");
		choose(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("REFUSED");
		screenshot("keyboard-hi");
		alt("r");

		// Malayalam: busy
		waiting().until(ExpectedConditions.urlContains("/accounts/" + third.id().value()));
		verifyAndCall(third, "ml", violations);
		choose(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("BUSY");
		alt("r");

		// no account left: the desk says so and offers the next one again
		waiting().until(ExpectedConditions.urlContains("/desk?recorded"));
		waitFocus("#next-account");
		assertThat(this.browser.findElement(By.cssSelector("[data-flash]")).getAttribute("role")).isEqualTo("status");
		violations.addAll(axe("desk (ml)"));
		assertThat(tabs).as("Tab presses for three accounts").isEqualTo(2);

		// the worklist, in Hindi: the callback first, then the promise due today
		open("/desk?lang=hi");
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-worklist]")));
		violations.addAll(axe("desk with its worklist (hi)"));
		screenshot("keyboard-worklist-hi");
		waitFocus("#next-account");
		tabUntil("[data-section=callbacks] [data-account='" + callback.id().value() + "'] a", 12);
		keys(Keys.ENTER);
		waiting().until(ExpectedConditions.urlContains("/accounts/" + callback.id().value()));
		verifyAndCall(callback, "hi", violations);
		choose(Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("NO_ANSWER");
		alt("r");
		waiting().until(ExpectedConditions.urlContains("/desk?recorded"));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-worklist]")));
		waitFocus("#next-account");
		tabUntil("[data-section=due] [data-account='" + promised.id().value() + "'] a", 16);
		keys(Keys.ENTER);
		waiting().until(ExpectedConditions.urlContains("/accounts/" + promised.id().value()));
		verifyAndCall(promised, "en", violations);
		choose(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
		assertThat(active().getAttribute("value")).isEqualTo("BUSY");
		alt("r");
		waiting().until(ExpectedConditions.urlContains("/desk?recorded"));
		waitFocus("#next-account");
		assertThat(violations).as("serious and critical axe-core violations on the desk").isEmpty();
	}

	/**
	 * On an account just opened: the focus waits at the verification's answer; once
	 * verified, on the first Call; once called (Alt+C), on the outcome's result.
	 */
	private void verifyAndCall(AccountView account, String language, List<String> violations) {
		if (!language.equals(this.browser.findElement(By.tagName("html")).getAttribute("lang"))) {
			String url = this.browser.getCurrentUrl();
			this.browser.get(url + (url.contains("?") ? "&" : "?") + "lang=" + language);
		}
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
		if (this.browser.getCurrentUrl().contains("recorded")) {
			// the outcome of the account before, announced
			assertThat(this.browser.findElement(By.cssSelector("[data-flash]")).getAttribute("role"))
				.isEqualTo("status");
		}
		waitFocus("#verify-answer");
		assertThat(active().getAttribute("aria-keyshortcuts")).isEqualTo("Alt+V");
		violations.addAll(axe("account before verification (" + language + ")"));
		String ref = account.accountRef();
		keys(ref.substring(ref.length() - 4), Keys.ENTER);
		// verified: the page reads itself again, the focus on the first Call
		waitFocus("[data-call]");
		assertThat(active().getAttribute("aria-keyshortcuts")).isEqualTo("Alt+C");
		violations.addAll(axe("account verified (" + language + ")"));
		alt("c");
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("call-allowed")));
		waitFocus("#outcome-result");
		violations.addAll(axe("account after the call (" + language + ")"));
	}

	/** Keys pressed on the select that has the focus. */
	private void choose(Keys... keys) {
		keys((CharSequence[]) keys);
	}

	// the browser

	private void logIn(String user) {
		Chromium.logIn(this.browser, waiting(), base(), user, ScopeFixture.PASSWORD);
	}

	private String userOf(Role role) {
		return switch (role) {
			case AGENT -> this.fixture.agent;
			case TEAM_LEAD -> this.fixture.lead;
			case MANAGER -> this.fixture.manager;
			case COMPLIANCE -> this.fixture.officer;
			case ADMIN -> this.fixture.admin;
			case FIELD_AGENT -> this.fixture.field;
		};
	}

	private void open(String path) {
		this.browser.get(base() + path);
		settled();
	}

	/** Waits until the page has loaded, its panels with it, and htmx is at rest. */
	private void settled() {
		waiting().until((driver) -> Boolean.TRUE.equals(script("return document.readyState === 'complete'"
				+ " && document.querySelectorAll('[hx-trigger=\"load\"], .htmx-request, .htmx-settling, .htmx-swapping')"
				+ ".length === 0")));
	}

	private void desktopWidth() {
		this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	private void phoneWidth(int width) {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 800, "deviceScaleFactor", 2, "mobile", false));
		assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(width);
	}

	private void openEveryDetails() {
		script("document.querySelectorAll('details').forEach((d) => d.open = true)");
	}

	/** The serious and critical violations axe-core finds on the page as it is now. */
	@SuppressWarnings("unchecked")
	private List<String> axe(String where) {
		if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
			script(this.axe);
		}
		Object found = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
					.then((r) => done(r.violations
						.filter((v) => v.impact === 'serious' || v.impact === 'critical')
						.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
							+ v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | '))))
					.catch((e) => done(['axe failed: ' + e]));
				""");
		return ((List<String>) found).stream().map((v) -> where + ": " + v).toList();
	}

	/**
	 * Fields named by nothing but a placeholder or a title (which axe-core accepts): each
	 * needs a label, visible or aria-label.
	 */
	@SuppressWarnings("unchecked")
	private List<String> unlabelledFields(String where) {
		List<String> found = (List<String>) script("""
				return [...document.querySelectorAll('input, select, textarea')]
					.filter((f) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(f.type))
					.filter((f) => f.labels.length === 0 && !f.getAttribute('aria-label')
						&& !f.getAttribute('aria-labelledby'))
					.map((f) => f.outerHTML.substring(0, 140));
				""");
		return found.stream().map((f) -> where + ": " + f).toList();
	}

	/** What makes the page wider than the phone, if it is. */
	@SuppressWarnings("unchecked")
	private List<String> overflow(String where, int width) throws IOException {
		long excess = ((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
		if (excess <= 0) {
			return List.of();
		}
		screenshot("overflow-" + where.replaceAll("[^A-Za-z0-9]+", "-") + "-" + width);
		List<String> culprits = (List<String>) script("""
				const w = window.innerWidth;
				return [...document.body.querySelectorAll('*')]
					.filter((e) => e.getBoundingClientRect().right > w + 1 && e.parentElement
						&& e.getBoundingClientRect().width > e.parentElement.clientWidth + 1)
					.filter((e) => !e.closest('.table-responsive'))
					.slice(0, 5)
					.map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
						+ ' ' + Math.round(e.getBoundingClientRect().right) + 'px: '
						+ (e.textContent || '').trim().substring(0, 40));
				""");
		return List.of("%s at %d px is %d px too wide: %s".formatted(where, width, excess, culprits));
	}

	private void alt(String key) {
		new Actions(this.browser).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
	}

	private void keys(CharSequence... keys) {
		new Actions(this.browser).sendKeys(keys).perform();
	}

	/** Presses Tab until the element matching the selector has the focus. */
	private int tabUntil(String selector, int most) {
		for (int tabs = 1; tabs <= most; tabs++) {
			keys(Keys.TAB);
			if (Boolean.TRUE.equals(script("return document.activeElement.matches(arguments[0])", selector))) {
				return tabs;
			}
		}
		throw new AssertionError("no " + selector + " within " + most + " Tab presses");
	}

	private void waitFocus(String selector) {
		waiting()
			.withMessage(() -> "the focus on " + selector + ", not on "
					+ script("const a = document.activeElement; return a ? a.outerHTML.substring(0, 200) : 'nothing'"))
			.until((driver) -> Boolean.TRUE
				.equals(script("return document.activeElement !== null && document.activeElement.matches(arguments[0])",
						selector)));
	}

	private org.openqa.selenium.WebElement active() {
		return this.browser.switchTo().activeElement();
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(this.browser, WAIT);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/" + name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	/** A page and the roles that reach it. */
	record Page(String name, String path, Set<Role> roles) {

		String path(ScopeFixture fixture) {
			return this.path.replace("{account}", fixture.inside.account().toString())
				.replace("{ref}", fixture.inside.accountRef())
				.replace("{queue}", fixture.inside.queue().toString())
				.replace("{import}", fixture.importId.toString())
				.replace("{customer}", fixture.inside.records().get("customer"))
				.replace("{creditor}", fixture.creditor.code())
				.replace("{template}", fixture.template.toString());
		}

	}

}
