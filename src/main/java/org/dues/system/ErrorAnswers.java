package org.dues.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever reaches the container's error handling (a request the security firewall
 * refused, an error raised outside Spring MVC, a parameter refused by
 * {@link InputHygieneFilter}): problem details on the API, the application's own error
 * page elsewhere. Only a detail Dues wrote itself is shown, never an exception's message.
 */
@Controller
class ErrorAnswers implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		// asked for directly, with no error behind it, /error is a page that does not
		// exist
		int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) ? code : 404;
		if (status < 400) {
			status = 500;
		}
		String uri = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) ? original
				: request.getRequestURI();
		String detail = (request.getAttribute(Problems.DETAIL) instanceof String given) ? given : null;
		if (Problems.isApi(uri, request.getContextPath())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
					Problems.safe(detail, Problems.generic(status)));
			problem.setTitle(Problems.title(status));
			try {
				problem.setInstance(java.net.URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// An address that is no URI (the reason it was refused, perhaps): none
				// given.
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView((status == 404) ? "error/404" : "error");
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("status", status);
		page.addObject("detail", Problems.safe(detail, null));
		return page;
	}

}
