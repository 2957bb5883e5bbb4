package org.dues.compliance.web;

import java.util.Objects;

import org.dues.compliance.AuditTrail;
import org.dues.compliance.AuditVerifications;
import org.dues.system.web.Formats;
import org.jspecify.annotations.Nullable;

/**
 * A verification of the audit trail as the page says it: running, or what it found in
 * words (intact up to record N and anchored at T, or broken at record N), with the
 * finding as the walk wrote it.
 *
 * @param running whether it is still walking the trail
 * @param key the message that says the state, with its arguments
 * @param finding the walk's own words (the first broken link, the missing tail), if any
 * @param intact whether the chain was found intact
 * @param broken the first broken record, if one is named
 * @param finished when it finished and who started it, as shown, or null while running
 */
record VerificationView(boolean running, String key, Object[] args, @Nullable String finding, boolean intact,
		@Nullable Long broken, @Nullable String finished, String startedBy) {

	static VerificationView of(AuditVerifications.Run run, String zone, Formats formats) {
		String started = formats.instantWithZone(run.startedAt(), zone);
		if (run.running()) {
			return new VerificationView(true, "audit.page.verify.running", new Object[] { run.startedBy(), started },
					null, false, null, null, run.startedBy());
		}
		String finished = formats.instantWithZone(run.finishedAt(), zone);
		AuditTrail.Verification result = run.result();
		if (result == null) {
			return new VerificationView(false, "audit.page.verify.failed", new Object[0],
					Objects.requireNonNullElse(run.failure(), ""), false, null, finished, run.startedBy());
		}
		if (result.intact()) {
			return (result.anchoredSeq() != null)
					? new VerificationView(false, "audit.page.verify.intact",
							new Object[] { result.checked(), result.anchoredSeq(),
									formats.instantWithZone(result.anchoredAt(), zone) },
							null, true, null, finished, run.startedBy())
					: new VerificationView(false, "audit.page.verify.intactUnanchored",
							new Object[] { result.checked() }, null, true, null, finished, run.startedBy());
		}
		return (result.firstBroken() != null)
				? new VerificationView(false, "audit.page.verify.broken",
						new Object[] { result.firstBroken(), result.checked() }, result.message(), false,
						result.firstBroken(), finished, run.startedBy())
				: new VerificationView(false, "audit.page.verify.unverified", new Object[] { result.checked() },
						result.message(), false, null, finished, run.startedBy());
	}

}
