package org.dues.telephony.provider;

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
 * The fields a provider POSTed as a form, without those of the query string (the servlet
 * container merges both, but a signature covers the URL and the posted fields apart).
 */
final class Forms {

	private Forms() {
	}

	static Map<String, List<String>> posted(HttpServletRequest request) {
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

	static @Nullable String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return (values == null || values.isEmpty() || values.get(0).isBlank()) ? null : values.get(0);
	}

}
