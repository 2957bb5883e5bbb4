package org.dues.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;

/**
 * The accounts a reader chooses for something done to many at once (a bulk message): the
 * pooled accounts of a team's queue, or those the accounts browser's filters match,
 * always within the reader's scope. The work module knows queues and the browser and
 * implements it; a module above it (messaging) asks through it, so it names no type of
 * work's.
 */
public interface AccountSelections {

	/** The queues whose accounts the reader may choose, by team and name. */
	List<Choice> queues(Authentication reader);

	/**
	 * The pooled accounts the queue holds now within the reader's scope, most days past
	 * due first, at most {@code limit}.
	 * @throws org.dues.shared.NotFoundException when the queue does not exist or lies
	 * outside the reader's scope
	 */
	List<UUID> ofQueue(UUID queue, Authentication reader, int limit);

	/**
	 * The accounts within the reader's scope that the browser's filters match, as its
	 * address carries them ({@code creditors}, {@code buckets}, {@code dpdMin},
	 * {@code dpdMax}, {@code balanceMin}, {@code balanceMax}, {@code languages},
	 * {@code regions}, {@code statuses}, {@code arrangements}, {@code owner},
	 * {@code team}, {@code queue}; others are ignored), most days past due first, at most
	 * {@code limit}.
	 * @throws org.dues.shared.InvalidInputException naming a filter that cannot be read
	 * or matches nothing
	 * @throws org.dues.shared.NotFoundException for a team, queue or agent outside the
	 * reader's scope
	 */
	List<UUID> matching(Map<String, List<String>> filters, Authentication reader, int limit);

	/** How many accounts {@link #matching} would choose, without a limit. */
	long count(Map<String, List<String>> filters, Authentication reader);

	/** A queue to choose: its id and how a page names it. */
	record Choice(UUID id, String name) {
	}

}
