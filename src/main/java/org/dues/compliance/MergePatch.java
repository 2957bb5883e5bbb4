package org.dues.compliance;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396, section 2): a patch object changes the keys it names
 * (recursively for objects), a {@code null} removes a key, anything else replaces the
 * target whole. The algorithm is the RFC's own pseudo-code; it is short and exact enough
 * that a library (and a conversion to another JSON model) would add more than it saves.
 */
final class MergePatch {

	private MergePatch() {
	}

	/** The target with the patch applied; neither argument is changed. */
	static JsonNode apply(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch.deepCopy();
		}
		ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> change : patch.properties()) {
			if (change.getValue().isNull()) {
				result.remove(change.getKey());
			}
			else {
				JsonNode current = result.get(change.getKey());
				result.set(change.getKey(),
						apply((current == null) ? JsonNodeFactory.instance.nullNode() : current, change.getValue()));
			}
		}
		return result;
	}

}
