package org.dues.compliance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contact policies in force: a jurisdiction's base policy, the state overlays that
 * apply where the person lives, and the creditor's own stricter layer, each the latest
 * version effective on the day. A creditor's layer is changed through
 * {@link CreditorPolicyLayers}.
 */
@Service
public class CompliancePolicies {

	private final JdbcClient jdbc;

	private final Map<String, List<Row>> versions = new ConcurrentHashMap<>();

	CompliancePolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The policy of a jurisdiction code ({@code US}, {@code US-MA}, {@code IN},
	 * {@code GB}) in force on a day: a layer such as {@code US-MA} applied over the
	 * policy it extends.
	 * @throws NotFoundException when no policy of that code is in force on that day
	 */
	public ContactPolicy resolve(String code, LocalDate on) {
		return find(code.strip().toUpperCase(Locale.ROOT), on)
			.orElseThrow(() -> new NotFoundException("Contact policy", code + " in force on " + on));
	}

	/**
	 * The policy for contacting a person about a creditor's debt: the creditor's
	 * jurisdiction (or its country's, when the region has no policy of its own),
	 * tightened by the overlay of every region the person has an address in, and by the
	 * creditor's own layer.
	 */
	public ContactPolicy forContact(CreditorId creditor, String jurisdiction, Collection<String> regions,
			LocalDate on) {
		String country = jurisdiction.split("-")[0];
		Optional<ContactPolicy> found = find(jurisdiction, on).or(() -> find(country, on));
		if (found.isEmpty()) {
			return ContactPolicy.unavailable(jurisdiction);
		}
		ContactPolicy policy = found.get();
		for (String region : new TreeSet<>(regions)) {
			if (region.startsWith(country + "-") && !region.equals(policy.code())) {
				Optional<Row> overlay = row(region, on);
				if (overlay.isPresent() && overlay.get().extends_() != null) {
					policy = policy.combinedWith(overlay.get().layer());
				}
			}
		}
		Optional<ContactPolicy.Layer> own = creditorLayer(creditor, on);
		return own.isPresent() ? policy.combinedWith(own.get()) : policy;
	}

	/** A creditor's policy on a day: its jurisdiction's, with its own layer. */
	public ContactPolicy forCreditor(CreditorView creditor, LocalDate on) {
		ContactPolicy policy = resolveJurisdiction(creditor.jurisdiction(), on);
		Optional<ContactPolicy.Layer> own = creditorLayer(creditor.id(), on);
		return own.isPresent() ? policy.combinedWith(own.get()) : policy;
	}

	/**
	 * A jurisdiction's policy on a day, or its country's when the region has none: what a
	 * creditor's own layer tightens.
	 * @throws NotFoundException when neither has a policy in force on that day
	 */
	public ContactPolicy resolveJurisdiction(String jurisdiction, LocalDate on) {
		return find(jurisdiction, on).or(() -> find(jurisdiction.split("-")[0], on))
			.orElseThrow(() -> new NotFoundException("Contact policy for jurisdiction", jurisdiction));
	}

	/** Every stored policy version, for the compliance pages. */
	public List<String> codes() {
		return this.jdbc.sql("SELECT DISTINCT code FROM compliance_policies ORDER BY code").query(String.class).list();
	}

	private Optional<ContactPolicy> find(String code, LocalDate on) {
		Optional<Row> row = row(code, on);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Row found = row.get();
		if (found.extends_() == null) {
			return Optional.of(found.document().toPolicy(found.code(), found.version(), found.effectiveFrom()));
		}
		return find(found.extends_(), on).map((base) -> base.combinedWith(found.layer()));
	}

	/**
	 * The latest version of a code effective on the day. Policy rows are written only by
	 * migrations, so every version of a code is read once and kept.
	 */
	private Optional<Row> row(String code, LocalDate on) {
		return this.versions.computeIfAbsent(code, this::load)
			.stream()
			.filter((row) -> !row.effectiveFrom().isAfter(on))
			.findFirst();
	}

	private List<Row> load(String code) {
		return this.jdbc.sql("""
				SELECT code, version, effective_from, extends, document::text AS document FROM compliance_policies
				WHERE code = :code ORDER BY version DESC""")
			.param("code", code)
			.query((rs, n) -> new Row(rs.getString("code"), rs.getInt("version"),
					rs.getObject("effective_from", LocalDate.class), rs.getString("extends"),
					PolicyDocument.parse(rs.getString("document"))))
			.list();
	}

	private Optional<ContactPolicy.Layer> creditorLayer(CreditorId creditor, LocalDate on) {
		return this.jdbc.sql("""
				SELECT version, effective_from, document::text AS document FROM compliance_creditor_policies
				WHERE creditor_id = :creditor AND effective_from <= :on ORDER BY version DESC LIMIT 1""")
			.param("creditor", creditor.value())
			.param("on", on)
			.query((rs, n) -> PolicyDocument.parse(rs.getString("document"))
				.toLayer(null, rs.getInt("version"), rs.getObject("effective_from", LocalDate.class)))
			.optional();
	}

	private record Row(String code, int version, LocalDate effectiveFrom, @Nullable String extends_,
			PolicyDocument document) {

		ContactPolicy.Layer layer() {
			return this.document.toLayer(this.code, this.version, this.effectiveFrom);
		}

	}

}
