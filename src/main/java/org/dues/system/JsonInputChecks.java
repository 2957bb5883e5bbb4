package org.dues.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.dues.shared.CalendarBounds;
import org.dues.shared.ControlCharacters;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
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
		module.addDeserializer(LocalDate.class, new BoundedLocalDate());
		module.addDeserializer(Instant.class, new BoundedInstant());
		module.addDeserializer(OffsetDateTime.class, new BoundedOffsetDateTime());
		module.addDeserializer(java.time.LocalDateTime.class, new BoundedLocalDateTime());
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

	static final class BoundedLocalDate extends StdScalarDeserializer<LocalDate> {

		BoundedLocalDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
			if (value != null && !CalendarBounds.contains(value)) {
				throw new RefusedValue(parser, CalendarBounds.outside(), value, LocalDate.class);
			}
			return value;
		}

	}

	static final class BoundedInstant extends StdScalarDeserializer<Instant> {

		BoundedInstant() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			Instant value = InstantDeserializer.INSTANT.deserialize(parser, context);
			if (value != null && !CalendarBounds.contains(value)) {
				throw new RefusedValue(parser, CalendarBounds.outside(), value, Instant.class);
			}
			return value;
		}

	}

	static final class BoundedLocalDateTime extends StdScalarDeserializer<java.time.LocalDateTime> {

		BoundedLocalDateTime() {
			super(java.time.LocalDateTime.class);
		}

		@Override
		public java.time.LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
			java.time.LocalDateTime value = tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer.INSTANCE
				.deserialize(parser, context);
			if (value != null && !CalendarBounds.contains(value.toLocalDate())) {
				throw new RefusedValue(parser, CalendarBounds.outside(), value, java.time.LocalDateTime.class);
			}
			return value;
		}

	}

	static final class BoundedOffsetDateTime extends StdScalarDeserializer<OffsetDateTime> {

		BoundedOffsetDateTime() {
			super(OffsetDateTime.class);
		}

		@Override
		public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			OffsetDateTime value = InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
			if (value != null && !CalendarBounds.contains(value.toInstant())) {
				throw new RefusedValue(parser, CalendarBounds.outside(), value, OffsetDateTime.class);
			}
			return value;
		}

	}

}
