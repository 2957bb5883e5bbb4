package org.dues;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Dues, an open-source collections platform. With the argument {@code verify-audit} it
 * verifies the compliance audit trail instead of serving, and exits 0 when it is intact;
 * with {@code unlock <username>} it unlocks a user that failed logins locked out (audited
 * as done by the operator), and exits 0 when the user exists.
 */
@SpringBootApplication
public class DuesApplication {

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("verify-audit")) {
			// a command: walk the audit trail's hash chain, print the result, exit 0 or 1
			System.exit(SpringApplication
				.exit(new SpringApplicationBuilder(DuesApplication.class).web(WebApplicationType.NONE)
					.properties("dues.verify-audit=true", "dues.demo=false", "dues.aging.cron=-",
							"dues.arrangements.cron=-", "dues.work.order-cron=-", "dues.audit.anchor-cron=-")
					.run(args)));
		}
		if (Arrays.asList(args).contains("unlock")) {
			// a command: let a locked-out user (the only administrator, say) try again
			System.exit(SpringApplication
				.exit(new SpringApplicationBuilder(DuesApplication.class).web(WebApplicationType.NONE)
					.properties("dues.unlock-command=true", "dues.demo=false", "dues.aging.cron=-",
							"dues.arrangements.cron=-", "dues.work.order-cron=-", "dues.audit.anchor-cron=-")
					.run(args)));
		}
		SpringApplication.run(DuesApplication.class, args);
	}

}
