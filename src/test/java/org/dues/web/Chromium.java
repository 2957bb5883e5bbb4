package org.dues.web;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, driven through its chromedriver, with
 * the browser's console kept (to catch what the Content-Security-Policy refused). A test
 * is skipped, not failed, where neither is installed ({@code .ci/run} installs both). A
 * test class that works one browser per test declares a {@code WebDriver} field and
 * {@code @ExtendWith(Chromium.EachTest.class)}; {@link #logIn} signs a user in.
 */
public final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * A new headless browser with a window of 1400 by 1000 pixels, in English, asking for
	 * reduced motion: Bootstrap then draws no transitions, so axe-core reads the colours
	 * a control settles on, not those of a button half-way through taking the focus (the
	 * verified account's Call button once failed its contrast check so).
	 */
	public static ChromeDriver start() {
		Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=en", "--force-prefers-reduced-motion");
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
				options);
	}

	/**
	 * Opens the login page of the application at {@code base}, signs the user in and
	 * waits until the browser has left the page.
	 */
	public static void logIn(WebDriver browser, WebDriverWait wait, String base, String username, String password) {
		browser.get(base + "/login");
		submitLogin(browser, username, password);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Fills in and sends the login form the browser shows. */
	public static void submitLogin(WebDriver browser, String username, String password) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	/**
	 * Starts a browser into the test's {@code WebDriver} field before each test (before
	 * the class's own {@code @BeforeEach} methods run) and quits it after each test (once
	 * the class's {@code @AfterEach} methods have run, even when they fail).
	 */
	public static final class EachTest implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) throws Exception {
			browserField(context).set(context.getRequiredTestInstance(), start());
		}

		@Override
		public void afterEach(ExtensionContext context) throws Exception {
			if (browserField(context).get(context.getRequiredTestInstance()) instanceof WebDriver browser) {
				browser.quit();
			}
		}

		private static Field browserField(ExtensionContext context) {
			Field field = Arrays.stream(context.getRequiredTestClass().getDeclaredFields())
				.filter((f) -> f.getType() == WebDriver.class)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						context.getRequiredTestClass() + " declares no WebDriver field for the browser"));
			field.setAccessible(true);
			return field;
		}

	}

}
