package org.dues.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

import org.dues.shared.CalendarBounds;
import org.dues.shared.ControlCharacters;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every JSON request body is held to, whatever record it binds to: no control
 * character in a string (tab, CR and LF allowed: notes and descriptions have lines), and
 * dates and instants within {@link CalendarBounds}. A refusal names the JSON path of the
 * value.
 */
final class JsonInputChecks {

	private JsonInputChecks() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("dues-input-checks");
		module.addDeserializer(String.class, new CheckedString());
		module.addDeserializer(LocalDate.class,
				new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE, CalendarBounds::contains));
		module.addDeserializer(Instant.class,
				new Bounded<>(Instant.class, InstantDeserializer.INSTANT, CalendarBounds::contains));
		module.addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class,
				InstantDeserializer.OFFSET_DATE_TIME, (value) -> CalendarBounds.contains(value.toInstant())));
		module.addDeserializer(LocalDateTime.class, new Bounded<>(LocalDateTime.class,
				LocalDateTimeDeserializer.INSTANCE, (value) -> CalendarBounds.contains(value.toLocalDate())));
		return module;
	}

	/** A value refused for a reason of its own, with the path Jackson gives it. */
	static final class RefusedValue extends InvalidFormatException {

		private final String reason;

		RefusedValue(JsonParser parser, String reason, Object value, Class<?> type) {
			super(parser, reason, value, type);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

	static final class CheckedString extends StdScalarDeserializer<String> {

		CheckedString() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null) {
				int at = ControlCharacters.firstIn(value, true);
				if (at >= 0) {
					throw new RefusedValue(parser, ControlCharacters.describe(value, at), value, String.class);
				}
			}
			return value;
		}

	}

	/**
	 * A date or instant read by Jackson's own deserializer, then refused with the JSON
	 * path when it lies outside {@link CalendarBounds}.
	 */
	static final class Bounded<T> extends StdScalarDeserializer<T> {

		private final ValueDeserializer<? extends T> reader;

		private final Predicate<T> within;

		Bounded(Class<T> type, ValueDeserializer<? extends T> reader, Predicate<T> within) {
			super(type);
			this.reader = reader;
			this.within = within;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			T value = this.reader.deserialize(parser, context);
			if (value != null && !this.within.test(value)) {
				throw new RefusedValue(parser, CalendarBounds.outside(), value, handledType());
			}
			return value;
		}

	}

}
