package org.dues.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which accounts a bulk send goes to: accounts named by id, the pooled accounts of a
 * team's queue, the accounts browser's selection (its filters), or an uploaded list of
 * account ids or references. Whichever it is, only accounts within the starter's scope
 * are ever chosen.
 */
public sealed interface BulkSelector {

	/** The kind, as a bulk send records it. */
	String kind();

	/** What was chosen, as the bulk send records it (no personal data). */
	Map<String, Object> describe();

	/** Accounts named by id; each must be within the starter's scope. */
	record Accounts(List<UUID> ids) implements BulkSelector {

		public Accounts {
			ids = List.copyOf(ids);
		}

		@Override
		public String kind() {
			return "ACCOUNTS";
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of("accounts", this.ids.size());
		}

	}

	/** The pooled accounts a team's queue holds now. */
	record Queue(UUID queueId) implements BulkSelector {

		@Override
		public String kind() {
			return "QUEUE";
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of("queue", this.queueId.toString());
		}

	}

	/**
	 * Every account the accounts browser's filters match, as the browser's address
	 * carries them ({@code creditors}, {@code dpdMin}, {@code owner}…: see
	 * {@link org.dues.system.AccountSelections#matching}).
	 */
	record Selection(Map<String, List<String>> filters) implements BulkSelector {

		public Selection {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			filters.forEach((name, values) -> {
				List<String> given = (values == null) ? List.of()
						: values.stream().filter((v) -> v != null && !v.isBlank()).map(String::strip).toList();
				if (!given.isEmpty()) {
					copy.put(name, given);
				}
			});
			filters = java.util.Collections.unmodifiableMap(copy);
		}

		@Override
		public String kind() {
			return "SELECTION";
		}

		@Override
		public Map<String, Object> describe() {
			// a filter of one value (dpdMin, owner, team…) as that value; lists as lists
			Map<String, Object> described = new LinkedHashMap<>();
			this.filters.forEach((name, values) -> described.put(name,
					(values.size() == 1 && !LISTS.contains(name)) ? values.get(0) : values));
			return described;
		}

		/** The filters that take several values. */
		private static final java.util.Set<String> LISTS = java.util.Set.of("creditors", "buckets", "languages",
				"regions", "statuses", "arrangements");

	}

	/**
	 * An uploaded CSV list: a header line naming {@code account_id} or
	 * {@code account_ref} (and, optionally, {@code creditor}), one account a line.
	 *
	 * @param creditor the creditor's code the references are of, when the file has no
	 * {@code creditor} column
	 */
	record Upload(String filename, byte[] content, @Nullable String creditor) implements BulkSelector {

		@Override
		public String kind() {
			return "UPLOAD";
		}

		@Override
		public Map<String, Object> describe() {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("file", this.filename);
			described.put("bytes", this.content.length);
			if (this.creditor != null) {
				described.put("creditor", this.creditor);
			}
			return described;
		}

	}

}
