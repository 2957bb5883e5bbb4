package org.dues.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code unlock <username>}: the operator's way back in when failed logins have locked a
 * user out (the only administrator, say) and no administrator's session is at hand. It
 * lets the user try passwords and one-time codes again at once, from every address, and
 * records the unlock in the audit trail as done by {@code operator}. The process exits 0
 * when the user exists and 1 when not.
 */
@Component
@ConditionalOnProperty(name = "dues.unlock-command", havingValue = "true")
class UnlockCommand implements ApplicationRunner, ExitCodeGenerator {

	/** Who the audit trail names for an unlock from the command line. */
	static final String OPERATOR = "operator";

	private static final Logger log = LoggerFactory.getLogger(UnlockCommand.class);

	private final UserLogins logins;

	private final LoginThrottle throttle;

	private int exitCode = 1;

	UnlockCommand(UserLogins logins, LoginThrottle throttle) {
		this.logins = logins;
		this.throttle = throttle;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		int at = words.indexOf("unlock");
		if (at < 0 || at + 1 >= words.size()) {
			log.error("Name the user: unlock <username>");
			return;
		}
		String username = words.get(at + 1);
		if (!this.logins.exists(username)) {
			log.error("No user named '{}'", username);
			return;
		}
		boolean wasLocked = this.throttle.unlock(username, OPERATOR);
		this.exitCode = 0;
		log.info("User '{}' unlocked{}; the unlock is in the audit trail", username,
				wasLocked ? "" : " (was not locked out)");
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
