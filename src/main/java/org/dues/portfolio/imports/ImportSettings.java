package org.dues.portfolio.imports;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How imports run ({@code dues.imports.*}; the file retention and purge are read where
 * they are used).
 *
 * @param twoSessions whether an import that creates accounts may write them in a second
 * database session committed with its own in two phases: {@code auto} (the default) when
 * the server allows it, {@code off} never; docs/imports.md, "Two sessions, one commit"
 */
@ConfigurationProperties("dues.imports")
public record ImportSettings(@Nullable TwoSessions twoSessions) {

	public ImportSettings {
		if (twoSessions == null) {
			twoSessions = TwoSessions.AUTO;
		}
	}

	/** Whether imports may write new accounts in a second session. */
	public enum TwoSessions {

		/**
		 * When the server allows prepared transactions, the role may switch row triggers
		 * off and the handover schema exists; otherwise one session.
		 */
		AUTO,

		/** Always one session. */
		OFF

	}

}
