package org.dues.portfolio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bucket schemes creditors age their accounts by ({@code RBI_SMA}: {@code CURRENT},
 * {@code SMA-0} … {@code NPA}; {@code DPD_30}: {@code CURRENT}, {@code 1-30} …
 * {@code 180+}), for other modules that name buckets (a queue's filters) to check them
 * against.
 */
@Service
public class BucketSchemes {

	private final JdbcClient jdbc;

	BucketSchemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every scheme's buckets, schemes by name, each in the scheme's order. */
	@Transactional(readOnly = true)
	public Map<String, List<String>> all() {
		return buckets(this.jdbc.sql("SELECT DISTINCT scheme FROM portfolio_bucket_bands ORDER BY scheme")
			.query(String.class)
			.list());
	}

	/**
	 * The buckets of each scheme named, in the scheme's order (fewest days past due
	 * first); a scheme that does not exist is left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> buckets(Collection<String> schemes) {
		Map<String, List<String>> buckets = new LinkedHashMap<>();
		if (schemes.isEmpty()) {
			return buckets;
		}
		this.jdbc
			.sql("SELECT scheme, label FROM portfolio_bucket_bands WHERE scheme IN (:schemes) ORDER BY scheme, ordinal")
			.param("schemes", schemes)
			.query((rs) -> {
				buckets.computeIfAbsent(rs.getString(1), (s) -> new ArrayList<>()).add(rs.getString(2));
			});
		buckets.replaceAll((scheme, labels) -> List.copyOf(labels));
		return buckets;
	}

}
