package org.dues.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.messaging.MessagingSettings;
import org.dues.portfolio.Creditors;
import org.dues.system.Unscoped;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A creditor's messaging settings: reminders, notices, stop words, DLT registration. */
@RestController
@Tag(name = "Messaging")
class SettingsApi {

	private final MessagingSettings settings;

	private final Creditors creditors;

	SettingsApi(MessagingSettings settings, Creditors creditors) {
		this.settings = settings;
		this.creditors = creditors;
	}

	@GetMapping("/api/v1/creditors/{code}/messaging")
	@Operation(summary = "A creditor's messaging settings (the defaults where none are set)")
	MessagingSettings.Settings get(
			@PathVariable @Unscoped("a creditor's settings, the same for every reader") String code) {
		return this.settings.of(this.creditors.getByCode(code).id());
	}

	@PutMapping("/api/v1/creditors/{code}/messaging")
	@Operation(summary = "Replace a creditor's messaging settings",
			description = "`reminderDaysBefore` (0-30, or null for no reminders), `brokenPromiseNotice`, "
					+ "`stopWords` (besides STOP, STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT), `dltEntityId` and "
					+ "`dltHeader` of its Indian SMS")
	MessagingSettings.Settings put(
			@PathVariable @Unscoped("a creditor's settings, the same for every reader") String code,
			@RequestBody @Valid MessagingSettings.Settings body, Authentication user) {
		return this.settings.set(this.creditors.getByCode(code).id(), body, user.getName());
	}

}
