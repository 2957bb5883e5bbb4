package org.dues.portfolio.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.BucketMove;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.MoneyJson;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts by id: the account, its ledger and its bucket history.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountsApi {

	private final Accounts accounts;

	private final CustomerManagement customers;

	AccountsApi(Accounts accounts, CustomerManagement customers) {
		this.accounts = accounts;
		this.customers = customers;
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an account")
	AccountJson get(@PathVariable @Scoped("account") UUID id) {
		var account = this.accounts.get(new AccountId(id));
		return AccountJson.of(account, this.customers.get(account.customerId()));
	}

	@GetMapping("/{id}/ledger")
	@Operation(summary = "The account's ledger entries, oldest first")
	List<EntryJson> ledger(@PathVariable @Scoped("account") UUID id) {
		return this.accounts.ledger(new AccountId(id)).stream().map(EntryJson::of).toList();
	}

	@GetMapping("/{id}/bucket-moves")
	@Operation(summary = "The account's moves between buckets, oldest first")
	List<BucketMove> bucketMoves(@PathVariable @Scoped("account") UUID id) {
		this.accounts.get(new AccountId(id));
		return this.accounts.bucketMoves(new AccountId(id));
	}

	record EntryJson(String id, long seq, String type, MoneyJson principal, MoneyJson interest, MoneyJson fees,
			MoneyJson credit, MoneyJson overdue, MoneyJson total, LocalDate effectiveDate, Instant recordedAt,
			String source, @Nullable String sourceRef, String recordedBy, @Nullable String memo,
			@Nullable String reverses) {

		static EntryJson of(LedgerEntryView e) {
			return new EntryJson(e.id().toString(), e.seq(), e.type().name(), MoneyJson.of(e.amounts().principal()),
					MoneyJson.of(e.amounts().interest()), MoneyJson.of(e.amounts().fees()),
					MoneyJson.of(e.amounts().credit()), MoneyJson.of(e.amounts().overdue()),
					MoneyJson.of(e.amounts().total()), e.effectiveDate(), e.recordedAt(), e.source(), e.sourceRef(),
					e.recordedBy(), e.memo(), e.reverses() == null ? null : e.reverses().toString());
		}

	}

}
