package org.dues.system;

import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

/**
 * Input hygiene in one place: the filter in front of everything, the checks on JSON
 * bodies, the answer to what the security firewall refuses, and the container's error
 * report replaced so that nothing answers with Tomcat's page.
 */
@Configuration(proxyBeanMethods = false)
class InputHygieneConfiguration {

	@Bean
	FilterRegistrationBean<InputHygieneFilter> inputHygieneFilter(
			@Value("${dues.max-json-body:1MB}") DataSize maxBody) {
		FilterRegistrationBean<InputHygieneFilter> registration = new FilterRegistrationBean<>(
				new InputHygieneFilter(maxBody.toBytes()));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	JsonMapperBuilderCustomizer jsonInputChecks() {
		return (builder) -> builder.addModule(JsonInputChecks.module());
	}

	/**
	 * A request the firewall refuses ({@code ;} in the path, say) goes to the error
	 * handling as a 400, which answers it as problem details or the error page.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(400);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

}
