package org.dues.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import org.dues.shared.InvalidInputException.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema (2020-12) of a creditor's contact-policy layer,
 * {@code compliance/policy-layer.schema.json}: every field of {@link ContactPolicy} that
 * a layer may set, with its type and range, and no other. A misspelt key is an error
 * naming its JSON Pointer, never a field silently left out.
 */
final class PolicyLayerSchema {

	static final String RESOURCE = "compliance/policy-layer.schema.json";

	private static final Schema SCHEMA = load();

	private PolicyLayerSchema() {
	}

	private static Schema load() {
		try (InputStream in = PolicyLayerSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What is wrong with a layer, each error naming its place as a JSON Pointer under the
	 * given prefix ({@code /rules/hours/CALL/form}).
	 */
	static List<FieldError> errors(JsonNode layer, String prefix) {
		List<FieldError> errors = new ArrayList<>();
		for (Error error : SCHEMA.validate(layer)) {
			String pointer = prefix + pointer(error.getInstanceLocation());
			if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
				errors.add(new FieldError(pointer + "/" + escape(error.getProperty()),
						"is not a field of a policy layer"));
			}
			else if ("propertyNames".equals(error.getKeyword()) && error.getProperty() != null) {
				errors.add(new FieldError(pointer + "/" + escape(error.getProperty()), "is not a known name here"));
			}
			else {
				errors.add(new FieldError(pointer, error.getMessage()));
			}
		}
		return errors;
	}

	private static String pointer(NodePath path) {
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			pointer.append('/').append(escape(path.getName(i)));
		}
		return pointer.toString();
	}

	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

}
