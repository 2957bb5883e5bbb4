package org.dues.messaging.provider;

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
final class PostedForm {

	private PostedForm() {
	}

	static Map<String, List<String>> of(HttpServletRequest request) {
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
	static @Nullable String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
