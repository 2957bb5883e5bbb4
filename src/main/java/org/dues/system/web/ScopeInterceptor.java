package org.dues.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.shared.NotFoundException;
import org.dues.system.RecordReach;
import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link Scopes} to every handler, page or API, before it runs: each
 * {@link Scoped} path variable must name a record within the caller's scope, and a record
 * named beside an account must belong to that account. Either failure is a 404, as for a
 * record that does not exist.
 */
@Configuration(proxyBeanMethods = false)
class ScopeInterceptor implements WebMvcConfigurer, HandlerInterceptor {

	private static final String ACCOUNT = "account";

	private final Scopes scopes;

	ScopeInterceptor(Scopes scopes) {
		this.scopes = scopes;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		List<Named> named = scoped(method, request);
		if (named.isEmpty()) {
			return true;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null) {
			throw new NotFoundException(named.get(0).kind(), named.get(0).key());
		}
		Map<String, String> variables = variables(request);
		RecordReach account = null;
		for (Named record : named) {
			if (record.kind().equals(ACCOUNT)) {
				account = this.scopes.require(caller, ACCOUNT, record.key(), variables);
			}
		}
		for (Named record : named) {
			if (record.kind().equals(ACCOUNT)) {
				continue;
			}
			RecordReach reach = this.scopes.require(caller, record.kind(), record.key(), variables);
			if (account != null && account.accounts().stream().noneMatch(reach.accounts()::contains)) {
				throw new NotFoundException(record.kind(), record.key());
			}
		}
		return true;
	}

	private static List<Named> scoped(HandlerMethod method, HttpServletRequest request) {
		Map<String, String> variables = variables(request);
		List<Named> named = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			Scoped scoped = parameter.getParameterAnnotation(Scoped.class);
			if (scoped == null) {
				continue;
			}
			String name = variableName(parameter);
			String key = variables.get(name);
			if (key == null) {
				continue;
			}
			if (capturesTheRest(request, name) && key.startsWith("/")) {
				// a {*name} variable holds the rest of the path with its leading slash:
				// the
				// record's key (and a 404's message) is without it
				key = key.substring(1);
			}
			if (parameter.getParameterType() == UUID.class) {
				// the record checked must be the one the handler gets: the id as the
				// binding
				// will read it (trimmed, short groups allowed), in its canonical form
				UUID bound = bound(key);
				if (bound == null) {
					// the binding answers 400 naming the field, and the handler never
					// runs
					continue;
				}
				key = bound.toString();
			}
			named.add(new Named(scoped.value(), key));
		}
		return named;
	}

	/**
	 * The UUID that Spring's binding makes of a path variable
	 * ({@code StringToUUIDConverter}: {@code UUID.fromString} of the trimmed text), or
	 * null when it makes none.
	 */
	static @Nullable UUID bound(String key) {
		String text = key.trim();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String variableName(MethodParameter parameter) {
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.value().isEmpty()) {
			return path.value();
		}
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		String name = parameter.getParameterName();
		if (name == null) {
			throw new IllegalStateException("compile with -parameters: " + parameter);
		}
		return name;
	}

	/** Whether the handler's pattern takes the variable as the rest of the path. */
	private static boolean capturesTheRest(HttpServletRequest request, String name) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern != null && pattern.toString().contains("{*" + name + "}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> variables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables == null) ? Map.of() : (Map<String, String>) variables;
	}

	private record Named(String kind, String key) {
	}

}
