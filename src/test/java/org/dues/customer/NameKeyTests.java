package org.dues.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTests {

	@Test
	void aNameInMalayalamDevanagariOrLatinLettersHasOneKey() {
		assertThat(NameKey.of("ശ്രീജ")).isEqualTo("srija");
		assertThat(NameKey.of("श्रीजा")).isEqualTo("srija");
		assertThat(NameKey.of("Sreeja")).isEqualTo("srija");
		assertThat(NameKey.of("SHREEJA")).isEqualTo("srija");
		assertThat(NameKey.of("Srija")).isEqualTo("srija");
	}

	@Test
	void malayalamTwoPartVowelsAndChilluLettersReadAsSpoken() {
		// ICU alone reads മേനോൻ as "mēnēān" + an untouched ൻ
		assertThat(NameKey.of("ലക്ഷ്മി മേനോൻ")).isEqualTo("laksmi menon").isEqualTo(NameKey.of("Lakshmi Menon"));
		assertThat(NameKey.of("സുരേഷ് കുമാർ")).isEqualTo("sures kumar").isEqualTo(NameKey.of("Suresh Kumar"));
		assertThat(NameKey.of("തോമസ്")).isEqualTo(NameKey.of("Thomas"));
		assertThat(NameKey.of("പൗലോസ്")).isEqualTo("paulos");
		assertThat(NameKey.of("അബ്ദുൾ")).isEqualTo("abdul");
	}

	@Test
	void doubledLettersLongVowelsAndAspiratesAreSpelledOneWay() {
		assertThat(NameKey.of("Muhammad")).isEqualTo(NameKey.of("മുഹമ്മദ്")).isEqualTo("muhamad");
		assertThat(NameKey.of("Aadhya")).isEqualTo("adya");
		assertThat(NameKey.of("Poonam")).isEqualTo("punam");
		assertThat(NameKey.of("Bhaskar")).isEqualTo("baskar");
		assertThat(NameKey.of("Waseem")).isEqualTo("vasim");
		// an inherent final vowel stays, so a Latin name is found inside the key
		assertThat(NameKey.of("अभिषेक")).contains(NameKey.of("Abhishek"));
	}

	@Test
	void latinNamesLoseOnlyTheirAccentsAndWhatIsNoLetter() {
		assertThat(NameKey.of("  María   García-López ")).isEqualTo("maria garcialopez");
		assertThat(NameKey.of("0000029")).isEmpty();
	}

}
