package org.dues.shared.validation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/** Reads a record's component by name, for class-level constraints. */
final class RecordComponents {

	private RecordComponents() {
	}

	static @Nullable Object read(Record value, String name) {
		RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
			.filter((c) -> c.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(value.getClass().getSimpleName() + " has no " + name));
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(value);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read " + name, ex);
		}
	}

	/** Whether a value is there: not null, not blank text, not an empty collection. */
	static boolean given(@Nullable Object value) {
		return value != null && !(value instanceof CharSequence text && text.toString().isBlank())
				&& !(value instanceof Collection<?> items && items.isEmpty());
	}

}
