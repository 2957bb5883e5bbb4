package org.dues;

import com.tngtech.archunit.core.domain.JavaClasses;
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

}
