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
 * @param chunkRows how many rows the reader checks and hands over at a time (5000); the
 * import's progress moves a chunk at a time
 */
@ConfigurationProperties("dues.imports")
public record ImportSettings(@Nullable TwoSessions twoSessions, @Nullable Integer chunkRows) {

	public ImportSettings {
		if (twoSessions == null) {
			twoSessions = TwoSessions.AUTO;
		}
		if (chunkRows == null) {
			chunkRows = ImportReader.CHUNK;
		}
		if (chunkRows < 1) {
			throw new IllegalArgumentException("dues.imports.chunk-rows must be at least 1");
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
