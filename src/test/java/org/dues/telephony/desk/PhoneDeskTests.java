package org.dues.telephony.desk;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.dues.IntegrationTest;
import org.dues.telephony.AgentState;
import org.dues.telephony.AgentStates;
import org.dues.telephony.ScreenPops;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's phone panel: the agent goes ready, on a break and offline with its buttons,
 * a state they may not choose is refused and changes nothing, and a screen pop reaches
 * the agent's desk stream through PostgreSQL's NOTIFY.
 */
@IntegrationTest
class PhoneDeskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AgentStates states;

	@Autowired
	ScreenPops pops;

	@Test
	void theAgentChoosesTheirStateAndABadOneChangesNothing() throws Exception {
		this.mvc.perform(get("/desk/phone").with(user("pd-agent").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-phone-state=\"OFFLINE\"")));
		this.mvc.perform(
				post("/desk/phone/state").param("state", "READY").with(csrf()).with(user("pd-agent").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-phone-state=\"READY\"")));
		assertThat(this.states.current("pd-agent").state()).isEqualTo(AgentState.READY);
		this.mvc.perform(
				post("/desk/phone/state").param("state", "ON_CALL").with(csrf()).with(user("pd-agent").roles("AGENT")))
			.andExpect(status().isBadRequest());
		assertThat(this.states.current("pd-agent").state()).isEqualTo(AgentState.READY);
		this.states.claimLongestReady(java.util.List.of("pd-agent"), AgentState.ON_CALL);
		this.mvc.perform(
				post("/desk/phone/state").param("state", "BREAK").with(csrf()).with(user("pd-agent").roles("AGENT")))
			.andExpect(status().isConflict());
		assertThat(this.states.current("pd-agent").state()).isEqualTo(AgentState.ON_CALL);
	}

	@Test
	void aScreenPopReachesTheAgentsDeskStream() throws Exception {
		MvcResult stream = this.mvc.perform(get("/desk/phone/stream").with(user("pd-popped").roles("AGENT")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		MockHttpServletResponse response = stream.getResponse();
		UUID account = UUID.randomUUID();
		UUID call = UUID.randomUUID();
		this.pops.pop("pd-popped", account, call, "OUTBOUND");
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!response.getContentAsString().contains(account.toString()) && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(response.getContentAsString()).contains("event:pop")
			.contains("\"account\":\"" + account + "\"")
			.contains("\"call\":\"" + call + "\"");
		assertThat(this.states.seat("pd-popped").accountId()).isEqualTo(account);
	}

}
