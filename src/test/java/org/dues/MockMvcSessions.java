package org.dues;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.WebUtils;

/**
 * Sessions live in PostgreSQL (Spring Session) and a browser finds its own by the
 * {@code SESSION} cookie, which MockMvc does not carry from one request to the next. In
 * tests, the {@code MockHttpSession} given to a request carries the session's id as well,
 * so {@code .session(session)} keeps working as a browser would, against the real session
 * store; real requests (browser tests) go by the cookie alone.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	static final String ID = MockMvcSessions.class.getName() + ".id";

	@Bean
	static BeanPostProcessor mockMvcSessionIds(ObjectProvider<CookieSerializer> cookies) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof SessionRepositoryFilter<?> filter) {
					CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
					byCookie.setCookieSerializer(cookies.getObject());
					filter.setHttpSessionIdResolver(resolver(byCookie));
				}
				return bean;
			}

		};
	}

	private static HttpSessionIdResolver resolver(CookieHttpSessionIdResolver byCookie) {
		return new HttpSessionIdResolver() {

			@Override
			public List<String> resolveSessionIds(HttpServletRequest request) {
				List<String> ids = new ArrayList<>(byCookie.resolveSessionIds(request));
				HttpSession carrier = carrier(request);
				if (carrier != null && carrier.getAttribute(ID) instanceof String id) {
					ids.add(id);
				}
				return ids;
			}

			@Override
			public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
				byCookie.setSessionId(request, response, sessionId);
				HttpSession carrier = carrier(request);
				if (carrier != null) {
					carrier.setAttribute(ID, sessionId);
				}
			}

			@Override
			public void expireSession(HttpServletRequest request, HttpServletResponse response) {
				byCookie.expireSession(request, response);
				HttpSession carrier = carrier(request);
				if (carrier != null) {
					carrier.removeAttribute(ID);
				}
			}

		};
	}

	private static HttpSession carrier(HttpServletRequest request) {
		MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
		return (mock != null) ? mock.getSession(false) : null;
	}

}
