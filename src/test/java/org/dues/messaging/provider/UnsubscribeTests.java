package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import org.dues.compliance.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One-click unsubscribe (RFC 8058): a link only Dues can make opens to its address.
 */
class UnsubscribeTests {

	static final String ASSOCIATED = "messaging.unsubscribe";

	RecordingReports reports = new RecordingReports();

	UnsubscribeLinks links = links(cipher());

	MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new UnsubscribeController(this.links, reports(this.reports)),
				new UnsubscribePages(this.links, reports(this.reports)))
		.build();

	static DeterministicAead cipher() {
		try {
			DeterministicAeadConfig.register();
			return KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV)
				.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static UnsubscribeLinks links(DeterministicAead cipher) {
		return new UnsubscribeLinks(new PublicUrl("https://dues.example.com", 8080), (address) -> {
			try {
				return cipher.encryptDeterministically(address.getBytes(StandardCharsets.UTF_8),
						ASSOCIATED.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}, (sealed) -> {
			try {
				return new String(cipher.decryptDeterministically(sealed, ASSOCIATED.getBytes(StandardCharsets.UTF_8)),
						StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	static org.springframework.beans.factory.ObjectProvider<ProviderReports> reports(ProviderReports reports) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("reports", reports);
		return beans.getBeanProvider(ProviderReports.class);
	}

	@Test
	void theLinkIsThePublicUrlAndATokenThatHidesTheAddress() {
		String url = this.links.url("Lakshmi@Example.in");

		assertThat(url).startsWith("https://dues.example.com/unsubscribe/").doesNotContainIgnoringCase("lakshmi");
		assertThat(this.links.url("lakshmi@example.in")).isEqualTo(url);
		assertThat(this.links.address(url.substring(url.lastIndexOf('/') + 1))).contains("lakshmi@example.in");
	}

	@Test
	void aOneClickPostOptsTheAddressOutOfEmail() throws Exception {
		String token = this.links.token("lakshmi@example.in");

		this.mvc
			.perform(post("/unsubscribe/{token}", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());

		assertThat(this.reports.optOuts).containsExactly(
				new RecordingReports.OptOut(Channel.EMAIL, "lakshmi@example.in", "one-click unsubscribe (RFC 8058)"));
	}

	@Test
	void theLinkOpenedInABrowserAsksFirstAndStopsEmailOnlyWhenConfirmed() throws Exception {
		String token = this.links.token("lakshmi@example.in");
		this.mvc.perform(get("/unsubscribe/{token}", token))
			.andExpect(status().isOk())
			.andExpect(view().name("messaging/unsubscribe"))
			.andExpect(model().attribute("address", "l•••@example.in"))
			.andExpect(model().attribute("done", false));
		assertThat(this.reports.optOuts).as("opening the link, as a mail scanner would, stops nothing").isEmpty();
		this.mvc.perform(post("/unsubscribe/{token}", token).param("confirm", "yes"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("done", true));
		assertThat(this.reports.optOuts).containsExactly(
				new RecordingReports.OptOut(Channel.EMAIL, "lakshmi@example.in", "unsubscribed from the link's page"));
	}

	@Test
	void aTokenDuesDidNotMakeOpensNothing() throws Exception {
		String token = this.links.token("lakshmi@example.in");
		byte[] sealed = Base64.getUrlDecoder().decode(token);
		sealed[sealed.length - 1] ^= 1;
		String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
		String otherKey = links(cipher()).token("lakshmi@example.in");

		for (String forged : new String[] { changed, otherKey, "bGFrc2htaUBleGFtcGxlLmlu", "not base64 at all!" }) {
			this.mvc
				.perform(post("/unsubscribe/{token}", forged).contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("List-Unsubscribe=One-Click"))
				.andExpect(status().isNotFound());
		}

		assertThat(this.reports.optOuts).isEmpty();
		assertThat(this.reports.refusals).hasSize(4)
			.allSatisfy((refusal) -> assertThat(refusal.provider()).isEqualTo("smtp"));
	}

}
