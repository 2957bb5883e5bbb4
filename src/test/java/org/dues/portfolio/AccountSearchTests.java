package org.dues.portfolio;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.customer.CustomerIntake;
import org.dues.customer.CustomerManagement;
import org.dues.customer.IncomingCustomer;
import org.dues.identity.Role;
import org.dues.system.Scopes;
import org.dues.work.NextAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Account search (issue 18, item 12): any part of a reference, a name in another script,
 * a count and pages, and only what the caller may open counted.
 */
@IntegrationTest
class AccountSearchTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	AccountSearch search;

	@Autowired
	Scopes scopes;

	@Autowired
	NextAccount work;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerIntake intake;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Clock clock;

	@Test
	void aPartOfTheReferenceFindsTheAccount() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String stem = stem();
		AccountView account = place(nbfc, "KNB-PL-" + stem + "00000291", "ലക്ഷ്മി മേനോൻ");
		AccountSearch.Page found = this.search.find(stem + "0000029", 0, AccountSearch.Scope.everything());
		assertThat(found.accounts()).extracting(AccountView::id).containsExactly(account.id());
		assertThat(found.total()).isEqualTo(1);
		// in any case, from the middle
		assertThat(this.search.find("pl-" + stem.toLowerCase(), 0, AccountSearch.Scope.everything()).accounts())
			.extracting(AccountView::id)
			.containsExactly(account.id());
	}

	@Test
	void sreejaInLatinLettersFindsHerInMalayalamAndInDevanagari() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView malayalam = place(nbfc, "ML-" + stem(), "ശ്രീജ നായർ");
		AccountView devanagari = place(nbfc, "HI-" + stem(), "श्रीजा शर्मा");
		AccountView other = place(nbfc, "XX-" + stem(), "ലക്ഷ്മി മേനോൻ");
		for (String typed : List.of("Sreeja", "sreeja", "Shreeja", "Srija")) {
			assertThat(all(typed, AccountSearch.Scope.everything())).as(typed)
				.contains(malayalam.id(), devanagari.id())
				.doesNotContain(other.id());
		}
		// and the other way round: the Malayalam name finds the Devanagari one
		assertThat(all("ശ്രീജ", AccountSearch.Scope.everything())).contains(devanagari.id());
	}

	@Test
	void countsAllMatchesAndPagesThemByTwentyFive() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String stem = stem();
		List<AccountView> placed = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			placed.add(place(nbfc, "PG-" + stem + "-" + (100 + i), "Maria Garcia"));
		}
		AccountSearch.Page first = this.search.find(stem, 0, AccountSearch.Scope.everything());
		AccountSearch.Page second = this.search.find(stem, 1, AccountSearch.Scope.everything());
		assertThat(first.total()).isEqualTo(30);
		assertThat(first.accounts()).hasSize(25);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isFalse();
		assertThat(second.accounts()).hasSize(5);
		assertThat(second.hasNext()).isFalse();
		assertThat(second.from()).isEqualTo(26);
		Set<AccountId> both = new HashSet<>();
		first.accounts().forEach((a) -> both.add(a.id()));
		second.accounts().forEach((a) -> both.add(a.id()));
		assertThat(both).containsExactlyInAnyOrderElementsOf(placed.stream().map(AccountView::id).toList());
		// the page says so
		this.agents.manager("search-manager", "search-manager-secret");
		this.mvc.perform(get("/accounts").param("q", stem).with(user("search-manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("30 accounts found")))
			.andExpect(content().string(containsString("showing 1–25")))
			.andExpect(content().string(containsString("page=2")));
		this.mvc
			.perform(get("/accounts").param("q", stem)
				.param("page", "2")
				.header("HX-Request", "true")
				.with(user("search-manager").roles("MANAGER")))
			.andExpect(content().string(containsString("showing 26–30")))
			.andExpect(content().string(containsString("rel=\"prev\"")))
			.andExpect(content().string(not(containsString("rel=\"next\""))));
	}

	@Test
	void anAgentNeitherSeesNorCountsAccountsOutsideTheirScope() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String stem = stem();
		List<AccountView> placed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			placed.add(place(nbfc, "SC-" + stem + "-" + i, "Maria Garcia"));
		}
		String agent = this.agents.user("search-scope-agent", "search-scope-secret", Role.AGENT);
		this.work.assign(placed.get(1).id(), agent, "tests");
		Authentication caller = UsernamePasswordAuthenticationToken.authenticated(agent, null,
				List.of(new SimpleGrantedAuthority(Role.AGENT.authority())));
		AccountSearch.Page theirs = this.search.find(stem, 0,
				(column, params) -> this.scopes.accountCondition(caller, column, params));
		assertThat(theirs.total()).isEqualTo(1);
		assertThat(theirs.accounts()).extracting(AccountView::id).containsExactly(placed.get(1).id());
		assertThat(this.search.find(stem, 0, AccountSearch.Scope.everything()).total()).isEqualTo(3);
		this.mvc.perform(get("/accounts").param("q", stem).with(user(agent).roles("AGENT")))
			.andExpect(content().string(containsString("1 account found")))
			.andExpect(content().string(containsString(placed.get(1).accountRef())))
			.andExpect(content().string(not(containsString(placed.get(0).accountRef()))));
		// an agent of the team whose queue holds every pooled account reaches the other
		// two
		String pooled = this.agents.pooledAgent("search-pooled-agent", "search-pooled-secret");
		Authentication pooledCaller = UsernamePasswordAuthenticationToken.authenticated(pooled, null,
				List.of(new SimpleGrantedAuthority(Role.AGENT.authority())));
		assertThat(this.search
			.find(stem, 0, (column, params) -> this.scopes.accountCondition(pooledCaller, column, params))
			.accounts()).extracting(AccountView::id).containsExactlyInAnyOrder(placed.get(0).id(), placed.get(2).id());
	}

	@Test
	void theBulkPathKeysNamesToo() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String ref = "BULK-" + stem();
		this.transactions.executeWithoutResult((tx) -> {
			CustomerIntake.Batch batch = this.intake.open();
			batch.add(List.of(new IncomingCustomer(1, ref, "श्रीजा शर्मा", "hi", null, null, List.of(), null, null)));
			batch.resolve(nbfc.id().value(), "TEST", OffsetDateTime.now(this.clock), (page) -> {
			});
			batch.write((gained) -> {
			});
		});
		var customer = this.customers.findByRef(nbfc.id().value(), ref).orElseThrow();
		assertThat(this.jdbc.sql("SELECT name_key FROM customer_search_facts WHERE customer_id = :id")
			.param("id", customer.id().value())
			.query(String.class)
			.single()).isEqualTo("srija sarma");
	}

	private List<AccountId> all(String text, AccountSearch.Scope scope) {
		List<AccountId> ids = new ArrayList<>();
		for (int page = 0;; page++) {
			AccountSearch.Page found = this.search.find(text, page, scope);
			found.accounts().forEach((a) -> ids.add(a.id()));
			if (!found.hasNext()) {
				return ids;
			}
		}
	}

	private AccountView place(CreditorView creditor, String ref, String name) {
		Map<String, String> row = Portfolios.row(creditor, "5000");
		row.put("account_ref", ref);
		row.put("customer_name", name);
		return this.portfolios.place(creditor, row);
	}

	/** Letters no other test's reference holds. */
	private static String stem() {
		StringBuilder stem = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			stem.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
		}
		return stem.toString();
	}

}
