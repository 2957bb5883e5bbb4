package org.dues.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountSearch;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides what each statement entry is, in order: a payment or payment-link reference
 * already in Dues (the payment is already posted, or the link's account is paid), an
 * account reference in the remittance information or end-to-end id, else a virtual
 * account number there ({@link VirtualAccounts}), a UTR that is a payment's reference;
 * else an amount and payer's name that fit an account are only suggested. Every lookup is
 * one statement for the whole file.
 */
@Component
class StatementMatcher {

	private static final Pattern SPLIT = Pattern.compile("[\\s,;:/|()\\[\\]{}'\"]+");

	/** Most name lookups for suggestions per statement: each is a search. */
	static final int SUGGESTION_LOOKUPS = 500;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AccountSearch search;

	private final VirtualAccounts virtualAccounts;

	StatementMatcher(JdbcClient jdbc, Accounts accounts, AccountSearch search, VirtualAccounts virtualAccounts) {
		this.virtualAccounts = virtualAccounts;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.search = search;
	}

	/**
	 * Starts looking up a statement's words as it is read: hand it each line as the
	 * parser makes it, and the creditor once known, then pass it to {@link #match}.
	 */
	Prefetch prefetch() {
		return new Prefetch();
	}

	List<Match> match(CreditorView creditor, List<StatementLine> lines) {
		try (Prefetch prefetch = prefetch()) {
			return match(creditor, lines, prefetch);
		}
	}

	List<Match> match(CreditorView creditor, List<StatementLine> lines, Prefetch prefetch) {
		long t0 = System.nanoTime();
		// the lines the parser did not hand over as it read them (MT940, CSV)
		for (int i = prefetch.tokens.size(); i < lines.size(); i++) {
			prefetch.line(lines.get(i));
		}
		prefetch.creditor(creditor);
		List<String[]> tokens = prefetch.tokens;
		Set<String> words = prefetch.words;
		// each lookup is asked only what it could find: links and virtual accounts have
		// shapes of their own (a quarter to a third of a statement's words at most)
		String[] linkWords = words.stream()
			.map((r) -> r.toUpperCase(Locale.ROOT))
			.filter(PaymentLinks::couldBeReference)
			.distinct()
			.sorted()
			.toArray(String[]::new);
		String[] virtualWords = words.stream()
			.map((r) -> r.toUpperCase(Locale.ROOT))
			.filter(VirtualAccounts::couldBeNumber)
			.distinct()
			.sorted()
			.toArray(String[]::new);
		// the lookups read only committed rows (none of this statement's is written yet)
		// and need none of each other: each runs on a connection of its own, side by side
		Lookups looked;
		try (ExecutorService side = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Timed<Map<String, Link>>> links = side.submit(() -> Timed.of(() -> links(creditor, linkWords)));
			Future<Timed<Map<String, AccountId>>> virtual = side
				.submit(() -> Timed.of(() -> this.virtualAccounts.find(creditor.id(), virtualWords)));
			looked = new Lookups(prefetch.payments(), get(links), get(virtual), prefetch.refs());
		}
		Map<String, Known> payments = looked.payments().value();
		Map<String, Link> links = looked.links().value();
		Map<String, AccountId> virtual = looked.virtual().value();
		Map<String, AccountId> byRef = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		looked.refs().value().stream().filter((m) -> m.creditorCode().equals(creditor.code())).forEach((m) -> {
			if (byRef.put(m.accountRef(), m.id()) != null) {
				ambiguous.add(m.accountRef());
			}
		});
		org.slf4j.LoggerFactory.getLogger(StatementMatcher.class)
			.debug("{} words ({} looked up as they were read): {} ms after reading; payments in {} ms, links in {} ms, virtual accounts in {} ms, accounts in {} ms",
					words.size(), prefetch.early, (System.nanoTime() - t0) / 1_000_000, looked.payments().millis(),
					looked.links().millis(), looked.virtual().millis(), looked.refs().millis());
		List<Match> matches = new ArrayList<>(lines.size());
		int lookups = 0;
		for (int i = 0; i < lines.size(); i++) {
			StatementLine line = lines.get(i);
			String[] t = tokens.get(i);
			if (!line.credit()) {
				matches.add(debit(line, t, payments));
				continue;
			}
			if (line.kind() == StatementLine.EntryKind.RETURN) {
				matches.add(Match.of(EntryOutcome.UNMATCHED, null, "a returned debit: decide it by hand"));
				continue;
			}
			Known own = line.bankReference() == null ? null
					: payments.get(PaymentReferences.bank(line.bankReference()));
			if (own != null) {
				matches
					.add(new Match(EntryOutcome.ALREADY_POSTED, "BANK_REFERENCE", own.account(), null, own.id(), null));
				continue;
			}
			Match found = byPaymentOrLink(line, t, payments, links);
			if (found == null) {
				found = byAccountRef(t, byRef, ambiguous);
			}
			if (found == null && !virtual.isEmpty()) {
				found = byVirtualAccount(t, virtual);
			}
			if (found == null && line.payerName() != null && lookups < SUGGESTION_LOOKUPS) {
				lookups++;
				found = suggestion(creditor, line);
			}
			matches.add(found != null ? found : Match.of(EntryOutcome.UNMATCHED, null, null));
		}
		// what was read for matching is garbage before the posting, which needs the heap
		prefetch.release();
		return matches;
	}

	private Match debit(StatementLine line, String[] t, Map<String, Known> payments) {
		if (line.kind() != StatementLine.EntryKind.RETURN) {
			return Match.of(EntryOutcome.DEBIT, null, null);
		}
		for (String token : t) {
			Known p = payments.get(token);
			if (p == null) {
				p = payments.get(PaymentReferences.bank(token));
			}
			if (p != null) {
				return new Match(EntryOutcome.REVERSED, "RETURNED_PAYMENT", p.account(), null, p.id(), null);
			}
		}
		return Match.of(EntryOutcome.UNMATCHED, null, "a return of no payment known to Dues");
	}

	private static @Nullable Match byPaymentOrLink(StatementLine line, String[] t, Map<String, Known> payments,
			Map<String, Link> links) {
		for (String token : t) {
			Known p = payments.get(token);
			if (p != null) {
				String note = p.amount().compareTo(line.amount()) == 0 ? null
						: "the payment was %s".formatted(p.amount().toPlainString());
				return new Match(EntryOutcome.ALREADY_POSTED, "PAYMENT_REFERENCE", p.account(), null, p.id(), note);
			}
		}
		for (String token : t) {
			Link link = links.get(token.toUpperCase(Locale.ROOT));
			if (link != null) {
				if (link.paid() != null) {
					return new Match(EntryOutcome.ALREADY_POSTED, "LINK_REFERENCE", link.account(), link.id(),
							link.paid(), null);
				}
				return new Match(EntryOutcome.POSTED, "LINK_REFERENCE", link.account(), link.id(), null, null);
			}
		}
		return null;
	}

	private static @Nullable Match byAccountRef(String[] t, Map<String, AccountId> byRef, Set<String> ambiguous) {
		AccountId found = null;
		for (String token : t) {
			AccountId id = byRef.get(token);
			if (id != null && !ambiguous.contains(token)) {
				if (found != null && !found.equals(id)) {
					return Match.of(EntryOutcome.UNMATCHED, null, "names several accounts");
				}
				found = id;
			}
		}
		return found == null ? null : new Match(EntryOutcome.POSTED, "ACCOUNT_REFERENCE", found, null, null, null);
	}

	private static @Nullable Match byVirtualAccount(String[] t, Map<String, AccountId> virtual) {
		AccountId found = null;
		for (String token : t) {
			AccountId id = virtual.get(token.toUpperCase(Locale.ROOT));
			if (id != null) {
				if (found != null && !found.equals(id)) {
					return Match.of(EntryOutcome.UNMATCHED, null, "names several virtual accounts");
				}
				found = id;
			}
		}
		return found == null ? null : new Match(EntryOutcome.POSTED, "VIRTUAL_ACCOUNT", found, null, null, null);
	}

	private @Nullable Match suggestion(CreditorView creditor, StatementLine line) {
		String name = line.payerName();
		if (name == null || name.strip().length() < 3) {
			return null;
		}
		for (AccountView a : this.search.find(name, 0, AccountSearch.Scope.everything()).accounts()) {
			if (!a.creditorId().equals(creditor.id())) {
				continue;
			}
			if (fits(line.amount(), a.overdueAmount()) || fits(line.amount(), a.balances().owed())
					|| (a.installmentAmount() != null && fits(line.amount(), a.installmentAmount()))) {
				return new Match(EntryOutcome.SUGGESTED, "AMOUNT_AND_NAME", a.id(), null, null, null);
			}
		}
		return null;
	}

	private static boolean fits(BigDecimal amount, org.dues.shared.Money money) {
		return money.isPositive() && money.amount().compareTo(amount) == 0;
	}

	private Map<String, Known> payments(CreditorView creditor, String[] refs) {
		Map<String, Known> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT reference, id, account_id, amount FROM payment_payments
				WHERE creditor_id = :creditor AND reference = ANY(:refs)""")
			.param("creditor", creditor.id().value())
			.param("refs", refs)
			.query((rs) -> {
				found.put(rs.getString(1), new Known(new PaymentId(rs.getObject(2, UUID.class)),
						new AccountId(rs.getObject(3, UUID.class)), rs.getBigDecimal(4)));
			});
		return found;
	}

	private Map<String, Link> links(CreditorView creditor, String[] capitalised) {
		Map<String, Link> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT l.reference, l.id, l.account_id,
				    (SELECT p.id FROM payment_payments p WHERE p.link_id = l.id AND p.status = 'POSTED'
				     ORDER BY p.recorded_at LIMIT 1)
				FROM payment_links l WHERE l.creditor_id = :creditor AND l.reference = ANY(:refs)""")
			.param("creditor", creditor.id().value())
			.param("refs", capitalised)
			.query((rs) -> {
				UUID paid = rs.getObject(4, UUID.class);
				found.put(rs.getString(1), new Link(rs.getObject(2, UUID.class),
						new AccountId(rs.getObject(3, UUID.class)), paid == null ? null : new PaymentId(paid)));
			});
		return found;
	}

	static Set<String> tokens(StatementLine line) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : new String[] { line.endToEndId(), line.remittance(), line.bankReference() }) {
			if (text == null) {
				continue;
			}
			for (String token : SPLIT.split(text)) {
				String t = token.strip();
				while (t.endsWith(".") || t.endsWith("-")) {
					t = t.substring(0, t.length() - 1);
				}
				if (t.length() >= 3 && t.length() <= 100) {
					tokens.add(t);
					hyphenated(t, tokens);
				}
			}
			if (text.strip().length() <= 100) {
				tokens.add(text.strip());
			}
		}
		return tokens;
	}

	/**
	 * The runs of a hyphenated word ({@code CR-ACC-12-SURESH} holds {@code ACC-12}), as
	 * banks glue references to their own words.
	 */
	private static void hyphenated(String token, Set<String> tokens) {
		String[] parts = token.split("-");
		if (parts.length < 2 || parts.length > 8) {
			return;
		}
		for (int from = 0; from < parts.length; from++) {
			StringBuilder run = new StringBuilder();
			for (int to = from; to < parts.length; to++) {
				run.append(to > from ? "-" : "").append(parts[to]);
				if (run.length() >= 3 && (from > 0 || to < parts.length - 1)) {
					tokens.add(run.toString());
				}
			}
		}
	}

	/**
	 * A statement's words looked up while the statement is still being read: every
	 * {@value #CHUNK} new words are asked for as accounts' references, and once the
	 * creditor is known as its payments' references, on two connections of their own
	 * beside the reader, so that most of the lookups are done when the last line is read.
	 * The lookups read only committed rows; a statement refused after reading has only
	 * read. Not thread-safe: one reader hands it lines.
	 */
	final class Prefetch implements AutoCloseable {

		/** How many new words make one lookup. */
		static final int CHUNK = 16_384;

		private final ExecutorService side = Executors.newFixedThreadPool(2, Thread.ofVirtual().factory());

		/** Each line's words as an array: a set a line held 100,000 times over. */
		final List<String[]> tokens = new ArrayList<>();

		/**
		 * The words of every line: what may be an account's, a link's or a payment's
		 * reference.
		 */
		final Set<String> words = new HashSet<>();

		/**
		 * What only a payment's reference can be: the bank's own reference of each line
		 * in the form a statement posts it under, and (a return names the payment it
		 * returns by its reference or its bank reference) the bank form of a return's
		 * words.
		 */
		private final Set<String> banked = new HashSet<>();

		private List<String> refsToAsk = new ArrayList<>();

		private List<String> paymentsToAsk = new ArrayList<>();

		private final List<Future<List<Accounts.RefMatch>>> refs = new ArrayList<>();

		private final List<Future<Map<String, Known>>> payments = new ArrayList<>();

		private final java.util.concurrent.atomic.AtomicLong refsNanos = new java.util.concurrent.atomic.AtomicLong();

		private final java.util.concurrent.atomic.AtomicLong paymentsNanos = new java.util.concurrent.atomic.AtomicLong();

		private @Nullable CreditorView creditor;

		/** How many words were asked for before {@link #match}. */
		int early;

		/** Takes a line as it is read. */
		void line(StatementLine line) {
			Set<String> t = tokens(line);
			this.tokens.add(t.toArray(String[]::new));
			for (String word : t) {
				if (this.words.add(word)) {
					this.refsToAsk.add(word);
					this.paymentsToAsk.add(word);
				}
			}
			if (line.bankReference() != null) {
				bank(PaymentReferences.bank(line.bankReference()));
			}
			if (!line.credit() && line.kind() == StatementLine.EntryKind.RETURN) {
				t.forEach((word) -> bank(PaymentReferences.bank(word)));
			}
			if (this.refsToAsk.size() >= CHUNK || this.creditor != null && this.paymentsToAsk.size() >= CHUNK) {
				this.early += this.refsToAsk.size();
				ask();
			}
		}

		private void bank(String reference) {
			if (!this.words.contains(reference) && this.banked.add(reference)) {
				this.paymentsToAsk.add(reference);
			}
		}

		/** The statement's creditor, once known: its payments can be asked for. */
		void creditor(CreditorView creditor) {
			if (this.creditor != null && !this.creditor.id().equals(creditor.id())) {
				throw new IllegalStateException("a statement has one creditor");
			}
			this.creditor = creditor;
		}

		private void ask() {
			List<String> words = this.refsToAsk;
			this.refsToAsk = new ArrayList<>();
			for (List<String> chunk : chunks(words)) {
				this.refs.add(this.side.submit(() -> {
					long start = System.nanoTime();
					List<Accounts.RefMatch> found = StatementMatcher.this.accounts.byRefs(chunk);
					this.refsNanos.addAndGet(System.nanoTime() - start);
					return found;
				}));
			}
			CreditorView of = this.creditor;
			if (of != null) {
				List<String> references = this.paymentsToAsk;
				this.paymentsToAsk = new ArrayList<>();
				for (List<String> chunk : chunks(references)) {
					this.payments.add(this.side.submit(() -> {
						long start = System.nanoTime();
						Map<String, Known> found = StatementMatcher.this.payments(of,
								org.dues.shared.ArrayKeys.texts(chunk));
						this.paymentsNanos.addAndGet(System.nanoTime() - start);
						return found;
					}));
				}
			}
		}

		private static List<List<String>> chunks(List<String> words) {
			List<List<String>> chunks = new ArrayList<>();
			for (int from = 0; from < words.size(); from += CHUNK) {
				chunks.add(words.subList(from, Math.min(words.size(), from + CHUNK)));
			}
			return chunks;
		}

		/** The accounts' references found among the words, all of them asked for. */
		Timed<List<Accounts.RefMatch>> refs() {
			ask();
			List<Accounts.RefMatch> found = new ArrayList<>();
			this.refs.forEach((f) -> found.addAll(get(f)));
			return new Timed<>(found, this.refsNanos.get() / 1_000_000);
		}

		/** The creditor's payments whose references are among the words. */
		Timed<Map<String, Known>> payments() {
			ask();
			Map<String, Known> found = new HashMap<>();
			this.payments.forEach((f) -> found.putAll(get(f)));
			return new Timed<>(found, this.paymentsNanos.get() / 1_000_000);
		}

		/** Lets go of the words and what was found for them, once matched. */
		void release() {
			this.tokens.clear();
			this.words.clear();
			this.banked.clear();
			this.refs.clear();
			this.payments.clear();
			this.refsToAsk = new ArrayList<>();
			this.paymentsToAsk = new ArrayList<>();
		}

		@Override
		public void close() {
			// a lookup under way finishes on its own and gives its connection back
			this.side.shutdownNow();
		}

	}

	/** A payment already in Dues. */
	record Known(PaymentId id, AccountId account, BigDecimal amount) {
	}

	/** A payment link, and its payment when it has one. */
	record Link(UUID id, AccountId account, @Nullable PaymentId paid) {
	}

	/**
	 * The decision on one entry.
	 *
	 * @param outcome {@code POSTED} means "to post" until the payment is posted
	 */
	record Match(EntryOutcome outcome, @Nullable String by, @Nullable AccountId account, @Nullable UUID link,
			@Nullable PaymentId payment, @Nullable String note) {

		static Match of(EntryOutcome outcome, @Nullable AccountId account, @Nullable String note) {
			return new Match(outcome, null, account, null, null, note);
		}

	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while matching a statement", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** A lookup's answer and how long it took. */
	private record Timed<T>(T value, long millis) {

		static <T> Timed<T> of(java.util.function.Supplier<T> lookup) {
			long start = System.nanoTime();
			T value = lookup.get();
			return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
		}

	}

	private record Lookups(Timed<Map<String, Known>> payments, Timed<Map<String, Link>> links,
			Timed<Map<String, AccountId>> virtual, Timed<List<Accounts.RefMatch>> refs) {
	}

}
