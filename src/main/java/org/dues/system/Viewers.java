package org.dues.system;

import java.time.ZoneId;
import java.util.Locale;

import com.ibm.icu.util.TimeZone;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who reads a page, as far as formatting goes: the time zone times are shown in (the
 * user's own where one was set, else the {@code dues.time-zone} setting, India's by
 * default) and the country whose conventions dates follow (the zone's: {@code en_IN}'s "6
 * Dec 2026" for a reader in India, {@code en_US}'s "Dec 6, 2026" in New York). Read once
 * per request.
 */
@Component
public class Viewers {

	private static final String ZONE = Viewers.class.getName() + ".zone";

	private final ObjectProvider<UserZones> users;

	private final ZoneId fallback;

	Viewers(ObjectProvider<UserZones> users, @Value("${dues.time-zone:Asia/Kolkata}") String fallback) {
		this.users = users;
		this.fallback = ZoneId.of(fallback);
	}

	/** The zone of whoever the current request is for; the setting outside a request. */
	public ZoneId zone() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return zoneOfCurrentUser();
		}
		if (request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
			return zone;
		}
		ZoneId zone = zoneOfCurrentUser();
		request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
		return zone;
	}

	/** The zone of the request's reader (for a locale resolver, which is given it). */
	public ZoneId zone(HttpServletRequest request) {
		if (request.getAttribute(ZONE) instanceof ZoneId zone) {
			return zone;
		}
		ZoneId zone = zoneOfCurrentUser();
		request.setAttribute(ZONE, zone);
		return zone;
	}

	/** The Dues default zone: the {@code dues.time-zone} setting. */
	public ZoneId defaultZone() {
		return this.fallback;
	}

	/**
	 * The locale to format in: the language chosen, with the country of the reader's zone
	 * where the language came without one ({@code en} read in India is {@code en_IN}).
	 */
	public static Locale localeFor(Locale language, ZoneId zone) {
		if (!language.getCountry().isEmpty()) {
			return language;
		}
		String region;
		try {
			region = TimeZone.getRegion(zone.getId());
		}
		catch (IllegalArgumentException ex) {
			return language;
		}
		return (region == null || region.length() != 2) ? language
				: new Locale.Builder().setLocale(language).setRegion(region).build();
	}

	private ZoneId zoneOfCurrentUser() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		@Nullable UserZones zones = this.users.getIfAvailable();
		if (user == null || !user.isAuthenticated() || zones == null) {
			return this.fallback;
		}
		return zones.zoneOf(user.getName()).orElse(this.fallback);
	}

}
