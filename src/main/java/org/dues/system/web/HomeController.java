package org.dues.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page.
 */
@Controller
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
