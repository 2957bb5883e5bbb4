package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.dues.payment.Camt053Parser.Model;
import org.jspecify.annotations.Nullable;

/**
 * One camt.053 {@code Ntry} as Prowide's model reads it (a {@code ReportEntryN} of the
 * statement's version), made into a statement line.
 */
final class ProwideEntry {

	/** ISO bank transaction sub-families that return an earlier payment. */
	private static final Set<String> RETURNS = Set.of("RRTN", "ARET", "UPCT", "RPCR");

	private final Object entry;

	private final int line;

	ProwideEntry(Object entry, int line) {
		this.entry = entry;
		this.line = line;
	}

	StatementLine toLine(@Nullable String statementCurrency) {
		Object n = this.entry;
		BigDecimal amount = (BigDecimal) Model.get(n, "Amt", "Value");
		if (amount == null) {
			throw new UnreadableStatementException("line %d: element Ntry/Amt is missing".formatted(this.line));
		}
		Camt053Parser.positive(amount, this.line);
		String sign = Model.code(Model.get(n, "CdtDbtInd"));
		if (!"CRDT".equals(sign) && !"DBIT".equals(sign)) {
			throw new UnreadableStatementException(
					"line %d: element Ntry/CdtDbtInd must be CRDT or DBIT".formatted(this.line));
		}
		String currency = (String) Model.get(n, "Amt", "Ccy");
		if (currency != null && statementCurrency != null && !currency.equals(statementCurrency)) {
			throw new UnreadableStatementException("line %d: element Ntry/Amt is in %s, the statement in %s"
				.formatted(this.line, currency, statementCurrency));
		}
		LocalDate value = Model.choiceDate(Model.get(n, "ValDt"));
		LocalDate date = value != null ? value : Model.choiceDate(Model.get(n, "BookgDt"));
		if (date == null) {
			throw new UnreadableStatementException("line %d: element Ntry/ValDt is missing".formatted(this.line));
		}
		String bankReference = (String) Model.get(n, "AcctSvcrRef");
		boolean reversal = Boolean.TRUE.equals(Model.get(n, "RvslInd"));
		Codes codes = new Codes();
		codes.read(Model.get(n, "BkTxCd"));
		String endToEndId = null;
		String payerName = null;
		String payerAccount = null;
		boolean returnInfo = false;
		StringBuilder remittance = new StringBuilder();
		for (Object details : Model.list(n, "NtryDtls")) {
			for (Object tx : Model.list(details, "TxDtls")) {
				if (bankReference == null) {
					bankReference = (String) Model.get(tx, "Refs", "AcctSvcrRef");
				}
				String e2e = (String) Model.get(tx, "Refs", "EndToEndId");
				if (e2e != null) {
					endToEndId = "NOTPROVIDED".equals(e2e.strip()) ? null : e2e.strip();
				}
				if (payerName == null) {
					payerName = name(Model.get(tx, "RltdPties", "Dbtr"));
				}
				if (payerAccount == null) {
					payerAccount = account(Model.get(tx, "RltdPties", "DbtrAcct"));
				}
				codes.read(Model.get(tx, "BkTxCd"));
				Object info = Model.get(tx, "RmtInf");
				for (Object text : Model.list(info, "Ustrd")) {
					append(remittance, (String) text);
				}
				for (Object structured : Model.list(info, "Strd")) {
					append(remittance, (String) Model.get(structured, "CdtrRefInf", "Ref"));
				}
				returnInfo |= Model.get(tx, "RtrInf") != null;
				append(remittance, (String) Model.get(tx, "AddtlTxInf"));
			}
		}
		append(remittance, (String) Model.get(n, "AddtlNtryInf"));
		StatementLine.EntryKind kind = StatementLine.EntryKind.TRANSFER;
		if (returnInfo || (codes.subFamily != null && RETURNS.contains(codes.subFamily)) || reversal) {
			kind = StatementLine.EntryKind.RETURN;
		}
		else if ("CHRG".equals(codes.subFamily) || "CHRG".equals(codes.family)) {
			kind = StatementLine.EntryKind.CHARGE;
		}
		String code = codes.family == null ? codes.proprietary
				: codes.family + (codes.subFamily == null ? "" : "/" + codes.subFamily);
		return new StatementLine(this.line, "CRDT".equals(sign), kind, amount, date, strip(bankReference), endToEndId,
				strip(payerName), strip(payerAccount), remittance.isEmpty() ? null : remittance.toString(), code);
	}

	/** A party's name: {@code Nm} itself (.02 to .07) or in its {@code Pty} (.08 on). */
	private static @Nullable String name(@Nullable Object party) {
		Object name = Model.get(party, "Nm");
		return (String) (name != null ? name : Model.get(party, "Pty", "Nm"));
	}

	private static @Nullable String account(@Nullable Object account) {
		Object iban = Model.get(account, "Id", "IBAN");
		Object other = Model.get(account, "Id", "Othr", "Id");
		String id = (String) (iban != null ? iban : other);
		return id == null || id.isBlank() ? null : id;
	}

	private static void append(StringBuilder to, @Nullable String text) {
		if (text == null) {
			return;
		}
		if (!to.isEmpty()) {
			to.append(' ');
		}
		to.append(text.strip());
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null ? null : text.strip();
	}

	/** The bank transaction code; a transaction's own overrides the entry's. */
	private static final class Codes {

		@Nullable String family;

		@Nullable String subFamily;

		@Nullable String proprietary;

		void read(@Nullable Object code) {
			if (code == null) {
				return;
			}
			String fmly = (String) Model.get(code, "Domn", "Fmly", "Cd");
			String sub = (String) Model.get(code, "Domn", "Fmly", "SubFmlyCd");
			String prtry = (String) Model.get(code, "Prtry", "Cd");
			this.family = fmly != null ? fmly : this.family;
			this.subFamily = sub != null ? sub : this.subFamily;
			this.proprietary = prtry != null ? prtry : this.proprietary;
		}

	}

}
