package org.dues.work.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.portfolio.AccountId;
import org.dues.work.NextAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling agent's next account, and assignment of accounts to agents or the pool.
 */
@RestController
@Tag(name = "Work")
class WorkApi {

	private final NextAccount next;

	WorkApi(NextAccount next) {
		this.next = next;
	}

	@GetMapping("/api/v1/work/next")
	@Operation(summary = "The most urgent account you may work now, leased to you; 204 when there is none")
	ResponseEntity<NextAccount.Next> next(Authentication user) {
		return this.next.next(user.getName()).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
	}

	@PutMapping("/api/v1/accounts/{accountId}/assignment")
	@Operation(summary = "Assign an account to an agent, or to the pool (agent null)")
	ResponseEntity<Void> assign(@PathVariable UUID accountId, @RequestBody AssignmentRequest body,
			Authentication user) {
		String agent = (body.agent() == null || body.agent().isBlank()) ? null : body.agent().strip();
		this.next.assign(new AccountId(accountId), agent, user.getName());
		return ResponseEntity.noContent().build();
	}

	record AssignmentRequest(@Nullable String agent) {
	}

}
