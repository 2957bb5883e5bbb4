package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creditor's own contact-policy layer, changed only on purpose: every change is checked
 * against the layer's JSON Schema (a misspelt key is refused, not dropped), may only
 * tighten the jurisdiction's policy, names the version it was based on (so a stale editor
 * cannot replace a newer layer), and is kept as a new version with who, when, why and the
 * change itself; earlier versions are never altered.
 */
@Service
public class CreditorPolicyLayers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RULES = "/rules";

	private final JdbcClient jdbc;

	private final CompliancePolicies policies;

	private final AuditTrail audit;

	private final Clock clock;

	CreditorPolicyLayers(JdbcClient jdbc, CompliancePolicies policies, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current version of the creditor's layer; 0 when it has none. */
	@Transactional(readOnly = true)
	public int currentVersion(CreditorId creditor) {
		return this.jdbc
			.sql("SELECT coalesce(max(version), 0) FROM compliance_creditor_policies WHERE creditor_id = :c")
			.param("c", creditor.value())
			.query(Integer.class)
			.single();
	}

	/** Every version of the creditor's layer, newest first. */
	@Transactional(readOnly = true)
	public List<LayerVersion> versions(CreditorId creditor) {
		return this.jdbc.sql("""
				SELECT version, based_on, effective_from, document::text AS document, change::text AS change, reason,
				    created_by, created_at
				FROM compliance_creditor_policies WHERE creditor_id = :c ORDER BY version DESC""")
			.param("c", creditor.value())
			.query((rs, n) -> new LayerVersion(rs.getInt("version"), (Integer) rs.getObject("based_on"),
					rs.getObject("effective_from", LocalDate.class), JSON.readTree(rs.getString("document")),
					(rs.getString("change") != null) ? JSON.readTree(rs.getString("change")) : null,
					rs.getString("reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * A version's rules as a policy layer, to read what it changes against the
	 * jurisdiction's policy.
	 */
	public ContactPolicy.Layer layerOf(LayerVersion version) {
		return parse(version.rules()).toLayer(null, version.version(), version.effectiveFrom());
	}

	/**
	 * Replaces the creditor's layer whole, if it is still at the version the caller read.
	 * @param expected the version the caller read: 0 for "no layer yet", null for "any
	 * existing layer"
	 * @param rules the whole new layer
	 * @param effectiveFrom the first day it applies (today in the creditor's zone if
	 * null)
	 * @throws StaleLayerException when the layer is not at the expected version
	 * @throws InvalidInputException when the layer breaks its schema or would loosen the
	 * jurisdiction's policy, or no reason is given
	 */
	@Transactional
	public LayerVersion replace(CreditorView creditor, @Nullable Integer expected, JsonNode rules,
			@Nullable LocalDate effectiveFrom, @Nullable String reason, String actor) {
		return save(creditor, true, expected, rules, effectiveFrom, reason, actor);
	}

	/**
	 * Changes the creditor's current layer by a JSON Merge Patch (RFC 7396): the keys the
	 * patch names are set, {@code null} removes one, the rest stays as it was.
	 * @param expected the version the patch was written against, if the caller names one
	 * @throws StaleLayerException when the layer is not at the expected version
	 * @throws InvalidInputException when the patched layer breaks its schema or would
	 * loosen the jurisdiction's policy, or no reason is given
	 */
	@Transactional
	public LayerVersion patch(CreditorView creditor, @Nullable Integer expected, JsonNode patch,
			@Nullable LocalDate effectiveFrom, @Nullable String reason, String actor) {
		return save(creditor, false, expected, patch, effectiveFrom, reason, actor);
	}

	private LayerVersion save(CreditorView creditor, boolean whole, @Nullable Integer expected, JsonNode change,
			@Nullable LocalDate effectiveFrom, @Nullable String reason, String actor) {
		String why = Restrictions.reason(reason);
		if (!change.isObject()) {
			throw new InvalidInputException(RULES, "must be a JSON object such as "
					+ "{\"hours\": {\"CALL\": {\"from\": \"09:00\", \"to\": \"20:00\"}}}");
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('compliance_creditor_policies'), hashtext(:c))")
			.param("c", creditor.id().value().toString())
			.query()
			.singleRow();
		Optional<Current> current = current(creditor.id());
		int version = current.map(Current::version).orElse(0);
		if (expected != null && expected != version) {
			throw new StaleLayerException(version,
					"the contact-policy layer of %s is at version %d, not %d: read it again".formatted(creditor.code(),
							version, expected));
		}
		if (expected == null && whole && version == 0) {
			throw new StaleLayerException(version,
					"the contact-policy layer of %s has no version yet: ".formatted(creditor.code())
							+ "create it with If-None-Match: *");
		}
		JsonNode document = whole ? withoutNulls(change)
				: MergePatch.apply(current.map(Current::document).orElse(JSON.createObjectNode()), change);
		List<InvalidInputException.FieldError> errors = PolicyLayerSchema.errors(document, RULES);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		LocalDate from = (effectiveFrom != null) ? effectiveFrom
				: LocalDate.now(this.clock.withZone(creditor.timeZone()));
		ContactPolicy.Layer layer = parse(document).toLayer(null, version + 1, from);
		ContactPolicy base = this.policies.resolveJurisdiction(creditor.jurisdiction(), from);
		try {
			base.tightenedBy(layer);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(RULES,
					"may only make %s stricter: %s".formatted(base.code(), ex.getMessage()));
		}
		Instant now = this.clock.instant();
		String stored = JSON.writeValueAsString(document);
		String diff = whole ? null : JSON.writeValueAsString(change);
		this.jdbc.sql("""
				INSERT INTO compliance_creditor_policies (creditor_id, version, based_on, effective_from, document,
				    change, reason, created_by, created_at)
				VALUES (:creditor, :version, :basedOn, :from, CAST(:document AS jsonb), CAST(:change AS jsonb), :reason,
				    :actor, :now)""")
			.param("creditor", creditor.id().value())
			.param("version", version + 1)
			.param("basedOn", (version == 0) ? null : version)
			.param("from", from)
			.param("document", stored)
			.param("change", diff)
			.param("reason", why)
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("version", version + 1);
		payload.put("basedOn", version);
		payload.put("effectiveFrom", from.toString());
		payload.put("rules", stored);
		if (diff != null) {
			payload.put("change", diff);
		}
		payload.put("reason", why);
		this.audit.record(actor, "CREDITOR_POLICY_SET", "creditor:" + creditor.code(), payload);
		return new LayerVersion(version + 1, (version == 0) ? null : version, from, document, whole ? null : change,
				why, actor, now);
	}

	private Optional<Current> current(CreditorId creditor) {
		return this.jdbc.sql("""
				SELECT version, document::text AS document FROM compliance_creditor_policies
				WHERE creditor_id = :c ORDER BY version DESC LIMIT 1""")
			.param("c", creditor.value())
			.query((rs, n) -> new Current(rs.getInt("version"), withoutNulls(JSON.readTree(rs.getString("document")))))
			.optional();
	}

	/**
	 * A layer that passed its schema, read; values no schema can judge (a window ending
	 * before it starts) are named by their place.
	 */
	private static PolicyDocument parse(JsonNode document) {
		try {
			return PolicyDocument.parse(JSON.writeValueAsString(document));
		}
		catch (JacksonException ex) {
			StringBuilder pointer = new StringBuilder(RULES);
			for (JacksonException.Reference step : ex.getPath()) {
				pointer.append('/').append((step.getPropertyName() != null) ? step.getPropertyName() : step.getIndex());
			}
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new InvalidInputException(pointer.toString(), (cause instanceof IllegalArgumentException)
					? String.valueOf(cause.getMessage()) : "is not a valid value here");
		}
	}

	/**
	 * The document without null members: a stored null meant the same as an absent key.
	 */
	private static JsonNode withoutNulls(JsonNode node) {
		if (!node.isObject()) {
			return node;
		}
		var copy = JSON.createObjectNode();
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			if (!member.getValue().isNull()) {
				copy.set(member.getKey(), withoutNulls(member.getValue()));
			}
		}
		return copy;
	}

	private record Current(int version, JsonNode document) {
	}

	/**
	 * One version of a creditor's layer.
	 *
	 * @param version its number, from 1
	 * @param basedOn the version it replaced or changed, none for the first
	 * @param effectiveFrom the first day it applies
	 * @param rules the whole layer as it stood after the change
	 * @param change the merge patch that made it from {@code basedOn}, or none when the
	 * layer was given whole
	 * @param reason why it was changed
	 * @param createdBy who changed it
	 * @param createdAt when
	 */
	public record LayerVersion(int version, @Nullable Integer basedOn, LocalDate effectiveFrom, JsonNode rules,
			@Nullable JsonNode change, String reason, String createdBy, Instant createdAt) {
	}

}
