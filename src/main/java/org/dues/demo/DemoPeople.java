package org.dues.demo;

import java.util.List;
import java.util.Random;

/**
 * Places and numbers for demo customers in Kerala, North India and several US states, in
 * the formats people really use; their names come from {@link DemoNames}.
 */
final class DemoPeople {

	/** city, state, PIN or ZIP prefix, STD or area codes. */
	record Place(String city, String state, String postal, List<String> codes) {
	}

	static final List<Place> KERALA = List.of(new Place("Thiruvananthapuram", "KL", "6950", List.of("471")),
			new Place("Kollam", "KL", "6910", List.of("474")), new Place("Kochi", "KL", "6820", List.of("484")),
			new Place("Kozhikode", "KL", "6730", List.of("495")), new Place("Thrissur", "KL", "6800", List.of("487")),
			new Place("Kottayam", "KL", "6860", List.of("481")));

	static final List<Place> NORTH = List.of(new Place("New Delhi", "DL", "1100", List.of("11")),
			new Place("Lucknow", "UP", "2260", List.of("522")), new Place("Jaipur", "RJ", "3020", List.of("141")),
			new Place("Patna", "BR", "8000", List.of("612")), new Place("Kanpur", "UP", "2080", List.of("512")),
			new Place("Chandigarh", "CH", "1600", List.of("172")));

	static final List<Place> US = List.of(new Place("New York", "NY", "100", List.of("212", "718", "917")),
			new Place("Los Angeles", "CA", "900", List.of("213", "310")),
			new Place("Houston", "TX", "770", List.of("713", "832")),
			new Place("Miami", "FL", "331", List.of("305", "786")),
			new Place("Chicago", "IL", "606", List.of("312", "773")),
			new Place("Boston", "MA", "021", List.of("617", "857")), new Place("Atlanta", "GA", "303", List.of("404")),
			new Place("Phoenix", "AZ", "850", List.of("602")));

	/**
	 * Where the predictive campaign's customers live: spread over the US zones from
	 * Puerto Rico to Guam, so that at almost any hour some of them are inside the 8 am to
	 * 9 pm the gate allows (only 11:00 to 12:00 UTC is nobody's), and the demo's dialer
	 * has someone to call whenever it is tried.
	 */
	static final List<Place> US_AROUND_THE_CLOCK = List.of(new Place("San Juan", "PR", "009", List.of("787", "939")),
			new Place("New York", "NY", "100", List.of("212", "718", "917")),
			new Place("Los Angeles", "CA", "900", List.of("213", "310")),
			new Place("Anchorage", "AK", "995", List.of("907")), new Place("Honolulu", "HI", "968", List.of("808")),
			new Place("Hagåtña", "GU", "969", List.of("671477", "671472", "671688")));

	static final List<String> US_STREETS = List.of("Main St", "Oak Ave", "Maple Dr", "Washington Blvd", "Lakeview Rd",
			"2nd St", "Park Ave", "Sunset Blvd");

	static final List<String> IN_STREETS = List.of("MG Road", "Station Road", "Temple Road", "Market Road",
			"Gandhi Nagar", "Civil Lines", "Nehru Street");

	private DemoPeople() {
	}

	static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	static String digits(Random random, int count) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			out.append(random.nextInt(10));
		}
		return out.toString();
	}

	/**
	 * An Indian mobile written as people do: {@code 98470 12345} or
	 * {@code +91-94470-22222}.
	 */
	static String indianMobile(Random random) {
		String number = pick(random, List.of("98", "94", "97", "81", "70", "99", "63")) + digits(random, 8);
		return random.nextBoolean() ? number.substring(0, 5) + " " + number.substring(5)
				: "+91-" + number.substring(0, 5) + "-" + number.substring(5);
	}

	/** A landline with its STD code: {@code 0474 2751234}. */
	static String indianLandline(Random random, Place place) {
		String code = place.codes().get(0);
		return "0" + code + " 2" + digits(random, 9 - code.length());
	}

	/** A US number: {@code (212) 555-0143} style, with a real area code. */
	/**
	 * A US number: the place's area code and a random exchange, or, where the place gives
	 * six digits (Guam's numbers are valid only in some exchanges), its area code and
	 * exchange.
	 */
	static String usPhone(Random random, Place place) {
		String code = pick(random, place.codes());
		String exchange = (code.length() == 6) ? code.substring(3) : (2 + random.nextInt(8)) + digits(random, 2);
		return "(" + code.substring(0, 3) + ") " + exchange + "-" + digits(random, 4);
	}

	/**
	 * A PAN-shaped id (five letters, the fourth P for a person, four digits, a letter)
	 * for demo customer {@code n}; from its own generator, so the demo's other draws stay
	 * as they were.
	 */
	static String pan(int n) {
		java.util.Random r = new java.util.Random(7_000_000L + n);
		StringBuilder pan = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			pan.append((char) ('A' + r.nextInt(26)));
		}
		pan.append('P').append((char) ('A' + r.nextInt(26)));
		pan.append(String.format("%04d", r.nextInt(10_000))).append((char) ('A' + r.nextInt(26)));
		return pan.toString();
	}

	/**
	 * An SSN-shaped id for demo customer {@code n}, in the 9xx area the Social Security
	 * Administration never issues, so no demo id is a real person's.
	 */
	static String ssn(int n) {
		java.util.Random r = new java.util.Random(9_000_000L + n);
		return String.format("9%02d-%02d-%04d", r.nextInt(100), 10 + r.nextInt(89), 1 + r.nextInt(9_999));
	}

}
