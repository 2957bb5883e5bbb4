package org.dues.demo;

import org.dues.system.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Dues where it is and, in demo mode, how to log in: at the moment
 * readiness turns to {@code ACCEPTING_TRAFFIC}, after every application runner (the demo
 * loader among them), so the logins it names exist. Until then the port answers 503.
 */
@Component
@ConditionalOnWebApplication
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final RuntimeMode mode;

	private final String demoPassword;

	private final boolean adminPasswordSet;

	private boolean printed;

	StartupBanner(RuntimeMode mode, @Value("${dues.demo-password:demo}") String demoPassword,
			@Value("${dues.admin-password:}") String adminPassword) {
		this.mode = mode;
		this.demoPassword = demoPassword;
		this.adminPasswordSet = !adminPassword.isBlank();
	}

	@EventListener
	void ready(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || this.printed) {
			return;
		}
		this.printed = true;
		int port = (event.getSource() instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : 8080;
		StringBuilder banner = new StringBuilder("\n\n  Dues is running at http://localhost:" + port + "/\n");
		if (this.mode.demo()) {
			banner.append("  Demo logins (password '")
				.append(this.demoPassword)
				.append("'): agent1, agent2, agent3 (agents), lead1 (team lead), manager1 (manager),\n")
				.append("  compliance1 (compliance officer), field1 (field agent), agency1 and agencylead1 (an\n")
				.append("  external agency's agent and manager: they see only the accounts placed with it),\n")
				.append("  admin (administrator")
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
