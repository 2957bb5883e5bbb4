package org.dues.casework;

import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.work.DisputeIntake;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** A dispute recorded on a call becomes a dispute case, received by phone today. */
@Component
class DeskDisputes implements DisputeIntake {

	private final Disputes disputes;

	DeskDisputes(Disputes disputes) {
		this.disputes = disputes;
	}

	@Override
	public @Nullable UUID disputedOnCall(AccountId account, @Nullable String note, String agent) {
		String said = (note == null || note.isBlank()) ? "Disputed on a call" : note;
		return this.disputes
			.open(account, new Disputes.NewDispute(DisputeCategory.OTHER, said, null, null, CaseChannel.PHONE), agent)
			.holdId();
	}

}
