package org.dues.system.web;

import org.dues.system.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page.
 */
@PageController
class HomeController {

	@GetMapping("/login")
	String login() {
		return "system/login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/accounts";
	}

}
