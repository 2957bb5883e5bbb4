package org.dues.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dues.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The one object-level authorization check. Every record named in a request, by id or by
 * reference, in the path ({@link Scoped}) or in a body, is looked up by its owner's
 * {@link RecordLocator} and checked against the caller's {@link RecordScope}. Outside the
 * scope a record does not exist: the answer is the same {@link NotFoundException} as for
 * an id that was never issued.
 */
@Service
public class Scopes {

	private final Map<String, RecordLocator> locators = new HashMap<>();

	private final RecordScope scope;

	Scopes(List<RecordLocator> locators, RecordScope scope) {
		for (RecordLocator locator : locators) {
			if (this.locators.put(locator.kind(), locator) != null) {
				throw new IllegalStateException("two locators of records of kind " + locator.kind());
			}
		}
		this.scope = scope;
	}

	/**
	 * The record, if it exists and the caller reaches it.
	 * @param context other path variables that qualify the key (a creditor's code)
	 * @throws NotFoundException when it does not exist or lies outside the caller's scope
	 */
	public RecordReach require(Authentication caller, String kind, String key, Map<String, String> context) {
		RecordReach reach = find(kind, key, context).orElseThrow(() -> new NotFoundException(kind, key));
		if (!this.scope.reaches(caller, reach)) {
			throw new NotFoundException(kind, key);
		}
		return reach;
	}

	/**
	 * {@link #require(Authentication, String, String, Map)} for a key that stands alone.
	 */
	public RecordReach require(Authentication caller, String kind, Object key) {
		return require(caller, kind, String.valueOf(key), Map.of());
	}

	/** Where the record lies, whoever asks; empty when there is no such record. */
	public Optional<RecordReach> find(String kind, String key, Map<String, String> context) {
		RecordLocator locator = this.locators.get(kind);
		if (locator == null) {
			throw new IllegalStateException("no locator of records of kind " + kind);
		}
		return locator.locate(key, context);
	}

	/** Whether the caller reaches every record. */
	public boolean seesAll(Authentication caller) {
		return this.scope.seesAll(caller);
	}

	/** Whether the caller reaches a record that lies where {@code reach} says. */
	public boolean reaches(Authentication caller, RecordReach reach) {
		return this.scope.reaches(caller, reach);
	}

	/**
	 * An SQL condition true of the accounts the caller reaches, over a column holding an
	 * account's id; see {@link RecordScope#accountCondition}.
	 */
	public String accountCondition(Authentication caller, String accountColumn, Map<String, Object> params) {
		return this.scope.accountCondition(caller, accountColumn, params);
	}

	/** Whether a locator for this kind is registered. */
	public boolean knows(String kind) {
		return this.locators.containsKey(kind);
	}

}
