package org.dues.telephony.web;

import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.dues.telephony.Recordings;
import org.dues.telephony.Recordings.RecordingView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An account's recordings, each with an audio element (its media through Dues, so every
 * play is logged), and compliance's access log.
 */
@PageController
class RecordingPages {

	private final RecordingAccess access;

	private final Recordings recordings;

	private final Accounts accounts;

	RecordingPages(RecordingAccess access, Recordings recordings, Accounts accounts) {
		this.access = access;
		this.recordings = recordings;
		this.accounts = accounts;
	}

	@GetMapping("/accounts/{accountId}/recordings")
	String list(@PathVariable @Scoped("account") UUID accountId, Model model, Authentication user) {
		AccountView account = this.accounts.get(new AccountId(accountId));
		model.addAttribute("account", account);
		model.addAttribute("recordings", this.access.of(account.id(), user));
		model.addAttribute("retentionDays", this.recordings.retention().toDays());
		return "telephony/recordings";
	}

	/**
	 * The recording's media, the play logged: the simulated carrier's a generated tone, a
	 * real provider's a redirect to where it keeps it.
	 */
	@GetMapping("/recordings/{recordingId}/media")
	ResponseEntity<byte[]> media(@PathVariable @Scoped("recording") UUID recordingId, Authentication user) {
		RecordingView recording = this.access.play(recordingId, user);
		if ("simulated".equals(recording.provider())) {
			int seconds = recording.seconds() == null ? 2 : recording.seconds();
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("audio/wav"))
				.cacheControl(CacheControl.noStore())
				.body(SimulatedAudio.wav(Math.min(seconds, 2)));
		}
		return ResponseEntity.status(303)
			.header(HttpHeaders.LOCATION, String.valueOf(recording.url()))
			.cacheControl(CacheControl.noStore())
			.build();
	}

	@GetMapping("/compliance/recordings")
	String accessLog(Model model, Authentication user) {
		this.access.requireCompliance(user);
		model.addAttribute("entries", this.recordings.accessLog(500));
		model.addAttribute("retentionDays", this.recordings.retention().toDays());
		return "telephony/recording-access";
	}

}
