package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dues.portfolio.CreditorId;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creditor's messaging: the days before a due date its reminders go (none: no
 * reminders), whether a broken promise sends a notice, the words besides the usual
 * English ones that mean stop (in Hindi, Malayalam…), and the DLT entity and header of
 * its Indian SMS.
 */
@Service
public class MessagingSettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	MessagingSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The creditor's settings, or the defaults. */
	public Settings of(CreditorId creditor) {
		return this.jdbc.sql("""
				SELECT reminder_days_before, broken_promise_notice, stop_words, dlt_entity_id, dlt_header
				FROM messaging_creditor_settings WHERE creditor_id = :c""")
			.param("c", creditor.value())
			.query((rs, n) -> new Settings((Integer) rs.getObject(1), rs.getBoolean(2),
					Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getString(4), rs.getString(5)))
			.optional()
			.orElse(new Settings(Reminders.DEFAULT_DAYS_BEFORE, true, List.of(), null, null));
	}

	/** Replaces the creditor's settings. */
	@Transactional
	public Settings set(CreditorId creditor, Settings settings, String actor) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (settings.reminderDaysBefore() != null
				&& (settings.reminderDaysBefore() < 0 || settings.reminderDaysBefore() > 30)) {
			errors.add(new InvalidInputException.FieldError("reminderDaysBefore", "from 0 to 30 days, or none",
					Phrase.of("validation.settings.days")));
		}
		if (settings.dltEntityId() != null && !settings.dltEntityId().matches("[0-9]{19}")) {
			errors.add(new InvalidInputException.FieldError("dltEntityId", "a DLT entity id is 19 digits",
					Phrase.of("validation.template.dltEntity")));
		}
		if (settings.dltHeader() != null && !settings.dltHeader().matches("[A-Z]{6}|[0-9]{5,6}")) {
			errors.add(new InvalidInputException.FieldError("dltHeader",
					"a DLT header is six capital letters, or 5-6 digits", Phrase.of("validation.template.dltHeader")));
		}
		List<String> words = settings.stopWords().stream().map(String::strip).filter((w) -> !w.isEmpty()).toList();
		if (words.size() > 50 || words.stream().anyMatch((w) -> w.length() > 40)) {
			errors.add(new InvalidInputException.FieldError("stopWords", "at most 50 words of 40 characters",
					Phrase.of("validation.settings.words")));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.jdbc.sql("""
				INSERT INTO messaging_creditor_settings (creditor_id, reminder_days_before, broken_promise_notice,
				    stop_words, dlt_entity_id, dlt_header, updated_at, updated_by)
				VALUES (:c, :days, :notice, :words, :entity, :header, :now, :actor)
				ON CONFLICT (creditor_id) DO UPDATE SET reminder_days_before = EXCLUDED.reminder_days_before,
				    broken_promise_notice = EXCLUDED.broken_promise_notice, stop_words = EXCLUDED.stop_words,
				    dlt_entity_id = EXCLUDED.dlt_entity_id, dlt_header = EXCLUDED.dlt_header,
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("c", creditor.value())
			.param("days", settings.reminderDaysBefore())
			.param("notice", settings.brokenPromiseNotice())
			.param("words", words.toArray(String[]::new))
			.param("entity", settings.dltEntityId())
			.param("header", settings.dltHeader())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.update();
		return of(creditor);
	}

	/**
	 * @param reminderDaysBefore null: no reminders
	 */
	public record Settings(@Nullable Integer reminderDaysBefore, boolean brokenPromiseNotice, List<String> stopWords,
			@Nullable String dltEntityId, @Nullable String dltHeader) {

		public Settings {
			stopWords = List.copyOf(stopWords);
		}

	}

}
