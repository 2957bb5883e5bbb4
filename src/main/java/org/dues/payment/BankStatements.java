package org.dues.payment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports bank statements (camt.053, MT940, CSV through a mapping profile) and reconciles
 * them: checks that the file parses, balances and is no repeat, matches each entry
 * ({@link StatementMatcher}), posts matched credits as payments (idempotent by the bank's
 * transaction id), reverses the payments that returns return, and lists debits and
 * charges. Everything happens in one transaction: a refused file changes nothing.
 */
@Service
public class BankStatements {

	private static final Logger log = LoggerFactory.getLogger(BankStatements.class);

	private final JdbcClient jdbc;

	private final Creditors creditors;

	private final CreditorBankAccounts bankAccounts;

	private final StatementMappings mappings;

	private final StatementMatcher matcher;

	private final StatementPosting posting;

	private final StatementReads reads;

	private final Clock clock;

	BankStatements(JdbcClient jdbc, Creditors creditors, CreditorBankAccounts bankAccounts, StatementMappings mappings,
			StatementMatcher matcher, StatementPosting posting, StatementReads reads, Clock clock) {
		this.jdbc = jdbc;
		this.creditors = creditors;
		this.bankAccounts = bankAccounts;
		this.mappings = mappings;
		this.matcher = matcher;
		this.posting = posting;
		this.reads = reads;
		this.clock = clock;
	}

	/**
	 * Imports and reconciles a statement. The same statement again (same bank account,
	 * number and period) returns the first one's report and changes nothing.
	 * @param format the file's format; detected from its content when null
	 * @param mapping a CSV mapping profile's name (required for CSV)
	 * @param creditorCode the creditor; when null, the creditor whose bank account the
	 * statement is
	 * @throws UnreadableStatementException naming the line or element that does not parse
	 * @throws UnbalancedStatementException with the figures
	 */
	@Transactional
	public Imported importStatement(byte[] file, @Nullable StatementFormat format, @Nullable String mapping,
			@Nullable String creditorCode, @Nullable String fileName, Actor actor) {
		UnappliedCash.permitted(actor);
		if (file.length == 0) {
			throw new InvalidInputException("file", "is empty", Phrase.of("recon.problem.emptyFile"));
		}
		long started = System.nanoTime();
		StatementFormat kind = format != null ? format : detect(file);
		CreditorView named = creditorCode == null || creditorCode.isBlank() ? null
				: this.creditors.findByCode(creditorCode.strip())
					.orElseThrow(() -> new InvalidInputException("creditor", "no creditor '%s'".formatted(creditorCode),
							Phrase.of("recon.problem.noCreditor", creditorCode)));
		// the statement's words are looked up as it is read
		try (StatementMatcher.Prefetch prefetch = this.matcher.prefetch()) {
			if (named != null) {
				prefetch.creditor(named);
			}
			return importStatement(file, kind, mapping, named, fileName, actor, prefetch, started);
		}
	}

	private Imported importStatement(byte[] file, StatementFormat kind, @Nullable String mapping,
			@Nullable CreditorView named, @Nullable String fileName, Actor actor, StatementMatcher.Prefetch prefetch,
			long started) {
		ParsedStatement parsed = parse(file, kind, mapping, named, prefetch);
		CreditorView creditor = creditorOf(parsed, named);
		long read = System.nanoTime();
		int digits = Math.max(parsed.currency().getDefaultFractionDigits(), 0);
		for (StatementLine line : parsed.lines()) {
			if (line.amount().stripTrailingZeros().scale() > digits) {
				throw new UnreadableStatementException("line %d: amount %s has more decimals than %s allows"
					.formatted(line.line(), line.amount().toPlainString(), parsed.currency()));
			}
		}
		if (!parsed.currency().equals(creditor.currency())) {
			throw new InvalidInputException("file",
					"the statement is in %s but creditor %s keeps accounts in %s".formatted(parsed.currency(),
							creditor.code(), creditor.currency()),
					Phrase.of("recon.problem.currency", parsed.currency().getCurrencyCode(), creditor.code(),
							creditor.currency().getCurrencyCode()));
		}
		if (parsed.opening() != null && parsed.closing() != null
				&& parsed.opening().add(parsed.credits()).subtract(parsed.debits()).compareTo(parsed.closing()) != 0) {
			throw new UnbalancedStatementException(parsed.opening(), parsed.credits(), parsed.debits(),
					parsed.closing());
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "statement/" + parsed.bankAccount() + "/" + parsed.number())
			.query(Object.class)
			.single();
		Optional<UUID> earlier = this.jdbc.sql("""
				SELECT id FROM payment_statements WHERE bank_account = :account AND statement_number = :number
				AND period_from = :from AND period_to = :to""")
			.param("account", parsed.bankAccount())
			.param("number", parsed.number())
			.param("from", parsed.from())
			.param("to", parsed.to())
			.query(UUID.class)
			.optional();
		if (earlier.isPresent()) {
			return new Imported(this.reads.report(earlier.get()), false);
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment_statements (id, creditor_id, format, bank_account, statement_number, period_from,
				    period_to, currency, opening_balance, closing_balance, credits, debits, file_name, imported_at,
				    imported_by)
				VALUES (:id, :creditor, :format, :account, :number, :from, :to, :currency, :opening, :closing,
				    :credits, :debits, :file, :now, :who)""")
			.param("id", id)
			.param("creditor", creditor.id().value())
			.param("format", parsed.format().name())
			.param("account", parsed.bankAccount())
			.param("number", parsed.number())
			.param("from", parsed.from())
			.param("to", parsed.to())
			.param("currency", parsed.currency().getCurrencyCode())
			.param("opening", parsed.opening())
			.param("closing", parsed.closing())
			.param("credits", parsed.credits())
			.param("debits", parsed.debits())
			.param("file", fileName)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("who", actor.name())
			.update();
		long checked = System.nanoTime();
		List<StatementMatcher.Match> matches = this.matcher.match(creditor, parsed.lines(), prefetch);
		long matched = System.nanoTime();
		this.posting.record(id, creditor, parsed, matches, actor);
		long recorded = System.nanoTime();
		StatementReport report = this.reads.report(id);
		log.debug(
				"Statement {} of {} entries: read in {} ms, checked in {} ms, matched in {} ms, posted and recorded in {} ms, reported in {} ms",
				parsed.number(), parsed.lines().size(), (read - started) / 1_000_000, (checked - read) / 1_000_000,
				(matched - checked) / 1_000_000, (recorded - matched) / 1_000_000,
				(System.nanoTime() - recorded) / 1_000_000);
		return new Imported(report, true);
	}

	/** A statement's report, or {@link org.dues.shared.NotFoundException}. */
	public StatementReport report(UUID id) {
		return this.reads.report(id);
	}

	/** The statement's entries in file order, only the open ones when asked. */
	public List<StatementEntryView> entries(UUID id, boolean openOnly) {
		this.reads.report(id);
		return this.reads.entries(id, openOnly);
	}

	/** The latest statements, newest first. */
	public List<StatementReport> latest(int limit) {
		return this.reads.latest(limit);
	}

	private ParsedStatement parse(byte[] file, StatementFormat kind, @Nullable String mapping,
			@Nullable CreditorView named, StatementMatcher.Prefetch prefetch) {
		return switch (kind) {
			// the creditor whose bank account it is, as soon as the statement names it
			case CAMT053 -> new Camt053Parser().parse(new ByteArrayInputStream(file), (account) -> {
				if (named == null) {
					this.bankAccounts.find(account)
						.ifPresent((a) -> prefetch.creditor(this.creditors.get(a.creditor())));
				}
			}, prefetch::line);
			case MT940 -> new Mt940Parser().parse(new String(file, StandardCharsets.UTF_8));
			case CSV -> {
				if (mapping == null || mapping.isBlank()) {
					throw new InvalidInputException("mapping", "a CSV statement needs a mapping profile",
							Phrase.of("recon.problem.csvMapping"));
				}
				if (named == null) {
					throw new InvalidInputException("creditor",
							"a CSV statement names no bank account: name the creditor",
							Phrase.of("recon.problem.csvCreditor"));
				}
				StatementMapping profile = this.mappings.find(mapping.strip())
					.orElseThrow(
							() -> new InvalidInputException("mapping", "no mapping profile '%s'".formatted(mapping),
									Phrase.of("recon.problem.noMapping", mapping)));
				Optional<CreditorBankAccounts.BankAccount> account = this.bankAccounts.of(named.id())
					.stream()
					.findFirst();
				yield new CsvStatementParser().parse(file, profile,
						account.map(CreditorBankAccounts.BankAccount::identifier).orElse("CSV" + named.code()),
						named.currency());
			}
		};
	}

	private CreditorView creditorOf(ParsedStatement parsed, @Nullable CreditorView named) {
		Optional<CreditorBankAccounts.BankAccount> account = this.bankAccounts.find(parsed.bankAccount());
		if (named != null) {
			if (account.isPresent() && !account.get().creditor().equals(named.id())) {
				throw new ConflictException(
						"bank account %s is another creditor's than %s".formatted(parsed.bankAccount(), named.code()),
						Phrase.of("recon.problem.otherCreditorsAccount", parsed.bankAccount(), named.code()));
			}
			return named;
		}
		return account.map((a) -> this.creditors.get(a.creditor()))
			.orElseThrow(() -> new InvalidInputException("creditor",
					"no creditor has bank account %s: name the creditor or record the account on one"
						.formatted(parsed.bankAccount()),
					Phrase.of("recon.problem.unknownBankAccount", parsed.bankAccount())));
	}

	static StatementFormat detect(byte[] file) {
		String head = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.UTF_8).strip();
		if (head.startsWith("\uFEFF")) {
			head = head.substring(1).strip();
		}
		if (head.startsWith("<")) {
			if (head.contains("camt.053") || head.contains("BkToCstmrStmt")) {
				return StatementFormat.CAMT053;
			}
			throw new UnreadableStatementException("line 1: an XML file that is no camt.053 statement");
		}
		if (head.contains(":20:") && (head.contains(":60F:") || head.contains(":25:")) || head.startsWith("{1:")) {
			return StatementFormat.MT940;
		}
		return StatementFormat.CSV;
	}

	/**
	 * A statement's report, and whether this import made it (false: a repeat).
	 */
	public record Imported(StatementReport report, boolean created) {
	}

}
