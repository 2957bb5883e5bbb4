package org.dues.shared;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTests {

	@Test
	void aFormulaComesBackAsTextQuoted() {
		StringBuilder out = new StringBuilder();
		new SpreadsheetCsv(out).row(Arrays.asList("A-1", "=HYPERLINK(\"http://evil.example/\",\"click\")", null, "ok"));
		assertThat(out).hasToString("A-1,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",,ok\r\n");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", quoteCharacter = '"',
			value = { "=1+1|'=1+1", "+1+cmd|'+1+cmd", "-2+3|'-2+3", "@SUM(A1:A9)|'@SUM(A1:A9)", "-1250.50|-1250.50",
					"+919847012345|+919847012345", "1,23,456.50|1,23,456.50", "Nair|Nair", "a=b|a=b" })
	void cellsThatWouldBeFormulasAreNeutralisedAndNumbersAreNot(String cell, String shown) {
		assertThat(SpreadsheetCsv.neutralize(cell)).isEqualTo(shown);
	}

	@Test
	void aTabOrCarriageReturnFirstIsNeutralisedToo() {
		assertThat(SpreadsheetCsv.neutralize("\t=1")).isEqualTo("'\t=1");
		StringBuilder out = new StringBuilder();
		new SpreadsheetCsv(out).row(Arrays.asList("\r=1", "x"));
		assertThat(out).hasToString("\"'\r=1\",x\r\n");
	}

}
