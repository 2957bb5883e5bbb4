package org.dues.compliance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code anchor-audit}: anchors the audit trail as it stands, as the periodic writer
 * does; with {@code --reinitialise}, starts the anchor again after it was lost or
 * damaged, once the whole chain checks out, and records that in the trail. Exits 0 when
 * an anchor is in place, 1 when not.
 */
@Component
@ConditionalOnProperty(name = "dues.anchor-audit", havingValue = "true")
class AuditAnchorCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchorCommand.class);

	private final AuditAnchor anchor;

	private final AuditKeyIntroduction introduction;

	private int exitCode = 1;

	AuditAnchorCommand(AuditAnchor anchor, AuditKeyIntroduction introduction) {
		this.anchor = anchor;
		this.introduction = introduction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("reinitialise")) {
			String actor = "operator:" + System.getProperty("user.name", "unknown");
			AuditKeyIntroduction.Outcome outcome = this.introduction.reinitialise(actor);
			this.exitCode = outcome.done() ? 0 : 1;
			if (outcome.done()) {
				log.info("Audit anchor reinitialised ({}): {}", this.anchor.file().toAbsolutePath(), outcome.message());
			}
			else {
				log.error("Audit anchor NOT reinitialised ({}): {}", this.anchor.file().toAbsolutePath(),
						outcome.message());
			}
			return;
		}
		this.exitCode = this.anchor.write().map((written) -> {
			log.info("Audit trail anchored at record {} ({})", written.seq(), this.anchor.file().toAbsolutePath());
			return 0;
		}).orElse(1);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
