package org.dues.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as recorded.
 *
 * @param debts every debt it was about (the account first)
 * @param result how it ended; null while an attempt is in progress or when blocked
 * @param decisionId the gate's recorded decision, for outbound attempts
 * @param blockedReason why the gate refused it
 * @param noteSaid the note as pages say it in the reader's language, where the
 * application wrote it (a chat's transcript); null for a note a person wrote
 */
public record InteractionView(UUID id, AccountId accountId, CustomerId customerId, List<AccountId> debts,
		Channel channel, @Nullable String address, Direction direction, PersonRole role, Purpose purpose,
		InteractionStatus status, @Nullable ContactResult result, Instant startedAt, String agent,
		@Nullable String note, @Nullable UUID decisionId, @Nullable String blockedReason,
		@JsonIgnore @Nullable Phrase noteSaid) {
}
