package org.dues.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's web sessions when their rights change. Sessions live in PostgreSQL
 * (Spring Session JDBC), so deleting them there ends them on every node at once; the next
 * request with such a session's cookie is sent to the login page. Deletion waits for the
 * change to commit, so a login in between cannot keep the old rights.
 */
@Component
class SessionTermination {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SessionTermination(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the user. */
	void endAll(String username) {
		endExcept(username, null);
	}

	/** Ends every session of the user but the one given (the one they are using). */
	void endExcept(String username, @Nullable String keep) {
		Runnable end = () -> this.sessions.ifAvailable((repository) -> delete(repository, username, keep));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					end.run();
				}
			});
		}
		else {
			end.run();
		}
	}

	private static <S extends Session> void delete(FindByIndexNameSessionRepository<S> repository, String username,
			@Nullable String keep) {
		for (String id : repository.findByPrincipalName(username).keySet()) {
			if (!id.equals(keep)) {
				repository.deleteById(id);
			}
		}
	}

}
