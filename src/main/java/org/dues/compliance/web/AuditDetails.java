package org.dues.compliance.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * A record's payload as a person reads it: one line per field, nested fields named by
 * their path ({@code Rules › hours › CALL › from}), lists joined, a field holding JSON
 * text (a policy layer) opened up like the rest, instants kept as such for the page to
 * show in the reader's zone, accounts by their reference, channels and hold types in the
 * reader's language, and field names through {@code audit.page.field.*} where the bundle
 * knows them.
 */
final class AuditDetails {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A value named as a constant ({@code CONSUMER}, {@code BLOCKED}). */
	private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("[A-Z][A-Z_]+");

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, String> refs;

	/**
	 * @param refs account references by account id, to name the accounts a payload names
	 * by id
	 */
	AuditDetails(MessageSource messages, Locale locale, Map<String, String> refs) {
		this.messages = messages;
		this.locale = locale;
		this.refs = refs;
	}

	/** The payload's lines; a payload that is not JSON is one line as it stands. */
	List<Line> lines(String payload) {
		List<Line> lines = new ArrayList<>();
		JsonNode root = parse(payload);
		if (root == null || !root.isContainer()) {
			lines.add(new Line(label("payload"), payload, null));
			return lines;
		}
		add(lines, null, root);
		return lines;
	}

	private void add(List<Line> lines, @Nullable String path, JsonNode node) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String name = (path == null) ? label(field.getKey()) : path + " › " + field.getKey();
				JsonNode value = field.getValue();
				JsonNode inner = value.isString() ? parse(value.asString("")) : null;
				if (inner != null && inner.isContainer() && !inner.isEmpty()) {
					add(lines, name, inner);
				}
				else if (value.isObject() && !value.isEmpty()) {
					add(lines, name, value);
				}
				else if (value.isArray() && value.valueStream().anyMatch(JsonNode::isContainer)) {
					int i = 1;
					for (JsonNode item : value) {
						add(lines, name + " › " + i++, item);
					}
				}
				else {
					lines.add(new Line(name, text(field.getKey(), value), instant(value)));
				}
			}
		}
		else {
			lines.add(new Line((path == null) ? label("payload") : path, text("", node), instant(node)));
		}
	}

	private String text(String field, JsonNode value) {
		if (value.isNull()) {
			return "—";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(text(field, item)));
			return items.isEmpty() ? "—" : String.join(", ", items);
		}
		if (value.isObject()) {
			return "—";
		}
		String text = value.asString("");
		if (this.refs.containsKey(text)) {
			return this.refs.get(text);
		}
		if (value.isBoolean()) {
			return message(value.asBoolean() ? "audit.page.yes" : "audit.page.no", text);
		}
		if (field.equals("channel") || field.equals("channels")) {
			return message("channel." + text, text);
		}
		if (field.equals("type")) {
			return message("hold." + text, text);
		}
		if (field.equals("roles")) {
			return message("role." + text, text);
		}
		if (field.equals("blockedBy")) {
			return message("compliance.page.rule." + text, text);
		}
		if (CONSTANT.matcher(text).matches()) {
			return message("audit.page.value." + text, text);
		}
		return text;
	}

	/**
	 * The instant a value names ({@code 2026-11-26T10:00:00Z}), to show in the reader's
	 * zone.
	 */
	private static @Nullable Instant instant(JsonNode value) {
		String text = value.isString() ? value.asString("") : "";
		if (text.length() >= 20 && text.length() <= 40 && Character.isDigit(text.charAt(0)) && text.endsWith("Z")) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private String label(String field) {
		return message("audit.page.field." + field, field);
	}

	private String message(String key, String otherwise) {
		return this.messages.getMessage(key, null, otherwise, this.locale);
	}

	private static @Nullable JsonNode parse(String text) {
		String trimmed = text.strip();
		if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
			return null;
		}
		try {
			return JSON.readTree(trimmed);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * One field of a payload: its name and its value, ready to show, or the instant it
	 * names, for the page to show in the reader's zone.
	 */
	record Line(String name, String value, @Nullable Instant at) {
	}

}
