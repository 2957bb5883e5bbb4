package org.dues.system.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.system.Viewers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The UI's language: chosen with {@code ?lang=hi} or {@code ?lang=ml} (the header's
 * switch), remembered in a cookie, English by default; the header's Accept-Language is
 * not read (a shared desk machine's browser says nothing of its reader). The locale the
 * pages format in is that language with the country of the reader's time zone
 * ({@link Viewers}): English read in India formats dates as {@code en_IN} does, "6 Dec
 * 2026".
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(Viewers viewers) {
		CookieLocaleResolver chosen = new CookieLocaleResolver("dues-lang");
		chosen.setDefaultLocale(Locale.ENGLISH);
		chosen.setCookieMaxAge(Duration.ofDays(365));
		return new ReadersLocale(chosen, viewers);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		// ?lang=%00 or any other nonsense keeps the language as it was
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** The language chosen, in the country of the reader's zone. */
	record ReadersLocale(CookieLocaleResolver chosen, Viewers viewers) implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale language = this.chosen.resolveLocale(request);
			return Viewers.localeFor(new Locale.Builder().setLanguage(language.getLanguage()).build(),
					this.viewers.zone(request));
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			// only the language is remembered: the country follows the reader's zone
			this.chosen.setLocale(request, response,
					(locale == null) ? null : new Locale.Builder().setLanguage(locale.getLanguage()).build());
		}

	}

}
