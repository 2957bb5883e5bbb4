package org.dues.casework;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A field agent's area and papers.
 *
 * @param postalCodes the PIN or ZIP codes they cover; one ending in {@code *} covers
 * every code it begins
 * @param authorisationNumber the letter of authorisation the creditor or agency gave them
 * @param authorisationExpiresOn the last day the letter is current
 * @param idCardNumber the identity card they carry on visits
 * @param idCardExpiresOn the last day the card is current
 */
public record FieldAgentView(String username, String displayName, List<String> postalCodes,
		@Nullable String authorisationNumber, @Nullable LocalDate authorisationExpiresOn, @Nullable String idCardNumber,
		@Nullable LocalDate idCardExpiresOn) {

	public FieldAgentView {
		postalCodes = List.copyOf(postalCodes);
	}

	/** Whether the authorisation letter is current on the day. */
	public boolean authorisedOn(LocalDate day) {
		return this.authorisationNumber != null && this.authorisationExpiresOn != null
				&& !this.authorisationExpiresOn.isBefore(day);
	}

	/** Whether the identity card is current on the day. */
	public boolean identifiedOn(LocalDate day) {
		return this.idCardNumber != null && this.idCardExpiresOn != null && !this.idCardExpiresOn.isBefore(day);
	}

	/** Whether the agent's area holds the postal code. */
	public boolean covers(@Nullable String postalCode) {
		return postalCode != null && this.postalCodes.stream().anyMatch((code) -> FieldAreas.matches(code, postalCode));
	}

}
