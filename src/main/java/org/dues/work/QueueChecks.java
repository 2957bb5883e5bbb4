package org.dues.work;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dues.portfolio.BucketSchemes;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Checks a queue's filters against what exists, so that a filter that can match nothing
 * (a made-up bucket, a creditor that is not there, a language that is none) is refused
 * naming its field instead of silently emptying the queue: a bucket must be one of the
 * buckets of the schemes of the creditors filtered on (of every creditor when none is).
 */
@Component
class QueueChecks {

	private static final Set<String> LANGUAGES = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));

	private final Creditors creditors;

	private final BucketSchemes schemes;

	QueueChecks(Creditors creditors, BucketSchemes schemes) {
		this.creditors = creditors;
		this.schemes = schemes;
	}

	/**
	 * @throws InvalidInputException naming each field with a value that matches nothing
	 */
	void check(QueueFilters filters) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		List<CreditorView> named = new ArrayList<>();
		for (String code : filters.creditors()) {
			Optional<CreditorView> creditor = this.creditors.findByCode(code);
			creditor.ifPresentOrElse(named::add, () -> errors.add(new InvalidInputException.FieldError("creditors",
					"'%s' is not a creditor's code".formatted(code))));
		}
		if (!filters.buckets().isEmpty()) {
			List<CreditorView> whose = named.isEmpty() ? this.creditors.list() : named;
			Map<String, String> schemeOf = new LinkedHashMap<>();
			whose.forEach((c) -> schemeOf.merge(c.bucketScheme(), c.code(), (a, b) -> a + ", " + b));
			Map<String, List<String>> buckets = this.schemes.buckets(schemeOf.keySet());
			Set<String> known = new LinkedHashSet<>();
			buckets.values().forEach(known::addAll);
			for (String bucket : filters.buckets()) {
				if (!known.contains(bucket)) {
					errors.add(new InvalidInputException.FieldError("buckets",
							"'%s' is not a bucket%s; the buckets are %s".formatted(bucket,
									named.isEmpty() ? "" : " of " + String.join(", ", schemeOf.values()),
									known.isEmpty() ? "none (no creditor yet)" : String.join(", ", known))));
				}
			}
		}
		for (String language : filters.languages()) {
			if (!LANGUAGES.contains(language)) {
				errors.add(new InvalidInputException.FieldError("languages",
						"'%s' is not an ISO 639-1 language code such as ml, hi or en".formatted(language)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
