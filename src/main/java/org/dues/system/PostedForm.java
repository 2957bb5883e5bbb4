package org.dues.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a form a provider POSTed, without those of the query string: the
 * servlet container merges both into the request's parameters (the query's first), but a
 * signature covers the URL, query included, and the posted fields apart.
 */
public final class PostedForm {

	private PostedForm() {
	}

	/** The fields posted, by name, without the query string's. */
	public static Map<String, List<String>> of(HttpServletRequest request) {
		Map<String, Integer> inQuery = new HashMap<>();
		String query = request.getQueryString();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				inQuery.merge(name, 1, Integer::sum);
			}
		}
		Map<String, List<String>> posted = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			int skip = inQuery.getOrDefault(name, 0);
			if (values.length > skip) {
				posted.put(name, new ArrayList<>(List.of(values).subList(skip, values.length)));
			}
		});
		return posted;
	}

	/** The first value of the field, or null. */
	public static @Nullable String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The first value of the field, or null when it is missing or blank. */
	public static @Nullable String firstGiven(Map<String, List<String>> form, String name) {
		String first = first(form, name);
		return (first == null || first.isBlank()) ? null : first;
	}

}
