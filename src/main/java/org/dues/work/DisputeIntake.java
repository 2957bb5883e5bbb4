package org.dues.work;

import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * Where a dispute the agent records on a call goes: the casework module opens it as a
 * dispute case, whose rules decide whether collection of the debt stops. Without one (no
 * casework), the desk places a dispute hold itself.
 */
public interface DisputeIntake {

	/**
	 * Opens a dispute of the debt that the customer raised on the call.
	 * @param note what the customer said
	 * @return the hold that stops collection, if the rules place one
	 */
	@Nullable UUID disputedOnCall(AccountId account, @Nullable String note, String agent);

}
