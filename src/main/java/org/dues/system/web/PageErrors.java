package org.dues.system.web;

import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.RefusedInputException;

import org.dues.shared.InvalidInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * On web pages, something that does not exist (or an id that cannot exist) is the "not
 * found" page; other errors fall through to Spring Boot's error pages.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A parameter refused when a controller first read it: the error page, naming it. */
	@ExceptionHandler({ RefusedInputException.class, InvalidInputException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(RuntimeException ex, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("detail", ex.getMessage());
		return "error";
	}

}
