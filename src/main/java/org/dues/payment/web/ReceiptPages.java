package org.dues.payment.web;

import java.util.UUID;

import org.dues.payment.PaymentId;
import org.dues.payment.ReceiptBooks;
import org.dues.payment.ReceiptDocuments;
import org.dues.portfolio.AccountId;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.NotPermittedException;
import org.dues.system.Actor;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's receipt download, and the receipt books page: a lead or manager issues a
 * book to an agent and sees each book's used, cancelled and unused leaves; an agent sees
 * their own books and cancels a spoilt leaf.
 */
@PageController
class ReceiptPages {

	private final ReceiptDocuments documents;

	private final ReceiptBooks books;

	ReceiptPages(ReceiptDocuments documents, ReceiptBooks books) {
		this.documents = documents;
		this.books = books;
	}

	@GetMapping("/accounts/{accountId}/payments/{paymentId}/receipt")
	ResponseEntity<byte[]> receipt(@PathVariable @Scoped("account") UUID accountId,
			@PathVariable @Scoped("payment") UUID paymentId) {
		return ReceiptsApi.pdf(this.documents.of(new AccountId(accountId), new PaymentId(paymentId)));
	}

	@GetMapping("/receipt-books")
	String page(@RequestParam(required = false) @Nullable String agent, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		model.addAttribute("books", this.books.list((agent == null || agent.isBlank()) ? null : agent.strip(), actor));
		model.addAttribute("issuer", actor.hasAny(java.util.Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN")));
		model.addAttribute("agent", agent);
		return "payment/receipt-books";
	}

	@PostMapping("/receipt-books")
	String issue(@RequestParam(required = false) @Nullable String series,
			@RequestParam(required = false) @Nullable Integer first,
			@RequestParam(required = false) @Nullable Integer last,
			@RequestParam(required = false) @Nullable String agent, Authentication user, RedirectAttributes redirect) {
		try {
			this.books.issue((series == null) ? "" : series.strip().toUpperCase(java.util.Locale.ROOT),
					(first == null) ? 0 : first, (last == null) ? 0 : last, (agent == null) ? "" : agent,
					Actor.of(user));
			redirect.addFlashAttribute("issued", true);
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/receipt-books";
	}

	@PostMapping("/receipt-books/cancel")
	String cancel(@RequestParam(required = false) @Nullable String leaf,
			@RequestParam(required = false) @Nullable String reason, Authentication user, RedirectAttributes redirect) {
		try {
			this.books.cancel((leaf == null) ? "" : leaf, (reason == null) ? "" : reason, Actor.of(user));
			redirect.addFlashAttribute("cancelled", true);
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/receipt-books";
	}

}
