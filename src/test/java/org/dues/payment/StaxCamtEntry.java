package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Deque;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** One camt.053 {@code Ntry} as its elements are read. */
final class StaxCamtEntry {

	/** ISO bank transaction sub-families that return an earlier payment. */
	private static final Set<String> RETURNS = Set.of("RRTN", "ARET", "UPCT", "RPCR");

	private final int line;

	@Nullable String currency;

	private @Nullable BigDecimal amount;

	private @Nullable String sign;

	private boolean reversal;

	private boolean returnInfo;

	private @Nullable LocalDate valueDate;

	private @Nullable LocalDate bookingDate;

	private @Nullable String bankReference;

	private @Nullable String endToEndId;

	private @Nullable String payerName;

	private @Nullable String payerAccount;

	private final StringBuilder remittance = new StringBuilder();

	private @Nullable String family;

	private @Nullable String subFamily;

	private @Nullable String proprietary;

	StaxCamtEntry(int line) {
		this.line = line;
	}

	void end(String name, @Nullable String parent, Deque<String> path, String text, int at) {
		switch (name) {
			case "Amt" -> {
				if ("Ntry".equals(parent)) {
					this.amount = StaxCamt053Parser.amount(text, at);
				}
			}
			case "CdtDbtInd" -> this.sign = "Ntry".equals(parent) ? text : this.sign;
			case "RvslInd" -> this.reversal = "true".equalsIgnoreCase(text);
			case "Dt", "DtTm" -> {
				if ("ValDt".equals(parent)) {
					this.valueDate = StaxCamt053Parser.date(text, "ValDt", at);
				}
				else if ("BookgDt".equals(parent)) {
					this.bookingDate = StaxCamt053Parser.date(text, "BookgDt", at);
				}
			}
			case "AcctSvcrRef" -> this.bankReference = this.bankReference == null ? text : this.bankReference;
			case "EndToEndId" -> this.endToEndId = "NOTPROVIDED".equals(text) ? null : text;
			case "Nm" -> {
				if (path.contains("Dbtr") && !path.contains("UltmtDbtr") && this.payerName == null) {
					this.payerName = text;
				}
			}
			case "IBAN", "Id" -> {
				if (path.contains("DbtrAcct") && this.payerAccount == null && !text.isEmpty()) {
					this.payerAccount = text;
				}
			}
			case "Ustrd", "Ref", "AddtlTxInf", "AddtlNtryInf" -> {
				if ("Ustrd".equals(name) || "AddtlTxInf".equals(name) || "AddtlNtryInf".equals(name)
						|| path.contains("CdtrRefInf")) {
					if (!this.remittance.isEmpty()) {
						this.remittance.append(' ');
					}
					this.remittance.append(text);
				}
			}
			case "RtrInf" -> this.returnInfo = true;
			case "Cd" -> {
				if ("Fmly".equals(parent)) {
					this.family = text;
				}
				else if ("Prtry".equals(parent) && path.contains("BkTxCd")) {
					this.proprietary = text;
				}
			}
			case "SubFmlyCd" -> this.subFamily = text;
			default -> {
			}
		}
	}

	StatementLine toLine(@Nullable String statementCurrency) {
		if (this.amount == null) {
			throw new UnreadableStatementException("line %d: element Ntry/Amt is missing".formatted(this.line));
		}
		if (!"CRDT".equals(this.sign) && !"DBIT".equals(this.sign)) {
			throw new UnreadableStatementException(
					"line %d: element Ntry/CdtDbtInd must be CRDT or DBIT".formatted(this.line));
		}
		if (this.currency != null && statementCurrency != null && !this.currency.equals(statementCurrency)) {
			throw new UnreadableStatementException("line %d: element Ntry/Amt is in %s, the statement in %s"
				.formatted(this.line, this.currency, statementCurrency));
		}
		LocalDate date = this.valueDate != null ? this.valueDate : this.bookingDate;
		if (date == null) {
			throw new UnreadableStatementException("line %d: element Ntry/ValDt is missing".formatted(this.line));
		}
		boolean credit = "CRDT".equals(this.sign);
		StatementLine.EntryKind kind = StatementLine.EntryKind.TRANSFER;
		if (this.returnInfo || (this.subFamily != null && RETURNS.contains(this.subFamily)) || this.reversal) {
			kind = StatementLine.EntryKind.RETURN;
		}
		else if ("CHRG".equals(this.subFamily) || "CHRG".equals(this.family)
				|| "CCRD".equals(this.family) && "CHRG".equals(this.subFamily)) {
			kind = StatementLine.EntryKind.CHARGE;
		}
		String code = this.family == null ? this.proprietary
				: this.family + (this.subFamily == null ? "" : "/" + this.subFamily);
		return new StatementLine(this.line, credit, kind, this.amount, date, this.bankReference, this.endToEndId,
				this.payerName, this.payerAccount, this.remittance.isEmpty() ? null : this.remittance.toString(), code);
	}

}
