package org.dues.payment;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receipt books page: a manager issues a book and sees its leaves, in each language.
 */
@IntegrationTest
class ReceiptBooksPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aManagerIssuesABookAndSeesItsUseInEachLanguage() throws Exception {
		this.mvc
			.perform(post("/receipt-books").param("series", "pg-a")
				.param("first", "1")
				.param("last", "25")
				.param("agent", "page-field")
				.with(user("page-manager").roles("MANAGER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/receipt-books"))
			.andExpect(flash().attribute("issued", true));
		this.mvc
			.perform(post("/receipt-books").param("series", "PG-A")
				.param("first", "20")
				.param("last", "30")
				.param("agent", "page-field")
				.with(user("page-manager").roles("MANAGER"))
				.with(csrf()))
			.andExpect(flash().attribute("problem", containsString("overlap")));
		this.mvc
			.perform(post("/receipt-books/cancel").param("leaf", "PG-A/4")
				.param("reason", "Spoilt")
				.with(user("page-field").roles("AGENT"))
				.with(csrf()))
			.andExpect(flash().attribute("cancelled", true));
		this.mvc.perform(get("/receipt-books").param("agent", "page-field").with(user("page-manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Issue a book")))
			.andExpect(content().string(containsString("PG-A/4")))
			.andExpect(content().string(containsString("Spoilt")));
		this.mvc
			.perform(get("/receipt-books").param("lang", "hi")
				.param("agent", "page-field")
				.with(user("page-manager").roles("MANAGER")))
			.andExpect(content().string(containsString("रसीद बुक")));
		this.mvc.perform(get("/receipt-books").param("lang", "ml").with(user("page-field").roles("AGENT")))
			.andExpect(content().string(containsString("രസീത് ബുക്കുകൾ")))
			.andExpect(content().string(containsString("PG-A")))
			.andExpect(content().string(not(containsString("id=\"issue-book\""))));
	}

}
