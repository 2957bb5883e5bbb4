package org.dues.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * camt.053 read through Prowide's ISO 20022 model, versions .02 and .08 as banks send
 * them, against the hand-written reader it replaced (which must read the same lines).
 */
class Camt053ParserTests {

	private static String resource(String name) throws IOException {
		return new ClassPathResource("payment/" + name).getContentAsString(StandardCharsets.UTF_8);
	}

	private static ParsedStatement prowide(String xml) {
		return new Camt053Parser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static ParsedStatement stax(String xml) {
		return new StaxCamt053Parser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String version08() throws IOException {
		return resource("statement.camt053.xml").replace("${NUMBER}", "301")
			.replace("${N}", "C1")
			.replace("${IBAN}", "IN55HDFC0001234567890")
			.replace("${CLOSING}", "61261.00")
			.replace("${ACCOUNT1}", "ACC-1")
			.replace("${ACCOUNT2}", "ACC-2")
			.replace("${GATEWAY}", "pay_G1")
			.replace("${PAYER}", "DEVIKA C1")
			.replace("${LINK}", "PL-LINK")
			.replace("${CHEQUE}", "CHQ-9");
	}

	@Test
	void readsVersion08AsTheHandWrittenReaderDid() throws IOException {
		ParsedStatement s = prowide(version08());
		assertThat(s).isEqualTo(stax(version08()));
		assertThat(s.bankAccount()).isEqualTo("IN55HDFC0001234567890");
		assertThat(s.number()).isEqualTo("301");
		assertThat(s.from()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(s.opening()).isEqualByComparingTo("50000.00");
		assertThat(s.closing()).isEqualByComparingTo("61261.00");
		assertThat(s.lines()).hasSize(8);
		StatementLine first = s.lines().get(0);
		assertThat(first.endToEndId()).isEqualTo("ACC-1");
		assertThat(first.payerName()).isEqualTo("SURESH BABU");
		assertThat(first.payerAccount()).isEqualTo("50100012345678");
		assertThat(first.bankReference()).isEqualTo("UTRC10001");
		assertThat(first.bankCode()).isEqualTo("RCDT/ESCT");
		assertThat(s.lines().get(1).endToEndId()).isNull();
		assertThat(s.lines().get(1).remittance()).isEqualTo("EMI NOV LOAN NO ACC-2 THANKS");
		assertThat(s.lines().get(5).remittance()).isEqualTo("PL-LINK");
		assertThat(s.lines().get(6).kind()).isEqualTo(StatementLine.EntryKind.CHARGE);
		assertThat(s.lines().get(6).credit()).isFalse();
		assertThat(s.lines().get(7).kind()).isEqualTo(StatementLine.EntryKind.RETURN);
		assertThat(s.lines().get(7).endToEndId()).isEqualTo("CHQ-9");
		assertThat(s.lines().get(7).line()).isEqualTo(lineOf(version08(), "RTNC10008") - 6);
	}

	@Test
	void readsVersion02AndOnlyTheFirstStatement() throws IOException {
		String xml = resource("statement.camt053v02.xml");
		ParsedStatement s = prowide(xml);
		assertThat(s).isEqualTo(stax(xml));
		assertThat(s.bankAccount()).isEqualTo("50200099887766");
		assertThat(s.number()).isEqualTo("0077");
		assertThat(s.from()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(s.to()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(s.opening()).isEqualByComparingTo("-100.00");
		assertThat(s.lines()).hasSize(3);
		StatementLine credit = s.lines().get(0);
		assertThat(credit.payerName()).isEqualTo("LATHA MENON");
		assertThat(credit.payerAccount()).isEqualTo("IN12HDFC0000111122223333");
		assertThat(credit.remittance()).isEqualTo("LOAN ACC-0201 NEFT");
		assertThat(credit.endToEndId()).isEqualTo("E2E-0201");
		assertThat(s.lines().get(1).kind()).isEqualTo(StatementLine.EntryKind.CHARGE);
		assertThat(s.lines().get(1).valueDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(s.lines().get(1).remittance()).isEqualTo("SMS CHARGES");
		StatementLine reversal = s.lines().get(2);
		assertThat(reversal.kind()).isEqualTo(StatementLine.EntryKind.RETURN);
		assertThat(reversal.bankReference()).isEqualTo("R0203");
		assertThat(reversal.bankCode()).isEqualTo("NRTI");
		assertThat(reversal.endToEndId()).isNull();
		assertThat(s.opening().add(s.credits()).subtract(s.debits())).isEqualByComparingTo(s.closing());
	}

	@Test
	void readsAGeneratedStatementEntryForEntryAsBefore() {
		List<String> refs = IntStream.range(0, 50).mapToObj((i) -> "ACC" + i).toList();
		String xml = new String(CamtFiles.credits("IN00TEST0000000001", "9001", refs, 2_000, 7),
				StandardCharsets.UTF_8);
		ParsedStatement s = prowide(xml);
		assertThat(s.lines()).hasSize(2_000);
		assertThat(s).isEqualTo(stax(xml));
	}

	@Test
	void namesTheElementAndLineThatDoesNotParse() throws IOException {
		String badAmount = version08().replace("<Amt Ccy=\"INR\">999.00</Amt>", "<Amt Ccy=\"INR\">9x9.00</Amt>");
		int line = lineOf(badAmount, "9x9.00");
		assertThatThrownBy(() -> prowide(badAmount)).isInstanceOf(UnreadableStatementException.class)
			.hasMessageContaining("line %d: element Amt '9x9.00' is no amount".formatted(line));
		String badDate = version08().replace("<ValDt><Dt>2026-11-25</Dt></ValDt>\n        <AcctSvcrRef>UTRC10005",
				"<ValDt><Dt>2026-11-31</Dt></ValDt>\n        <AcctSvcrRef>UTRC10005");
		assertThatThrownBy(() -> prowide(badDate)).isInstanceOf(UnreadableStatementException.class)
			.hasMessageContaining("element Dt '2026-11-31' is no ISO date");
		String negative = version08().replace("<Amt Ccy=\"INR\">999.00</Amt>", "<Amt Ccy=\"INR\">-999.00</Amt>");
		assertThatThrownBy(() -> prowide(negative)).hasMessageContaining("element Amt is negative");
		String sign = version08().replace("<CdtDbtInd>DBIT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>",
				"<CdtDbtInd>DEBIT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>");
		assertThatThrownBy(() -> prowide(sign)).hasMessageContaining("element Ntry/CdtDbtInd must be CRDT or DBIT");
		String dollars = version08().replace("<Amt Ccy=\"INR\">999.00</Amt>", "<Amt Ccy=\"USD\">999.00</Amt>");
		assertThatThrownBy(() -> prowide(dollars))
			.hasMessageContaining("element Ntry/Amt is in USD, the statement in INR");
		assertThatThrownBy(() -> prowide("<Document><BkToCstmrStmt><Stmt>"))
			.isInstanceOf(UnreadableStatementException.class)
			.hasMessageContaining("line 1");
		assertThatThrownBy(() -> prowide(version08().replace("camt.053.001.08", "camt.053.001.99")))
			.hasMessageContaining("camt.053.001.99 is not a version");
		assertThatThrownBy(() -> prowide(version08().replace("<Cd>CLBD</Cd>", "<Cd>CLAV</Cd>")))
			.hasMessageContaining("a closing (CLBD) booked balance");
		String broken = version08().replace("<Ustrd>INVOICE 4471</Ustrd>", "<Ustrd>INVOICE 4471</Ustr>");
		assertThatThrownBy(() -> prowide(broken)).isInstanceOf(UnreadableStatementException.class)
			.hasMessageContaining("line %d: not well-formed XML".formatted(lineOf(broken, "INVOICE 4471")));
	}

	@Test
	void refusesExternalEntities() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>";
		assertThatThrownBy(() -> prowide(xxe)).isInstanceOf(UnreadableStatementException.class);
	}

	private static int lineOf(String text, String needle) {
		return (int) text.substring(0, text.indexOf(needle)).chars().filter((c) -> c == '\n').count() + 1;
	}

}
