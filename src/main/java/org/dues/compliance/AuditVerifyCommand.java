package org.dues.compliance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code verify-audit}: walks the audit trail and reports the first broken link or the
 * tail missing against the anchor; the process exits 0 when the chain is intact and 1
 * when it is not. It reads the key and the anchor where Dues keeps them and never creates
 * either.
 */
@Component
@ConditionalOnProperty(name = "dues.verify-audit", havingValue = "true")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

	private final AuditTrail audit;

	private int exitCode = 1;

	AuditVerifyCommand(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		AuditTrail.Verification result = this.audit.verify();
		this.exitCode = result.intact() ? 0 : 1;
		if (result.intact()) {
			log.info("Audit trail intact: {}", result.message());
		}
		else if (result.firstBroken() != null) {
			log.error("Audit trail BROKEN at record {}: {} ({} records before it chain correctly)",
					result.firstBroken(), result.message(), result.checked());
		}
		else {
			log.error("Audit trail NOT VERIFIED: {} ({} records chain correctly)", result.message(), result.checked());
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
