package org.dues.telephony;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address providers call back ({@code DUES_PUBLIC_URL}, by default
 * {@code http://localhost:} and the HTTP port), and the URL a provider called, against
 * which a signature is checked: behind a proxy that is this address and the request's
 * path, not what the application server sees.
 */
@Component
public class CallbackAddress {

	private final String base;

	private final boolean configured;

	public CallbackAddress(@Value("${dues.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
		this.configured = !publicUrl.isBlank();
		String base = this.configured ? publicUrl.strip() : "http://localhost:" + port;
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * @return the public address of a path of Dues
	 */
	public String of(String path) {
		return this.base + (path.startsWith("/") ? path : "/" + path);
	}

	/**
	 * @return the URL the provider called, query included
	 */
	public String called(HttpServletRequest request) {
		String query = request.getQueryString();
		String url = this.configured ? this.base + request.getRequestURI().substring(request.getContextPath().length())
				: request.getRequestURL().toString();
		return query == null ? url : url + "?" + query;
	}

}
