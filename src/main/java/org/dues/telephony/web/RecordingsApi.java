package org.dues.telephony.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.portfolio.AccountId;
import org.dues.system.Scoped;
import org.dues.telephony.Recordings;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Recordings over the API: an account's, and compliance's access log. */
@RestController
@Tag(name = "Recordings")
class RecordingsApi {

	private final RecordingAccess access;

	private final Recordings recordings;

	RecordingsApi(RecordingAccess access, Recordings recordings) {
		this.access = access;
		this.recordings = recordings;
	}

	@GetMapping("/api/v1/accounts/{accountId}/recordings")
	@Operation(summary = "An account's call recordings, newest first",
			description = "Team leads, managers and compliance officers: every recording of the account; an agent: "
					+ "those of their own calls. Each with its call, attempt (interaction), seconds and `media`, the "
					+ "link that plays it (each play is logged); `media` is null once retention purged it")
	List<RecordingJson> list(@PathVariable @Scoped("account") UUID accountId, Authentication user) {
		return this.access.of(new AccountId(accountId), user).stream().map(RecordingJson::of).toList();
	}

	@GetMapping("/api/v1/recordings/access-log")
	@Operation(summary = "Who played which recording when, and the retention purges, newest first (compliance)")
	List<Recordings.Access> accessLog(Authentication user) {
		this.access.requireCompliance(user);
		return this.recordings.accessLog(500);
	}

	/** A recording as the API shows it. */
	record RecordingJson(UUID id, UUID callId, @Nullable UUID interactionId, String direction, @Nullable String agent,
			@Nullable Integer seconds, Instant recordedAt, @Nullable Instant purgedAt, @Nullable String media) {

		static RecordingJson of(Recordings.RecordingView r) {
			return new RecordingJson(r.id(), r.callId(), r.interactionId(), r.direction(), r.agent(), r.seconds(),
					r.recordedAt(), r.purgedAt(), r.url() == null ? null : "/recordings/" + r.id() + "/media");
		}

	}

}
