package org.dues.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.dues.system.RuntimeMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In an empty database, creates the {@code admin} user: with {@code DUES_ADMIN_PASSWORD}
 * when set, the demo password in demo mode, otherwise a random password printed once,
 * which must be changed at the first login (it has been in a log).
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserManagement users;

	private final RuntimeMode mode;

	private final String adminPassword;

	private final String demoPassword;

	AdminBootstrap(UserManagement users, RuntimeMode mode, @Value("${dues.admin-password:}") String adminPassword,
			@Value("${dues.demo-password:demo}") String demoPassword) {
		this.users = users;
		this.mode = mode;
		this.adminPassword = adminPassword;
		this.demoPassword = demoPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.users.anyUsers()) {
			create("admin");
		}
	}

	/**
	 * Creates the administrator.
	 * @return the password when it was generated (and must be changed at first login)
	 */
	@Nullable String create(String username) {
		String password = this.adminPassword;
		boolean generated = false;
		if (password.isBlank()) {
			if (this.mode.demo()) {
				password = this.demoPassword;
			}
			else {
				byte[] bytes = new byte[12];
				new SecureRandom().nextBytes(bytes);
				password = HexFormat.of().formatHex(bytes);
				generated = true;
			}
		}
		this.users.createIfAbsent(new NewUser(username, "Administrator", password, Set.of(Role.ADMIN), List.of("en")));
		if (!generated) {
			return null;
		}
		this.users.requirePasswordChange(username);
		log.warn("Created user '{}' with password '{}' (shown only this once, to be changed at the first login; "
				+ "set DUES_ADMIN_PASSWORD to choose)", username, password);
		return password;
	}

}
