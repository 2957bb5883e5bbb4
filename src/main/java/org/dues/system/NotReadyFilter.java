package org.dues.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While Dues is not ready for requests (readiness {@code REFUSING_TRAFFIC}: the port is
 * open but the start, the demo users among it, has not finished, or Dues is stopping),
 * every request but the actuator's answers 503 with {@code Retry-After} and says why, so
 * that a login in that window is not refused as if the password were wrong. A page is
 * told it reloads itself; the API gets problem details.
 */
class NotReadyFilter extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 3;

	private final ApplicationAvailability availability;

	private final MessageSource messages;

	private final boolean demo;

	private volatile boolean wasReady;

	NotReadyFilter(ApplicationAvailability availability, MessageSource messages, boolean demo) {
		this.availability = availability;
		this.messages = messages;
		this.demo = demo;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			this.wasReady = true;
			chain.doFilter(request, response);
			return;
		}
		if (isProbe(request)) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = request.getLocale();
		boolean stopping = this.wasReady;
		String title = message(stopping ? "stopping.title" : "starting.title", locale);
		String detail = message(stopping ? "stopping" : (this.demo ? "starting.demo" : "starting.plain"), locale);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		if (Problems.isApi(request)) {
			Problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, detail, List.of());
			return;
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setContentType("text/html");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(page(locale, title, detail, message("starting.reload", locale)));
	}

	/** The actuator answers for itself: its readiness probe says OUT_OF_SERVICE. */
	private static boolean isProbe(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/actuator") || path.startsWith("/actuator/");
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String page(Locale locale, String title, String detail, String reload) {
		return """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta http-equiv="refresh" content="%d"><title>%s</title></head>
				<body style="font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 36rem; padding: 0 1rem">
				<h1>%s</h1><p role="status">%s</p><p>%s</p></body></html>
				""".formatted(HtmlUtils.htmlEscape(locale.toLanguageTag()), RETRY_AFTER_SECONDS,
				HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(detail),
				HtmlUtils.htmlEscape(reload));
	}

}
