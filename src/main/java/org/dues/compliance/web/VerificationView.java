package org.dues.compliance.web;

import java.time.Instant;

import org.dues.compliance.AuditTrail;
import org.dues.compliance.AuditVerifications;
import org.jspecify.annotations.Nullable;

/**
 * A verification of the audit trail as the page says it: running, or what it found
 * (intact up to record N and anchored at T, or broken at record N), with the finding as
 * the walk wrote it. The page words it, and shows its times in the reader's zone.
 *
 * @param state {@code running}, {@code intact} (anchored), {@code unanchored} (intact, no
 * record anchored yet), {@code broken} (at a record), {@code unverified} (no record
 * named: the anchor or the key disagrees) or {@code failed} (the walk did not finish)
 * @param checked how many records chained correctly
 * @param broken the first broken record, if one is named
 * @param anchoredSeq the record the anchor saw, if any
 * @param anchoredAt when that anchor was written
 * @param finding the walk's own words (the first broken link, the missing tail, why it
 * failed), if any
 */
record VerificationView(String state, String startedBy, Instant startedAt, @Nullable Instant finishedAt, long checked,
		@Nullable Long broken, @Nullable Long anchoredSeq, @Nullable Instant anchoredAt, @Nullable String finding) {

	static VerificationView of(AuditVerifications.Run run) {
		AuditTrail.Verification result = run.result();
		if (run.running()) {
			return new VerificationView("running", run.startedBy(), run.startedAt(), null, 0, null, null, null, null);
		}
		if (result == null) {
			return new VerificationView("failed", run.startedBy(), run.startedAt(), run.finishedAt(), 0, null, null,
					null, run.failure());
		}
		boolean anchored = result.anchoredSeq() != null && result.anchoredSeq() > 0;
		String state = result.intact() ? (anchored ? "intact" : "unanchored")
				: (result.firstBroken() != null) ? "broken" : "unverified";
		return new VerificationView(state, run.startedBy(), run.startedAt(), run.finishedAt(), result.checked(),
				result.firstBroken(), result.anchoredSeq(), result.anchoredAt(),
				result.intact() ? null : result.message());
	}

	public boolean running() {
		return this.state.equals("running");
	}

	public boolean intact() {
		return this.state.equals("intact") || this.state.equals("unanchored");
	}

}
