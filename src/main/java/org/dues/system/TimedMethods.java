package org.dues.system;

import java.lang.reflect.Method;

import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Times the methods of Spring beans annotated with Micrometer's {@link Timed}, as
 * Micrometer's {@code TimedAspect} would, without AspectJ: through the same proxies as
 * {@code @Transactional}, outside the transaction, so a method's time includes its
 * commit. The timer is tagged {@code exception} with the simple name of what the method
 * threw, {@code none} when it returned. Honours the annotation's name, description, extra
 * tags, histogram and percentiles; long-task timers are not supported.
 */
@Configuration(proxyBeanMethods = false)
class TimedMethods {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor timedMethodsAdvisor(ObjectProvider<MeterRegistry> registry) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(Timed.class), new Interceptor(registry));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** Records each call's time on the timer its annotation names. */
	static final class Interceptor implements MethodInterceptor {

		private final ObjectProvider<MeterRegistry> registry;

		Interceptor(ObjectProvider<MeterRegistry> registry) {
			this.registry = registry;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			Timed timed = AnnotatedElementUtils.findMergedAnnotation(method, Timed.class);
			MeterRegistry meters = this.registry.getIfAvailable();
			if (timed == null || meters == null) {
				return invocation.proceed();
			}
			Timer.Sample sample = Timer.start(meters);
			String exception = "none";
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				exception = ex.getClass().getSimpleName();
				throw ex;
			}
			finally {
				sample.stop(Timer.builder(timed.value().isEmpty() ? "method.timed" : timed.value())
					.description(timed.description().isEmpty() ? null : timed.description())
					.tags(timed.extraTags())
					.tag("exception", exception)
					.publishPercentileHistogram(timed.histogram())
					.publishPercentiles(timed.percentiles().length == 0 ? null : timed.percentiles())
					.register(meters));
			}
		}

	}

}
