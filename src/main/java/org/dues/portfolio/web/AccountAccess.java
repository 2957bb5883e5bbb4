package org.dues.portfolio.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountVisibility;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Agents reach only the accounts they may work: every page and API path under an account
 * ({@code /accounts/{id}/…}, {@code /api/v1/accounts/{id}/…}), whichever module serves
 * it, is checked against {@link AccountVisibility}. Other roles see every account.
 */
@Configuration(proxyBeanMethods = false)
class AccountAccess implements WebMvcConfigurer {

	private final AccountVisibility visibility;

	AccountAccess(AccountVisibility visibility) {
		this.visibility = visibility;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				Authentication user = SecurityContextHolder.getContext().getAuthentication();
				@SuppressWarnings("unchecked")
				Map<String, String> variables = (Map<String, String>) request
					.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
				String id = (variables == null) ? null : variables.getOrDefault("accountId", variables.get("id"));
				if (user == null || id == null || seesAll(user)) {
					return true;
				}
				UUID account;
				try {
					account = UUID.fromString(id);
				}
				catch (IllegalArgumentException ex) {
					return true;
				}
				if (!AccountAccess.this.visibility.visibleTo(user.getName(), new AccountId(account))) {
					throw new AccessDeniedException("account " + account + " is not yours to work");
				}
				return true;
			}
		}).addPathPatterns("/accounts/*", "/accounts/*/**", "/api/v1/accounts/*", "/api/v1/accounts/*/**");
	}

	static boolean seesAll(Authentication user) {
		return AccountVisibility.seesAll(user.getAuthorities());
	}

}
