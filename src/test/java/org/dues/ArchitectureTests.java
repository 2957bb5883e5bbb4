package org.dues;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules of CONVENTIONS.md that the compiler cannot check.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.dues");

	@Test
	void timeComesFromTheInjectedClock() {
		ArchRule rule = noClasses().should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(java.time.OffsetDateTime.class, "now")
			.orShould()
			.callMethod(java.time.ZonedDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.because("time comes from an injected Clock (DESIGN.md invariant 4)");
		rule.check(CLASSES);
	}

	@Test
	void moneyIsNeverADouble() {
		noClasses().should()
			.callConstructor(java.math.BigDecimal.class, double.class)
			.orShould()
			.callMethod(java.math.BigDecimal.class, "valueOf", double.class)
			.because("money is exact")
			.check(CLASSES);
	}

	@Test
	void noCodePathReachesAChannelAdapterWithoutPassingTheGate() {
		// only OutboundContacts hands work to an adapter, and only it can make the
		// ClearedContact an adapter takes, which it does after an allowed decision
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.dues.contact.OutboundContacts")
			.should()
			.callMethodWhere(JavaCall.Predicates
				.target(HasOwner.Predicates.With
					.<JavaClass>owner(JavaClass.Predicates.assignableTo(org.dues.contact.ChannelAdapter.class)))
				.and(JavaCall.Predicates.target(HasName.Predicates.name("deliver"))))
			.because("every outbound contact passes the compliance gate (DESIGN.md invariant 3)")
			.check(CLASSES);
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.dues.contact.OutboundContacts")
			.should()
			.callConstructor(org.dues.contact.ClearedContact.class, java.util.UUID.class, java.util.UUID.class,
					org.dues.compliance.Channel.class, String.class, String.class)
			.because("a ClearedContact is made only after the gate allowed the contact")
			.check(CLASSES);
	}

	@Test
	void thePagesModelIsNotComputedForTheApi() {
		// @RestController is a @Controller: an advice for every @Controller would fill a
		// page's model (who is logged in, the navigation's links) on every API request
		java.util.List<String> wrong = new java.util.ArrayList<>();
		for (JavaClass advice : CLASSES) {
			if (!advice.isAnnotatedWith(org.springframework.web.bind.annotation.ControllerAdvice.class)) {
				continue;
			}
			boolean fillsModel = advice.getMethods()
				.stream()
				.anyMatch((m) -> m.isAnnotatedWith(org.springframework.web.bind.annotation.ModelAttribute.class));
			var annotation = advice.reflect()
				.getAnnotation(org.springframework.web.bind.annotation.ControllerAdvice.class);
			var applies = org.springframework.web.method.HandlerTypePredicate.builder()
				.basePackage(annotation.basePackages())
				.basePackageClass(annotation.basePackageClasses())
				.assignableType(annotation.assignableTypes())
				.annotation(annotation.annotations())
				.build();
			if (!fillsModel) {
				continue;
			}
			for (JavaClass api : CLASSES) {
				if (api.isAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
						&& applies.test(api.reflect())) {
					wrong.add(advice.getSimpleName() + " on " + api.getSimpleName());
				}
			}
		}
		org.assertj.core.api.Assertions.assertThat(wrong)
			.as("advices filling a page's model that also apply to the API's controllers")
			.isEmpty();
	}

}
