package org.dues.messaging.provider;

import java.util.Map;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when every property named by {@link ConditionalOnSet} is set and not blank. */
class OnSetCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSet.class.getName());
		if (attributes == null) {
			return false;
		}
		for (String property : (String[]) attributes.get("value")) {
			String value = context.getEnvironment().getProperty(property);
			if (value == null || value.isBlank()) {
				return false;
			}
		}
		return true;
	}

}
