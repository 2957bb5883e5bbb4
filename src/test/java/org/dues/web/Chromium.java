package org.dues.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, driven through its chromedriver, with
 * the browser's console kept (to catch what the Content-Security-Policy refused). A test
 * is skipped, not failed, where neither is installed ({@code .ci/run} installs both).
 */
final class Chromium {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** A new headless browser with a window of 1400 by 1000 pixels, in English. */
	static ChromeDriver start() {
		Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=en");
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
				options);
	}

}
