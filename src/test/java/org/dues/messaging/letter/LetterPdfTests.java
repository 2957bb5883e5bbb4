package org.dues.messaging.letter;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters in Hindi and Malayalam come out shaped: the glyphs in the PDF are the
 * conjuncts, the reordered vowel signs and the reph, not one glyph per code point. The
 * sample letters are written to {@code target/letters/} to be looked at.
 */
class LetterPdfTests {

	static LetterPdf renderer() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new LetterPdf(messages);
	}

	@Test
	void aConjunctIsOneGlyph() throws IOException {
		// क्षत्रिय: 8 code points; shaped: क्ष, ि (before त्र), त्र, य.
		List<Integer> glyphs = glyphsOf(onlyText("क्षत्रिय"));
		assertThat("क्षत्रिय".codePointCount(0, "क्षत्रिय".length())).isEqualTo(8);
		assertThat(glyphs).hasSize(4);
		// Malayalam ക്ഷ (ka, virama, ssa) is one conjunct glyph.
		assertThat(glyphsOf(onlyText("ക്ഷ"))).hasSize(1);
	}

	@Test
	void theVowelSignIGoesBeforeItsConsonant() throws IOException {
		// The font picks one of several glyphs of ि by the width of what it spans; any of
		// them comes first, the consonant second.
		int ka = glyphId("NotoSansDevanagari-Regular", "क");
		List<Integer> glyphs = glyphsOf(onlyText("कि"));
		assertThat(glyphs).hasSize(2).element(1).isEqualTo(ka);
		assertThat(glyphs.get(0)).isNotEqualTo(ka);
		// Malayalam െ (vowel sign e) is written before its consonant: കെ
		int e = glyphId("NotoSansMalayalam-Regular", "\u0D46");
		int malayalamKa = glyphId("NotoSansMalayalam-Regular", "ക");
		assertThat(glyphsOf(onlyText("കെ"))).containsExactly(e, malayalamKa);
	}

	@Test
	void theRephIsNotAFullRa() throws IOException {
		int ra = glyphId("NotoSansDevanagari-Regular", "र");
		int virama = glyphId("NotoSansDevanagari-Regular", "\u094D");
		List<Integer> glyphs = glyphsOf(onlyText("धर्म"));
		assertThat(glyphs).hasSize(3).doesNotContain(ra, virama);
	}

	@Test
	void samplesInHindiAndMalayalam() throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "letters"));
		for (Letter letter : List.of(SampleLetters.hindi(), SampleLetters.malayalam(), SampleLetters.english())) {
			LetterPdf.Rendered rendered = renderer().render(letter, false);
			Files.write(dir.resolve("sample-" + letter.language() + ".pdf"), rendered.pdf());
			try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
				assertThat(document.getNumberOfPages()).isEqualTo(rendered.pages()).isEqualTo(2);
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("1,23,456.50");
				assertThat(text).contains("en".equals(letter.language()) ? "Page 2 of 2" : "2 / 2");
				// Every font is embedded.
				for (var name : document.getPage(0).getResources().getFontNames()) {
					var font = document.getPage(0).getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
		}
	}

	private static byte[] onlyText(String text) {
		// In English, so that the footer adds no Indic glyph.
		Letter letter = new Letter("en", new Letter.Party("", List.of()), new Letter.Party("", List.of()), "", null, "",
				List.of(new Letter.Paragraph(text)));
		return renderer().render(letter, false).pdf();
	}

	/**
	 * The glyph ids shown in the page in an Indic font: Identity-H, two bytes a glyph.
	 */
	static List<Integer> glyphsOf(byte[] pdf) throws IOException {
		List<Integer> glyphs = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var page = document.getPage(0);
			String font = null;
			List<Object> operands = new ArrayList<>();
			PDFStreamParser parser = new PDFStreamParser(page);
			for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
				if (token instanceof Operator operator) {
					if ("Tf".equals(operator.getName())) {
						font = page.getResources().getFont(((org.apache.pdfbox.cos.COSName) operands.get(0))).getName();
					}
					else if (font != null && (font.contains("Devanagari") || font.contains("Malayalam"))
							&& ("Tj".equals(operator.getName()) || "TJ".equals(operator.getName()))) {
						for (Object operand : operands) {
							strings(operand, glyphs);
						}
					}
					operands.clear();
				}
				else {
					operands.add(token);
				}
			}
		}
		return glyphs;
	}

	private static void strings(Object operand, List<Integer> glyphs) {
		if (operand instanceof COSString string) {
			byte[] bytes = string.getBytes();
			for (int i = 0; i + 1 < bytes.length; i += 2) {
				glyphs.add(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff));
			}
		}
		else if (operand instanceof COSArray array) {
			for (COSBase item : array) {
				strings(item, glyphs);
			}
		}
	}

	private static int glyphId(String font, String character) throws IOException {
		try (InputStream in = LetterPdfTests.class.getResourceAsStream("/fonts/" + font + ".ttf")) {
			Font awt = Font.createFont(Font.TRUETYPE_FONT, in);
			return awt.createGlyphVector(new FontRenderContext(null, false, false), character).getGlyphCode(0);
		}
		catch (java.awt.FontFormatException ex) {
			throw new IOException(ex);
		}
	}

}
