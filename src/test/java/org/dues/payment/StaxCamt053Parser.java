package org.dues.payment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written StAX reader that read camt.053 before Prowide's model did, kept as the
 * benchmark's baseline. Reads an ISO 20022 camt.053 statement (any version from .001.02
 * on: only element names are read, not the namespace) in one streaming pass, so a
 * statement of a hundred thousand entries is read in constant memory per entry. Only the
 * first statement ({@code Stmt}) of the file is read; DTDs and external entities are
 * refused.
 */
class StaxCamt053Parser {

	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	ParsedStatement parse(InputStream in) {
		XMLStreamReader xml = null;
		Reading r = new Reading();
		try {
			xml = FACTORY.createXMLStreamReader(in);
			Deque<String> path = new ArrayDeque<>();
			StringBuilder text = new StringBuilder();
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					path.push(name);
					text.setLength(0);
					r.start(name, path, xml);
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					text.append(xml.getText());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					r.end(path, text.toString().strip(), xml.getLocation().getLineNumber());
					path.pop();
					text.setLength(0);
				}
			}
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? -1 : ex.getLocation().getLineNumber();
			throw new UnreadableStatementException("line %d: not well-formed XML".formatted(line));
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ignored) {
					// nothing was written
				}
			}
		}
		return r.statement();
	}

	/** What one pass has read so far. */
	private static final class Reading {

		private boolean seenStatement;

		private boolean inFirst;

		private @Nullable String id;

		private @Nullable String sequence;

		private @Nullable String account;

		private @Nullable String currency;

		private @Nullable LocalDate from;

		private @Nullable LocalDate to;

		private @Nullable BigDecimal opening;

		private @Nullable BigDecimal closing;

		private @Nullable LocalDate openingDate;

		private @Nullable LocalDate closingDate;

		private @Nullable String balanceType;

		private @Nullable BigDecimal balanceAmount;

		private @Nullable String balanceSign;

		private @Nullable LocalDate balanceDate;

		private final List<StatementLine> lines = new ArrayList<>();

		private @Nullable StaxCamtEntry entry;

		void start(String name, Deque<String> path, XMLStreamReader xml) {
			if ("Stmt".equals(name)) {
				this.inFirst = !this.seenStatement;
				this.seenStatement = true;
			}
			if (!this.inFirst) {
				return;
			}
			if ("Ntry".equals(name) && "Stmt".equals(parent(path))) {
				this.entry = new StaxCamtEntry(xml.getLocation().getLineNumber());
			}
			if ("Amt".equals(name) && this.entry != null && "Ntry".equals(parent(path))) {
				this.entry.currency = xml.getAttributeValue(null, "Ccy");
			}
			if ("Amt".equals(name) && this.entry == null && "Bal".equals(parent(path))) {
				this.currency = this.currency == null ? xml.getAttributeValue(null, "Ccy") : this.currency;
			}
			if ("Bal".equals(name)) {
				this.balanceType = null;
				this.balanceAmount = null;
				this.balanceSign = null;
				this.balanceDate = null;
			}
		}

		void end(Deque<String> path, String text, int line) {
			if (!this.inFirst) {
				return;
			}
			String name = path.peek();
			String parent = parent(path);
			StaxCamtEntry e = this.entry;
			if (e != null) {
				e.end(name, parent, path, text, line);
				if ("Ntry".equals(name)) {
					this.lines.add(e.toLine(this.currency));
					this.entry = null;
				}
				return;
			}
			switch (name) {
				case "Id" -> {
					if ("Stmt".equals(parent)) {
						this.id = text;
					}
					else if (path.contains("Acct") && !path.contains("Svcr") && this.account == null) {
						this.account = text;
					}
				}
				case "IBAN" -> this.account = path.contains("Acct") ? text : this.account;
				case "ElctrncSeqNb", "LglSeqNb" -> this.sequence = this.sequence == null ? text : this.sequence;
				case "Ccy" -> this.currency = "Acct".equals(parent) ? text : this.currency;
				case "FrDtTm", "FrDt" -> this.from = date(text, name, line);
				case "ToDtTm", "ToDt" -> this.to = date(text, name, line);
				case "Cd" -> this.balanceType = "CdOrPrtry".equals(parent) ? text : this.balanceType;
				case "Amt" -> this.balanceAmount = "Bal".equals(parent) ? amount(text, line) : this.balanceAmount;
				case "CdtDbtInd" -> this.balanceSign = "Bal".equals(parent) ? text : this.balanceSign;
				case "Dt" -> this.balanceDate = path.contains("Bal") && !text.isEmpty() ? date(text, name, line)
						: this.balanceDate;
				case "Bal" -> balance(line);
				case "Stmt" -> this.inFirst = false;
				default -> {
				}
			}
		}

		private void balance(int line) {
			if (this.balanceAmount == null || this.balanceType == null) {
				throw new UnreadableStatementException("line %d: Bal without Tp/CdOrPrtry/Cd or Amt".formatted(line));
			}
			BigDecimal signed = "DBIT".equals(this.balanceSign) ? this.balanceAmount.negate() : this.balanceAmount;
			if ("OPBD".equals(this.balanceType) || "PRCD".equals(this.balanceType)) {
				this.opening = this.opening == null ? signed : this.opening;
				this.openingDate = this.balanceDate;
			}
			else if ("CLBD".equals(this.balanceType)) {
				this.closing = signed;
				this.closingDate = this.balanceDate;
			}
		}

		ParsedStatement statement() {
			if (!this.seenStatement) {
				throw new UnreadableStatementException("element BkToCstmrStmt/Stmt: no statement in the file");
			}
			if (this.account == null) {
				throw new UnreadableStatementException("element Stmt/Acct/Id: the statement names no account");
			}
			if (this.opening == null || this.closing == null) {
				throw new UnreadableStatementException(
						"element Stmt/Bal: an opening (OPBD) and a closing (CLBD) booked balance are required");
			}
			if (this.currency == null) {
				throw new UnreadableStatementException("element Stmt/Acct/Ccy: the statement names no currency");
			}
			LocalDate start = this.from != null ? this.from : this.openingDate;
			LocalDate end = this.to != null ? this.to : this.closingDate;
			if (start == null || end == null) {
				throw new UnreadableStatementException("element Stmt/FrToDt: the statement's period is missing");
			}
			String number = this.sequence != null ? this.sequence : this.id != null ? this.id : start.toString();
			return new ParsedStatement(StatementFormat.CAMT053, ParsedStatement.account(this.account), number, start,
					end, currency(this.currency, "Ccy"), this.opening, this.closing, List.copyOf(this.lines));
		}

		private static @Nullable String parent(Deque<String> path) {
			var it = path.iterator();
			it.next();
			return it.hasNext() ? it.next() : null;
		}

	}

	static Currency currency(String code, String element) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStatementException("element %s: '%s' is no ISO 4217 currency".formatted(element, code));
		}
	}

	static BigDecimal amount(String text, int line) {
		try {
			BigDecimal amount = new BigDecimal(text);
			if (amount.signum() < 0) {
				throw new UnreadableStatementException("line %d: element Amt is negative".formatted(line));
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new UnreadableStatementException("line %d: element Amt '%s' is no amount".formatted(line, text));
		}
	}

	static LocalDate date(String text, String element, int line) {
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableStatementException(
					"line %d: element %s '%s' is no ISO date".formatted(line, element, text));
		}
	}

}
