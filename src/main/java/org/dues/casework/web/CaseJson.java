package org.dues.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.casework.CaseDeadline;
import org.dues.casework.CaseView;
import org.dues.casework.TimelineEntry;
import org.dues.shared.MoneyJson;
import org.dues.system.Phrases;
import org.jspecify.annotations.Nullable;

/**
 * A case as the API writes it.
 *
 * @param holdsCollection whether collection of the debt is stopped because of the case
 * @param rule why the case does or does not stop collection
 * @param dueOn the earliest deadline still open
 * @param deadlines each deadline (or a proceeding's stage) with the rule that set its
 * date
 */
record CaseJson(UUID id, String reference, String type, String status, UUID accountId, String accountRef,
		String category, @Nullable String channel, String description, @Nullable MoneyJson amount, LocalDate receivedOn,
		@Nullable String owner, boolean holdsCollection, @Nullable UUID holdId, @Nullable String rule,
		@Nullable LocalDate dueOn, List<DeadlineJson> deadlines, Map<String, String> facts, @Nullable String outcome,
		@Nullable String outcomeReason, Instant openedAt, String openedBy, @Nullable Instant closedAt,
		@Nullable List<EntryJson> timeline) {

	static CaseJson of(CaseView c, Phrases phrases, @Nullable List<TimelineEntry> timeline) {
		return new CaseJson(c.id(), c.reference(), c.type().name(), c.status().name(), c.accountId(), c.accountRef(),
				c.category(), c.channel(), c.description(), (c.amount() == null) ? null : MoneyJson.of(c.amount()),
				c.receivedOn(),
				(c.ownerUser() != null) ? c.ownerUser() : (c.ownerTeam() == null) ? null : c.ownerTeam().toString(),
				c.holdsCollection(), c.holdId(), (c.why() == null) ? null : phrases.say(c.why()), c.dueOn(),
				c.deadlines().stream().map((d) -> DeadlineJson.of(d, phrases)).toList(), c.facts(),
				(c.outcome() == null) ? null : c.outcome().name(), c.outcomeReason(), c.openedAt(), c.openedBy(),
				c.closedAt(), (timeline == null) ? null : timeline.stream().map(EntryJson::of).toList());
	}

	/** A deadline or a stage: what, by when, why, and whether it was met. */
	record DeadlineJson(String code, @Nullable LocalDate dueOn, String rule, @Nullable Instant doneAt) {

		static DeadlineJson of(CaseDeadline d, Phrases phrases) {
			return new DeadlineJson(d.code(), d.dueOn(), phrases.say(d.rule()), d.doneAt());
		}

	}

	/** A line of the timeline. */
	record EntryJson(Instant at, String by, String kind, @Nullable String status, @Nullable String text,
			@Nullable UUID letterId, @Nullable String fileName) {

		static EntryJson of(TimelineEntry e) {
			return new EntryJson(e.at(), e.by(), e.kind(), e.status(), e.text(), e.letterId(), e.fileName());
		}

	}

}
