package org.dues.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConcurrentPlacementsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	Placements placements;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSamePlacementSentSixTimesAtOnceCreatesOneAccountAndOneCustomer() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		Map<String, String> row = Portfolios.row(nbfc, "75000");
		Placement placement = new PlacementParser(nbfc, null).parse(row).placement();
		Source source = new Source("TEST", null, "tester", null);
		List<Callable<Placements.Result>> tasks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tasks.add(() -> this.placements.place(nbfc, placement, source));
		}
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		List<Placements.Result> results = new ArrayList<>();
		try {
			for (Future<Placements.Result> future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(results).extracting(Placements.Result::outcome)
			.containsOnlyOnce(Placements.Outcome.CREATED)
			.containsOnly(Placements.Outcome.CREATED, Placements.Outcome.UNCHANGED);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer_customers WHERE creditor_id = :c")
			.param("c", nbfc.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM portfolio_ledger_entries e JOIN portfolio_accounts a ON a.id = e.account_id
				WHERE a.creditor_id = :c""").param("c", nbfc.id().value()).query(Integer.class).single()).isEqualTo(1);
	}

}
