package org.dues.payment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated camt.053 statements for tests and the benchmark: credits that name an
 * account's reference in their remittance text, with whole-rupee amounts, balanced.
 */
public final class CamtFiles {

	private CamtFiles() {
	}

	/**
	 * A statement of {@code entries} credits, each to a random one of the accounts, with
	 * bank references unique to the statement's number.
	 */
	public static byte[] credits(String iban, String number, List<String> accountRefs, int entries, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder body = new StringBuilder(entries * 700);
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < entries; i++) {
			BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(4900)).setScale(2);
			total = total.add(amount);
			String ref = accountRefs.get(random.nextInt(accountRefs.size()));
			body.append(
					"""
							      <Ntry>
							        <Amt Ccy="INR">%s</Amt>
							        <CdtDbtInd>CRDT</CdtDbtInd>
							        <Sts><Cd>BOOK</Cd></Sts>
							        <BookgDt><Dt>2026-11-25</Dt></BookgDt>
							        <ValDt><Dt>2026-11-25</Dt></ValDt>
							        <AcctSvcrRef>UTR%s%08d</AcctSvcrRef>
							        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
							        <NtryDtls><TxDtls>
							          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
							          <RltdPties><Dbtr><Pty><Nm>PAYER %d</Nm></Pty></Dbtr></RltdPties>
							          <RmtInf><Ustrd>EMI LOAN NO %s</Ustrd></RmtInf>
							        </TxDtls></NtryDtls>
							      </Ntry>
							"""
						.formatted(amount.toPlainString(), number, i, i, ref));
		}
		String head = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
				  <BkToCstmrStmt>
				    <GrpHdr><MsgId>GEN-%1$s</MsgId><CreDtTm>2026-11-26T06:00:00+05:30</CreDtTm></GrpHdr>
				    <Stmt>
				      <Id>%1$s</Id>
				      <ElctrncSeqNb>%1$s</ElctrncSeqNb>
				      <FrToDt><FrDtTm>2026-11-25T00:00:00+05:30</FrDtTm><ToDtTm>2026-11-25T23:59:59+05:30</ToDtTm></FrToDt>
				      <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>INR</Ccy></Acct>
				      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="INR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-25</Dt></Dt></Bal>
				      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="INR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-25</Dt></Dt></Bal>
				"""
			.formatted(number, iban, total.toPlainString());
		return (head + body + "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n").getBytes(StandardCharsets.UTF_8);
	}

	/** Parses a camt.053 file alone (the benchmark's baseline); the number of entries. */
	public static int parse(byte[] file) {
		return new Camt053Parser().parse(new ByteArrayInputStream(file)).lines().size();
	}

}
