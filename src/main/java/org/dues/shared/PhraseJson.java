package org.dues.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Phrase} as stored beside the English text it stands for (a column of its own,
 * {@code jsonb}): {@code {"key": "…", "args": [{"money": "5707.75", "currency": "INR"},
 * {"int": 3}, {"date": "2026-11-01"}, …]}}, each argument tagged with its type so that it
 * reads back as the same value.
 */
public final class PhraseJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PhraseJson() {
	}

	/** The phrase as JSON; null for none. */
	public static @Nullable String write(@Nullable Phrase phrase) {
		return (phrase == null) ? null : JSON.writeValueAsString(node(phrase));
	}

	/** The phrase read back; null for none or for text that is not one. */
	public static @Nullable Phrase read(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return phrase(JSON.readTree(json));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static ObjectNode node(Phrase phrase) {
		ObjectNode node = JSON.createObjectNode();
		node.put("key", phrase.key());
		ArrayNode args = node.putArray("args");
		for (Object argument : phrase.arguments()) {
			ObjectNode arg = args.addObject();
			switch (argument) {
				case Money money ->
					arg.put("money", money.amount().toPlainString()).put("currency", money.currencyCode());
				case Integer number -> arg.put("int", number);
				case Long number -> arg.put("long", number);
				case BigDecimal number -> arg.put("decimal", number.toPlainString());
				case LocalDate date -> arg.put("date", date.toString());
				case LocalTime time -> arg.put("time", time.toString());
				case Instant instant -> arg.put("instant", instant.toString());
				case Phrase inner -> arg.set("phrase", node(inner));
				default -> arg.put("text", argument.toString());
			}
		}
		return node;
	}

	private static Phrase phrase(JsonNode node) {
		List<Object> args = new ArrayList<>();
		for (JsonNode arg : node.get("args")) {
			if (arg.has("money")) {
				args.add(new Money(new BigDecimal(arg.get("money").asString()),
						Currency.getInstance(arg.get("currency").asString())));
			}
			else if (arg.has("int")) {
				args.add(arg.get("int").asInt());
			}
			else if (arg.has("long")) {
				args.add(arg.get("long").asLong());
			}
			else if (arg.has("decimal")) {
				args.add(new BigDecimal(arg.get("decimal").asString()));
			}
			else if (arg.has("date")) {
				args.add(LocalDate.parse(arg.get("date").asString()));
			}
			else if (arg.has("time")) {
				args.add(LocalTime.parse(arg.get("time").asString()));
			}
			else if (arg.has("instant")) {
				args.add(Instant.parse(arg.get("instant").asString()));
			}
			else if (arg.has("phrase")) {
				args.add(phrase(arg.get("phrase")));
			}
			else {
				args.add(arg.get("text").asString());
			}
		}
		return new Phrase(node.get("key").asString(), args);
	}

}
