package org.dues.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a realistic Indian lender's allocation file: BOM and CRLF, quoted names with
 * commas, Malayalam, Devanagari and Latin names, amounts in Indian grouping, phones in
 * the forms people write them, and about one row in fifty bad in some way.
 */
final class AllocationFileGenerator {

	static final String HEADER = "account_ref,customer_ref,customer_name,currency,principal_outstanding,"
			+ "interest_outstanding,fees_outstanding,total_outstanding,overdue_amount,oldest_due_date,product,"
			+ "phone_1,phone_2,email,address_line1,city,state,postal_code,language";

	private static final List<String> MALAYALAM = List.of("അനിൽ കുമാർ", "ശ്രീജ നായർ", "ബിജു ജോർജ്", "ലക്ഷ്മി മേനോൻ",
			"മുഹമ്മദ് ബഷീർ");

	private static final List<String> HINDI = List.of("राहुल शर्मा", "सुनीता देवी", "अमित वर्मा", "प्रिया सिंह",
			"विकास गुप्ता");

	private static final List<String> LATIN = List.of("Nair, Sreeja", "Thomas Mathew", "Rahul Sharma", "Fathima Beevi",
			"Anjali Menon");

	private static final List<String[]> PLACES = List.of(new String[] { "Kollam", "KL", "691001", "0474" },
			new String[] { "Kochi", "KL", "682001", "0484" }, new String[] { "Lucknow", "UP", "226001", "0522" },
			new String[] { "Jaipur", "RJ", "302001", "0141" });

	private AllocationFileGenerator() {
	}

	static Path write(Path file, int rows, long seed) throws IOException {
		return write(file, rows, seed, true);
	}

	/**
	 * As {@link #write(Path, int, long)}; without faults every row is valid (the random
	 * sequence, and so every other value, stays the same).
	 */
	static Path write(Path file, int rows, long seed, boolean faults) throws IOException {
		Files.createDirectories(file.getParent());
		Random random = new Random(seed);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			out.write(HEADER);
			out.write("\r\n");
			for (int n = 1; n <= rows; n++) {
				out.write(row(n, random, faults));
				out.write("\r\n");
			}
		}
		return file;
	}

	private static String row(int n, Random random, boolean faults) {
		String[] place = PLACES.get(random.nextInt(PLACES.size()));
		int script = random.nextInt(3);
		String name = switch (script) {
			case 0 -> MALAYALAM.get(random.nextInt(MALAYALAM.size()));
			case 1 -> HINDI.get(random.nextInt(HINDI.size()));
			default -> LATIN.get(random.nextInt(LATIN.size()));
		};
		long principalPaise = 1_000_000L + (long) (random.nextDouble() * 900_000_000L);
		long interestPaise = principalPaise / 100 * random.nextInt(12);
		long feesPaise = 25_000L * random.nextInt(4);
		long totalPaise = principalPaise + interestPaise + feesPaise;
		int dpd = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(200);
		long overduePaise = dpd == 0 ? 0 : Math.min(totalPaise, principalPaise / 24 * (1 + dpd / 30));
		String due = dpd == 0 ? "" : java.time.LocalDate.of(2026, 11, 26).minusDays(dpd).toString();
		String accountRef = "MFL" + String.format("%09d", n);
		String customerRef = "C" + String.format("%08d", n - (n % 7 == 0 ? 1 : 0));
		String mobile = (random.nextBoolean() ? "98" : "94") + String.format("%08d", random.nextInt(100_000_000));
		String phone1 = switch (random.nextInt(3)) {
			case 0 -> mobile.substring(0, 5) + " " + mobile.substring(5);
			case 1 -> "+91-" + mobile.substring(0, 5) + "-" + mobile.substring(5);
			default -> mobile;
		};
		String phone2 = random.nextInt(3) == 0 ? place[3] + " 2" + String.format("%06d", random.nextInt(1_000_000))
				: "";
		int fault = faults ? random.nextInt(50) : 50 + random.nextInt(50);
		String currency = "INR";
		String principal = rupees(principalPaise, random.nextBoolean());
		if (fault == 0) {
			principal = "-" + principal;
		}
		else if (fault == 1) {
			currency = "USD";
		}
		else if (fault == 2) {
			phone1 = "12345";
		}
		String total = fault == 3 ? rupees(totalPaise + 100, false) : rupees(totalPaise, false);
		return String.join(",", accountRef, customerRef, csv(name), currency, csv(principal),
				csv("₹" + rupees(interestPaise, true)), rupees(feesPaise, false), csv(total),
				csv(rupees(overduePaise, true)), due, "Personal loan", csv(phone1), csv(phone2),
				"c" + n + "@example.in", csv(n + ", MG Road"), place[0], place[1], place[2],
				script == 0 ? "ml" : script == 1 ? "hi" : "en");
	}

	/** Paise as rupees, in Indian grouping ({@code 1,23,456.50}) or plain. */
	static String rupees(long paise, boolean grouped) {
		String plain = (paise / 100) + "." + String.format("%02d", paise % 100);
		if (!grouped || paise < 100_000) {
			return plain;
		}
		String whole = Long.toString(paise / 100);
		StringBuilder out = new StringBuilder(whole.substring(whole.length() - 3));
		String rest = whole.substring(0, whole.length() - 3);
		while (rest.length() > 2) {
			out.insert(0, rest.substring(rest.length() - 2) + ",");
			rest = rest.substring(0, rest.length() - 2);
		}
		if (!rest.isEmpty()) {
			out.insert(0, rest + ",");
		}
		return out + "." + String.format("%02d", paise % 100);
	}

	private static String csv(String value) {
		return (value.contains(",") || value.contains("\"")) ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
