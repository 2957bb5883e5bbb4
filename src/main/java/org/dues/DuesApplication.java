package org.dues;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Dues, an open-source collections platform. Given a command instead of serving, it runs
 * the command and exits with its status: {@code verify-audit} verifies the compliance
 * audit trail (0 when intact); {@code anchor-audit} (with {@code --reinitialise} after
 * the anchor was lost) anchors the trail (0 when an anchor is in place);
 * {@code unlock <username>} unlocks a user that failed logins locked out, audited as done
 * by the operator (0 when the user exists).
 */
@SpringBootApplication
public class DuesApplication {

	/** Each command and the property that switches its runner on. */
	private static final Map<String, String> COMMANDS = Map.of("verify-audit", "dues.verify-audit=true", "anchor-audit",
			"dues.anchor-audit=true", "unlock", "dues.unlock-command=true");

	public static void main(String[] args) {
		List<String> given = Arrays.asList(args);
		for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
			if (given.contains(command.getKey())) {
				// no web server, no demo data, no scheduled jobs: the command alone
				System.exit(SpringApplication
					.exit(new SpringApplicationBuilder(DuesApplication.class).web(WebApplicationType.NONE)
						.properties(command.getValue(), "dues.demo=false", "dues.aging.cron=-",
								"dues.arrangements.cron=-", "dues.work.order-cron=-", "dues.audit.anchor-cron=-")
						.run(args)));
			}
		}
		exitCleanlyOnTerm();
		SpringApplication.run(DuesApplication.class, args);
	}

	/**
	 * SIGTERM (a service manager's stop, or {@code ./mvnw spring-boot:run} passing on a
	 * Ctrl-C after 5 s) stops Dues as Ctrl-C does, through the shutdown hooks (requests
	 * in flight finish, the audit anchor is written, the embedded database stops), and
	 * exits 0 rather than the JVM's 143: the stop was asked for and went cleanly, and
	 * spring-boot:run reports success instead of "BUILD FAILURE … exit code 143".
	 */
	static void exitCleanlyOnTerm() {
		try {
			Signal.handle(new Signal("TERM"), (signal) -> System.exit(0));
		}
		catch (IllegalArgumentException ex) {
			// no SIGTERM here (Windows), or the JVM keeps it (-Xrs): its own handling
			// stays
		}
	}

}
