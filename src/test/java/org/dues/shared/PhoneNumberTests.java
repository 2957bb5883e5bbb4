package org.dues.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumberTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "98470 12345|IN|+919847012345|MOBILE", "+91-94470-22222|IN|+919447022222|MOBILE",
					"0474 2751234|IN|+914742751234|FIXED_LINE", "011 2345 6789|IN|+911123456789|FIXED_LINE",
					"(212) 736-5000|US|+12127365000|FIXED_LINE_OR_MOBILE",
					"+44 20 7946 0018|IN|+442079460018|FIXED_LINE" })
	void readsNumbersAsPeopleWriteThem(String text, String region, String e164, PhoneType type) {
		PhoneNumber phone = PhoneNumber.parse(text, region);
		assertThat(phone.e164()).isEqualTo(e164);
		assertThat(phone.type()).isEqualTo(type);
	}

	@Test
	void knowsTheTimeZonesANumberMayBeIn() {
		assertThat(PhoneNumber.parse("98470 12345", "IN").timeZones()).containsExactly("Asia/Kolkata");
		assertThat(PhoneNumber.parse("(212) 736-5000", "US").timeZones()).containsExactly("America/New_York");
		assertThat(PhoneNumber.parse("(212) 736-5000", "US").region()).isEqualTo("US");
		assertThat(PhoneNumber.parse("98470 12345", "IN").international()).isEqualTo("+91 98470 12345");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "not a number", "98470 1234", "+91 00000 00000", " " })
	void refusesWhatIsNotAValidNumber(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse(text, "IN"));
	}

	@ParameterizedTest
	@CsvSource({ "98470 12345,IN", "+91 98470 12345,US", "(212) 736-5000,US", "020 7946 0958,GB",
			"+1 617 555 0100,IN" })
	void theCanonicalFormIsTheParsedNumbersOwn(String text, String region) {
		assertThat(PhoneNumber.e164(text, region)).isEqualTo(PhoneNumber.parse(text, region).e164());
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "+91 12345", "not a number", " " })
	void theCanonicalFormRefusesWhatParsingRefuses(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse(text, "IN"));
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.e164(text, "IN"));
	}

	@Test
	void emailAndPostalAddressValidateThemselves() {
		assertThat(EmailAddress.of(" Anil@Example.IN ").value()).isEqualTo("Anil@example.in");
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("anil@"));
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("a..b@example.com"));
		assertThat(new PostalAddress("1 MG Road", " ", "Kochi", "KL", "682001", "in").oneLine())
			.isEqualTo("1 MG Road, Kochi, KL, 682001, IN");
		assertThatIllegalArgumentException().isThrownBy(() -> new PostalAddress(null, null, null, null, null, "XX"));
	}

	@Test
	void theInternationalFormOfAStoredNumberIsTheParsedNumbersInOneParse() {
		for (String e164 : java.util.List.of("+919847012345", "+14155550123", "+447911123456", "+390612345678",
				"+914742123456")) {
			assertThat(PhoneNumber.international(e164, "ZZ")).isEqualTo(PhoneNumber.parse(e164, "ZZ").international());
		}
		assertThat(PhoneNumber.international("+919847012345", "ZZ")).isEqualTo("+91 98470 12345");
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.international("not a number", "ZZ"));
	}

}
