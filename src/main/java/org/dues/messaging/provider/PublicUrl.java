package org.dues.messaging.provider;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address at which customers and providers reach Dues ({@code DUES_PUBLIC_URL}, by
 * default {@code http://localhost:} and the HTTP port): provider callbacks and
 * unsubscribe links are built on it, and a webhook's signature is checked against the URL
 * the provider called, which behind a proxy is this address and the request's path, not
 * the one the application server sees.
 */
@Component
public class PublicUrl {

	private final String base;

	private final boolean configured;

	PublicUrl(@Value("${dues.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
		this.configured = !publicUrl.isBlank();
		String base = this.configured ? publicUrl.strip() : "http://localhost:" + port;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The public address of a path of Dues ({@code /webhooks/twilio/status}). */
	public String of(String path) {
		return this.base + (path.startsWith("/") ? path : "/" + path);
	}

	/**
	 * The URL a provider called to make this request, query included: the public address
	 * and the request's path when {@code DUES_PUBLIC_URL} is set, else the request's own
	 * URL (whose scheme and host Tomcat takes from a trusted proxy's forwarded headers).
	 */
	public String called(HttpServletRequest request) {
		String query = request.getQueryString();
		String url = this.configured ? this.base + request.getRequestURI().substring(request.getContextPath().length())
				: request.getRequestURL().toString();
		return query == null ? url : url + "?" + query;
	}

}
