package org.dues.casework.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.arrangement.Asker;
import org.dues.casework.FieldVisits;
import org.dues.casework.VisitCheckIns;
import org.dues.casework.VisitId;
import org.dues.casework.VisitOutcome;
import org.dues.casework.VisitOutcomes;
import org.dues.casework.VisitView;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.payment.PaymentChannel;
import org.dues.payment.ReceiptBookView;
import org.dues.payment.ReceiptBooks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.CalendarBounds;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotPermittedException;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.RecordScope;
import org.dues.system.Scoped;
import org.dues.system.Viewers;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The field agent's page, made for a phone: today's visits in route order (by postal
 * code, then address), each with the customer, the address and a map link, the amount
 * overdue; check in with the device's position (field.js asks the browser for it; the
 * time is the server's); then the outcome, a promise or the money collected against a
 * leaf of their receipt book.
 */
@PageController
class FieldPages {

	private final FieldVisits visits;

	private final VisitCheckIns checkIns;

	private final VisitOutcomes outcomes;

	private final Lookups lookups;

	private final Phrases phrases;

	private final Viewers viewers;

	FieldPages(FieldVisits visits, VisitCheckIns checkIns, VisitOutcomes outcomes, Lookups lookups, Phrases phrases,
			Viewers viewers) {
		this.visits = visits;
		this.checkIns = checkIns;
		this.outcomes = outcomes;
		this.lookups = lookups;
		this.phrases = phrases;
		this.viewers = viewers;
	}

	@GetMapping("/field")
	String today(Model model, Authentication user) {
		LocalDate day = this.visits.today(this.viewers.zone());
		List<VisitView> mine = this.visits.due(day, user.getName(), user, this.lookups.scope())
			.stream()
			.sorted(java.util.Comparator.comparing((VisitView v) -> v.postalCode() == null ? "~" : v.postalCode())
				.thenComparing((VisitView v) -> v.address() == null ? "" : v.address()))
			.toList();
		model.addAttribute("day", day);
		model.addAttribute("visits", this.lookups.rows(mine));
		model.addAttribute("nextLeaf", this.lookups.nextLeaf(user));
		model.addAttribute("outcomes", VisitOutcome.values());
		return "casework/field";
	}

	@PostMapping("/field/{visitId}/check-in")
	String checkIn(@PathVariable @Scoped("visit") UUID visitId, @ModelAttribute CheckInForm form, Authentication user,
			RedirectAttributes redirect) {
		try {
			this.checkIns.checkIn(new VisitId(visitId),
					VisitCheckIns.Position.of(form.latitude(), form.longitude(), form.accuracy()), user.getName());
			redirect.addFlashAttribute("done", "visit.checkedIn");
		}
		catch (VisitCheckIns.Refused refused) {
			redirect.addFlashAttribute("refused",
					refused.reasons().stream().map((r) -> this.phrases.sayOr(r.said(), r.reason())).toList());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", this.phrases.problem(ex));
		}
		redirect.addFlashAttribute("visit", visitId.toString());
		return "redirect:/field#visit-" + visitId;
	}

	@PostMapping("/field/{visitId}/outcome")
	String outcome(@PathVariable @Scoped("visit") UUID visitId, @Valid @ModelAttribute OutcomeForm form,
			BindingResult binding, Authentication user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("visit", visitId.toString());
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", this.phrases.describe(binding));
			return "redirect:/field#visit-" + visitId;
		}
		try {
			VisitId id = new VisitId(visitId);
			Currency currency = this.lookups.currencyOf(this.visits.get(id));
			VisitOutcomes.Outcome outcome = new VisitOutcomes.Outcome(
					Choice.of("outcome", form.outcome(), VisitOutcome.class), form.note(),
					RequestMoney.of("amount", form.amount(), currency, null),
					CalendarBounds.parse("promisedOn", form.promisedOn()),
					Choice.orNull("method", form.method(), PaymentChannel.class), form.chequeNumber(),
					form.receiptNumber());
			this.outcomes.record(id, outcome, Asker.of(user.getName(),
					user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
			redirect.addFlashAttribute("done", "visit.recorded");
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			redirect.addFlashAttribute("error", this.phrases.problem(ex));
		}
		return "redirect:/field#visit-" + visitId;
	}

	/**
	 * The device's position, as field.js fills it in; empty when the device gave none.
	 */
	record CheckInForm(@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable BigDecimal accuracy) {
	}

	/** What the visit came to. */
	record OutcomeForm(@NotBlank(message = Keys.REQUIRED) @OneOf(VisitOutcome.class) @Nullable String outcome,
			@Size(max = 2000, message = Keys.LENGTH) @Nullable String note, @Amount @Nullable String amount,
			@IsoDate @Nullable String promisedOn, @OneOf(PaymentChannel.class) @Nullable String method,
			@Size(max = 20, message = Keys.LENGTH) @Nullable String chequeNumber,
			@Size(max = 40, message = Keys.LENGTH) @Pattern(regexp = Keys.NO_CONTROLS,
					message = Keys.CONTROLS) @Nullable String receiptNumber) {
	}

	/**
	 * What the field pages show beside a visit: the customer, the account's figures, the
	 * map links, the receipt; and the agent's next unused receipt leaf.
	 */
	@org.springframework.stereotype.Component
	static class Lookups {

		private final Accounts accounts;

		private final CustomerManagement customers;

		private final ReceiptBooks books;

		private final RecordScope scope;

		Lookups(Accounts accounts, CustomerManagement customers, ReceiptBooks books, RecordScope scope) {
			this.accounts = accounts;
			this.customers = customers;
			this.books = books;
			this.scope = scope;
		}

		RecordScope scope() {
			return this.scope;
		}

		Currency currencyOf(VisitView visit) {
			return this.accounts.get(visit.accountId()).currency();
		}

		List<Row> rows(List<VisitView> visits) {
			Map<CustomerId, CustomerView> people = this.customers
				.getAll(visits.stream().map((v) -> new CustomerId(v.customerId())).collect(Collectors.toSet()));
			List<Row> rows = new ArrayList<>();
			for (VisitView visit : visits) {
				AccountView account = this.accounts.get(visit.accountId());
				CustomerView customer = people.get(new CustomerId(visit.customerId()));
				String query = UriUtils.encode((visit.address() == null) ? "" : visit.address(),
						StandardCharsets.UTF_8);
				rows.add(new Row(visit, account, customer, "geo:0,0?q=" + query,
						"https://www.openstreetmap.org/search?query=" + query));
			}
			return rows;
		}

		/**
		 * The first unused leaf of the agent's oldest book with one, as SERIES/NUMBER.
		 */
		@Nullable String nextLeaf(Authentication user) {
			List<ReceiptBookView> books = new ArrayList<>(this.books.list(user.getName(), Actor.of(user)));
			java.util.Collections.reverse(books);
			for (ReceiptBookView book : books) {
				Set<String> written = book.leaves()
					.stream()
					.map(ReceiptBookView.Leaf::number)
					.collect(Collectors.toSet());
				for (int n = book.first(); n <= book.last(); n++) {
					String leaf = book.series() + "/" + n;
					if (!written.contains(leaf)) {
						return leaf;
					}
				}
			}
			return null;
		}

	}

	/**
	 * A visit as the page lists it.
	 *
	 * @param geo a {@code geo:} link the phone's map app opens on the address
	 * @param osm an OpenStreetMap search for the address
	 */
	record Row(VisitView visit, AccountView account, @Nullable CustomerView customer, String geo, String osm) {
	}

}
