package org.dues.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dues.shared.Phrase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every phrase the rules give, in every scenario of every jurisdiction, says itself in
 * English, Hindi and Malayalam with its arguments, and names no key that is missing.
 */
class RuleTextsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	@ParameterizedTest
	@ValueSource(strings = { "en", "hi", "ml" })
	void everyRulePhraseIsSaidInEveryLanguage(String language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setUseCodeAsDefaultMessage(false);
		Locale locale = Locale.forLanguageTag(language);
		List<Phrase> phrases = phrases();
		assertThat(phrases).hasSizeGreaterThan(60);
		for (Phrase phrase : phrases) {
			String said = say(messages, phrase, locale);
			assertThat(said).as(phrase.key()).isNotBlank().doesNotContain("{0").doesNotContain("''");
		}
	}

	private static String say(ResourceBundleMessageSource messages, Phrase phrase, Locale locale) {
		if (phrase.joined()) {
			return String.join(phrase.separator(),
					phrase.arguments().stream().map((p) -> say(messages, (Phrase) p, locale)).toList());
		}
		Object[] arguments = phrase.arguments()
			.stream()
			.map((a) -> (a instanceof Phrase p) ? say(messages, p, locale)
					: (a instanceof LocalDate d) ? d.toString() : a)
			.toArray();
		return messages.getMessage(phrase.key(), arguments, locale);
	}

	private static List<Phrase> phrases() {
		List<Phrase> phrases = new ArrayList<>();
		Limitation limitation = new Limitation();
		for (String code : List.of("IN", "GB", "GB-SCT", "GB-NIR", "US", "US-NY", "DE")) {
			Jurisdiction jurisdiction = Jurisdiction.of(code);
			BusinessCalendar calendar = BusinessCalendar.of(jurisdiction);
			ComplaintDeadlines complaint = ComplaintDeadlines.compute(jurisdiction, TODAY, calendar);
			complaint.all().forEach((d) -> phrases.addAll(List.of(d.title(), d.why())));
			complaint.ombudsmanWording().ifPresent(phrases::add);
			for (LocalDate sent : new LocalDate[] { null, TODAY.minusDays(10), TODAY.minusDays(90) }) {
				DisputeDeadlines dispute = DisputeDeadlines.assess(jurisdiction, TODAY, sent, calendar);
				phrases.add(dispute.why());
				dispute.all().forEach((d) -> phrases.addAll(List.of(d.title(), d.why())));
			}
			List<Limitation.Assessment> assessments = new ArrayList<>();
			assessments
				.add(limitation.assess(new LimitationFacts(jurisdiction, TODAY.minusYears(1), null, null), TODAY));
			assessments.add(limitation
				.assess(new LimitationFacts(jurisdiction, TODAY.minusYears(9), TODAY.minusYears(1), null), TODAY));
			for (Limitation.Assessment assessment : assessments) {
				phrases.add(assessment.reason());
				for (Proceeding proceeding : Proceeding.values()) {
					phrases.add(proceeding.title());
					for (LegalFacts facts : List.of(LegalFacts.on(TODAY),
							LegalFacts.on(TODAY).chequeReturned(TODAY.minusDays(3)).secured(TODAY.minusDays(30)),
							LegalFacts.on(TODAY)
								.chequeReturned(TODAY.minusDays(20))
								.noticeSent(TODAY.minusDays(18))
								.noticeReceived(TODAY.minusDays(15))
								.letter(TODAY, false),
							LegalFacts.on(TODAY).chequeReturned(TODAY.minusDays(40)),
							LegalFacts.on(TODAY)
								.chequeReturned(TODAY.minusDays(120))
								.noticeSent(TODAY.minusDays(100))
								.noticeReceived(TODAY.minusDays(95)),
							LegalFacts.on(TODAY).secured(null))) {
						LegalDecision decision = LegalClocks.decide(proceeding, jurisdiction, facts, assessment,
								calendar);
						if (decision instanceof LegalDecision.Proceed proceed) {
							proceed.stages().forEach((d) -> phrases.addAll(List.of(d.title(), d.why())));
						}
						else if (decision instanceof LegalDecision.Refused refused) {
							phrases.add(refused.reason());
						}
					}
				}
			}
		}
		phrases.add(Days.business(1).said());
		phrases.add(Days.calendar(0).said());
		return phrases;
	}

}
