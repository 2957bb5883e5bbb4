package org.dues.messaging.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.Money;

/**
 * Letters in Hindi, Malayalam and English as a creditor would send them, long enough for
 * two pages, with the words that need shaping (conjuncts, vowel signs before their
 * consonant, reph, chillus).
 */
final class SampleLetters {

	private SampleLetters() {
	}

	static Letter hindi() {
		List<Letter.Block> blocks = new ArrayList<>();
		blocks.add(new Letter.Paragraph("प्रिय श्री राजेश कुमार शर्मा,"));
		blocks.add(new Letter.Paragraph(
				"आपके ऋण खाते पर बकाया राशि का विवरण नीचे दिया गया है। कृपया निर्धारित तिथि से पहले "
						+ "भुगतान करें, ताकि अतिरिक्त शुल्क और ब्याज से बचा जा सके। यदि आपने पहले ही भुगतान कर दिया है, तो इस पत्र को "
						+ "अनदेखा करें।"));
		blocks.add(new Letter.Table(List.of(new Letter.Row("मूलधन", LetterFormats.money(inr("115000.00"), "hi"), false),
				new Letter.Row("ब्याज", LetterFormats.money(inr("7456.50"), "hi"), false),
				new Letter.Row("शुल्क", LetterFormats.money(inr("1000.00"), "hi"), false),
				new Letter.Row("कुल बकाया", LetterFormats.money(inr("123456.50"), "hi"), true))));
		blocks.add(new Letter.Heading("भुगतान कैसे करें"));
		for (int i = 0; i < 6; i++) {
			blocks.add(new Letter.Paragraph(
					"आप नेट बैंकिंग, यूपीआई या हमारी किसी भी शाखा में भुगतान कर सकते हैं। क्षत्रिय, "
							+ "धर्म, कर्म, श्रद्धा, द्वार, स्त्री, त्र्यंबक, हृदय और प्रार्थना जैसे शब्द सही रूप में दिखने चाहिए। "
							+ "किसी भी प्रश्न के लिए हमारे ग्राहक सेवा केंद्र से संपर्क करें: 1800-123-4567।"));
		}
		blocks.add(new Letter.Paragraph("भवदीय,"));
		blocks.add(new Letter.Paragraph("वसूली विभाग, कोच्चि फाइनेंस लिमिटेड"));
		return new Letter("hi",
				new Letter.Party("कोच्चि फाइनेंस लिमिटेड", List.of("एम.जी. रोड, एर्णाकुलम", "कोच्चि, केरल 682011")),
				new Letter.Party("श्री राजेश कुमार शर्मा",
						List.of("फ्लैट 12, शांति निकेतन", "सेक्टर 15, द्वारका", "नई दिल्ली, दिल्ली 110075")),
				LetterFormats.date(LocalDate.of(2026, 12, 8), "hi", "INR"), "HL/2024/0001",
				"विषय: आपके ऋण खाते पर बकाया राशि के भुगतान हेतु अनुस्मारक", blocks);
	}

	static Letter malayalam() {
		List<Letter.Block> blocks = new ArrayList<>();
		blocks.add(new Letter.Paragraph("പ്രിയപ്പെട്ട ശ്രീമതി ലക്ഷ്മി നായർ,"));
		blocks.add(new Letter.Paragraph("നിങ്ങളുടെ വായ്പാ അക്കൗണ്ടിൽ കുടിശ്ശികയായ തുകയുടെ വിശദാംശങ്ങൾ താഴെ നൽകുന്നു. "
				+ "അധിക പിഴയും പലിശയും ഒഴിവാക്കാൻ നിശ്ചിത തീയതിക്ക് മുമ്പ് പണമടയ്ക്കുക. നിങ്ങൾ ഇതിനകം പണമടച്ചിട്ടുണ്ടെങ്കിൽ "
				+ "ഈ കത്ത് അവഗണിക്കുക."));
		blocks.add(new Letter.Table(List.of(new Letter.Row("മുതൽ", LetterFormats.money(inr("115000.00"), "ml"), false),
				new Letter.Row("പലിശ", LetterFormats.money(inr("7456.50"), "ml"), false),
				new Letter.Row("ഫീസ്", LetterFormats.money(inr("1000.00"), "ml"), false),
				new Letter.Row("ആകെ കുടിശ്ശിക", LetterFormats.money(inr("123456.50"), "ml"), true))));
		blocks.add(new Letter.Heading("എങ്ങനെ പണമടയ്ക്കാം"));
		for (int i = 0; i < 6; i++) {
			blocks.add(new Letter.Paragraph(
					"നെറ്റ് ബാങ്കിംഗ്, യുപിഐ, അല്ലെങ്കിൽ ഞങ്ങളുടെ ഏതെങ്കിലും ശാഖയിൽ നിങ്ങൾക്ക് പണമടയ്ക്കാം. "
							+ "ക്ഷമ, പ്രശ്നം, സ്ത്രീ, കൃഷ്ണൻ, അവൾ, അവർ, എന്റെ, ശ്രദ്ധ എന്നീ വാക്കുകൾ ശരിയായി കാണണം. "
							+ "സംശയങ്ങൾക്ക് ഞങ്ങളുടെ ഉപഭോക്തൃ സേവന കേന്ദ്രവുമായി ബന്ധപ്പെടുക: 1800-123-4567."));
		}
		blocks.add(new Letter.Paragraph("വിശ്വസ്തതയോടെ,"));
		blocks.add(new Letter.Paragraph("വീണ്ടെടുക്കൽ വിഭാഗം, കൊച്ചി ഫിനാൻസ് ലിമിറ്റഡ്"));
		return new Letter("ml",
				new Letter.Party("കൊച്ചി ഫിനാൻസ് ലിമിറ്റഡ്", List.of("എം.ജി. റോഡ്, എറണാകുളം", "കൊച്ചി, കേരളം 682011")),
				new Letter.Party("ശ്രീമതി ലക്ഷ്മി നായർ",
						List.of("തെക്കേമഠം വീട്", "പാലാരിവട്ടം", "കൊച്ചി, കേരളം 682025")),
				LetterFormats.date(LocalDate.of(2026, 12, 8), "ml", "INR"), "HL/2024/0002",
				"വിഷയം: നിങ്ങളുടെ വായ്പാ അക്കൗണ്ടിലെ കുടിശ്ശിക അടയ്ക്കുന്നതിനുള്ള ഓർമ്മപ്പെടുത്തൽ", blocks);
	}

	static Letter english() {
		List<Letter.Block> blocks = new ArrayList<>();
		blocks.add(new Letter.Paragraph("Dear Mr Sharma,"));
		blocks.add(new Letter.Table(
				List.of(new Letter.Row("Principal", LetterFormats.money(inr("115000.00"), "en"), false),
						new Letter.Row("Total due", LetterFormats.money(inr("123456.50"), "en"), true))));
		for (int i = 0; i < 30; i++) {
			blocks.add(new Letter.Paragraph("You can pay by net banking, UPI or at any of our branches. "
					+ "For any question, call our customer service centre on 1800-123-4567."));
		}
		return new Letter("en", new Letter.Party("Kochi Finance Ltd", List.of("M.G. Road, Ernakulam", "Kochi 682011")),
				new Letter.Party("Rajesh Kumar Sharma", List.of("Flat 12, Shanti Niketan", "New Delhi 110075")),
				LetterFormats.date(LocalDate.of(2026, 12, 8), "en", "INR"), "HL/2024/0001", "Payment reminder", blocks);
	}

	private static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

}
