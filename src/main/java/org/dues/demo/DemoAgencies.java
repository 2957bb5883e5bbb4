package org.dues.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.casework.Agencies;
import org.dues.casework.AgencyPlacements;
import org.dues.casework.NewAgency;
import org.dues.casework.NewAgencyUser;
import org.dues.casework.NewPlacement;
import org.dues.identity.Role;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.system.RuntimeMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's external agency: Malabar Recoveries in Kochi, paid 8% of what it collects,
 * with an agent ({@code agency1}) and its manager ({@code agencylead1}), and a handful of
 * the Indian NBFC's Kerala accounts placed with it for 90 days. Made once, on a start
 * after the demo portfolio is loaded, while there is no agency.
 */
@Component
@Order(12)
class DemoAgencies implements ApplicationRunner {

	static final String CODE = "MALABAR-REC";

	static final int PLACED = 6;

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final Accounts accounts;

	private final Agencies agencies;

	private final AgencyPlacements placements;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String demoPassword;

	DemoAgencies(RuntimeMode mode, Creditors creditors, Accounts accounts, Agencies agencies,
			AgencyPlacements placements, TransactionTemplate transactions, Clock clock,
			@Value("${dues.demo-password:demo}") String demoPassword) {
		this.mode = mode;
		this.creditors = creditors;
		this.accounts = accounts;
		this.agencies = agencies;
		this.placements = placements;
		this.transactions = transactions;
		this.clock = clock;
		this.demoPassword = demoPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo() || this.creditors.findByCode("MALABAR").isEmpty() || !this.agencies.all().isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((tx) -> load());
	}

	private void load() {
		LocalDate today = LocalDate.now(this.clock);
		this.agencies.create(new NewAgency(CODE, "Malabar Recoveries", "IN", "ops@malabarrecoveries.example",
				"+91 484 2345678", new BigDecimal("8")), "system");
		this.agencies.addDemoUser(CODE, new NewAgencyUser("agency1", "Fathima Rahman", this.demoPassword, Role.AGENT,
				List.of("ml", "en"), "IBA-DRA-KL-40177", today.plusYears(1)));
		this.agencies.addDemoUser(CODE, new NewAgencyUser("agencylead1", "Joseph Kurian", this.demoPassword,
				Role.TEAM_LEAD, List.of("ml", "en"), null, null));
		List<String> refs = new ArrayList<>();
		for (int n = 1; n <= 80; n++) {
			refs.add("MFLKL" + String.format("%07d", n));
		}
		List<AccountId> chosen = this.accounts.byRefs(refs)
			.stream()
			.filter((match) -> "MALABAR".equals(match.creditorCode()))
			.map(Accounts.RefMatch::id)
			.toList();
		List<java.util.UUID> placed = this.accounts.getAll(chosen)
			.values()
			.stream()
			.filter((a) -> a.status() == AccountStatus.ACTIVE && a.daysPastDue() > 0)
			.sorted(java.util.Comparator.comparing(org.dues.portfolio.AccountView::accountRef))
			.limit(PLACED)
			.map((a) -> a.id().value())
			.toList();
		if (!placed.isEmpty()) {
			this.placements.place(CODE, new NewPlacement(placed, today, today.plusDays(90), null), "manager1");
		}
	}

}
