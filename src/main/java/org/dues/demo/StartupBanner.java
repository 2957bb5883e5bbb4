package org.dues.demo;

import org.dues.system.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Dues where it is and, in demo mode, how to log in.
 */
@Component
@ConditionalOnWebApplication
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final RuntimeMode mode;

	private final String demoPassword;

	private final boolean adminPasswordSet;

	StartupBanner(RuntimeMode mode, @Value("${dues.demo-password:demo}") String demoPassword,
			@Value("${dues.admin-password:}") String adminPassword) {
		this.mode = mode;
		this.demoPassword = demoPassword;
		this.adminPasswordSet = !adminPassword.isBlank();
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? web.getWebServer().getPort() : 8080;
		StringBuilder banner = new StringBuilder("\n\n  Dues is running at http://localhost:" + port + "/\n");
		if (this.mode.demo()) {
			banner.append("  Demo logins (password '")
				.append(this.demoPassword)
				.append("'): agent1, agent2, agent3 (agents), lead1 (team lead), manager1 (manager),\n")
				.append("  compliance1 (compliance officer), admin (administrator")
				.append(this.adminPasswordSet ? ", password from DUES_ADMIN_PASSWORD" : "")
				.append(")\n")
				.append("  API: curl -u manager1:")
				.append(this.demoPassword)
				.append(" http://localhost:")
				.append(port)
				.append("/api/v1/creditors   ·   docs: /swagger-ui.html\n");
		}
		log.info(banner.toString());
	}

}
