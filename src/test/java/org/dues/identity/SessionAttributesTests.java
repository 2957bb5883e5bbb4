package org.dues.identity;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session that both add the same attribute (fragments of a page
 * loaded side by side, each finding the lead's floor zone) both save: the second one's
 * value is kept, where the plain insert failed it with a duplicate key.
 */
@IntegrationTest
class SessionAttributesTests {

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void twoRequestsAddingTheSameAttributeBothSave() {
		race(this.sessions);
	}

	private static <S extends Session> void race(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		S first = sessions.findById(session.getId());
		S second = sessions.findById(session.getId());
		first.setAttribute("org.dues.system.FloorZone", java.time.ZoneId.of("Asia/Kolkata"));
		second.setAttribute("org.dues.system.FloorZone", java.time.ZoneId.of("America/New_York"));
		sessions.save(first);
		sessions.save(second);
		java.time.ZoneId kept = sessions.findById(session.getId()).getAttribute("org.dues.system.FloorZone");
		assertThat(kept).isEqualTo(java.time.ZoneId.of("America/New_York"));
		sessions.deleteById(session.getId());
	}

}
