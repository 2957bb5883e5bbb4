package org.dues.messaging.provider;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dues.system.PostedForm;
import org.dues.messaging.MessageStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exotel's delivery reports, {@code POST /webhooks/exotel/sms-status?token=…}, form
 * fields {@code SmsSid}, {@code To}, {@code Status}, {@code DetailedStatus},
 * {@code DetailedStatusCode}, {@code DateSent}, {@code CustomField}: taken only with the
 * token of {@link ExotelCallbacks} (401 and recorded as refused otherwise), each (SMS,
 * status) once.
 */
@RestController
@ConditionalOnSet({ "dues.exotel.sid", "dues.exotel.api-key", "dues.exotel.api-token" })
class ExotelWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ExotelWebhooks.class);

	private final ExotelCallbacks callbacks;

	private final ProviderReports reports;

	ExotelWebhooks(ExotelCallbacks callbacks, ProviderReports reports) {
		this.callbacks = callbacks;
		this.reports = reports;
	}

	@PostMapping(ExotelCallbacks.STATUS)
	ResponseEntity<String> status(HttpServletRequest request,
			@RequestParam(name = "token", required = false) @Nullable String token) {
		if (!this.callbacks.accepts(token)) {
			String why = (token == null || token.isBlank()) ? "no token" : "the token does not match";
			log.warn("Refused an Exotel delivery report: {}", why);
			this.reports.refused(ExotelSms.NAME, ExotelCallbacks.STATUS, why);
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(why);
		}
		Map<String, List<String>> form = PostedForm.of(request);
		String sid = PostedForm.first(form, "SmsSid");
		String exotelStatus = PostedForm.first(form, "Status");
		if (sid == null || exotelStatus == null) {
			return ResponseEntity.badRequest().body("SmsSid and Status are required");
		}
		MessageStatus status = status(exotelStatus, PostedForm.first(form, "DetailedStatus"));
		if (status != null) {
			this.reports.status(ExotelSms.NAME, sid + ":" + exotelStatus, sid, status,
					status == MessageStatus.FAILED ? error(form, exotelStatus) : null);
		}
		return ResponseEntity.ok().build();
	}

	/**
	 * Exotel's status as ours: {@code queued}, {@code sending} and {@code submitted} are
	 * SENT; {@code delivered} is DELIVERED, and so is {@code sent}, the terminal success
	 * of Exotel's original API, unless its detailed status says it only reached the
	 * operator; {@code failed}, {@code failed_dnd}, {@code undelivered} and
	 * {@code expired} are FAILED.
	 */
	static @Nullable MessageStatus status(String exotel, @Nullable String detailed) {
		return switch (exotel.toLowerCase(Locale.ROOT)) {
			case "queued", "sending", "submitted" -> MessageStatus.SENT;
			case "delivered" -> MessageStatus.DELIVERED;
			case "sent" -> (detailed == null || detailed.isBlank() || detailed.startsWith("DELIVERED_TO_HANDSET"))
					? MessageStatus.DELIVERED : MessageStatus.SENT;
			case "failed", "failed_dnd", "failed-dnd", "undelivered", "expired" -> MessageStatus.FAILED;
			default -> null;
		};
	}

	private static String error(Map<String, List<String>> form, String status) {
		String detailed = PostedForm.first(form, "DetailedStatus");
		String code = PostedForm.first(form, "DetailedStatusCode");
		StringBuilder error = new StringBuilder("Exotel ").append(status);
		if (detailed != null && !detailed.isBlank()) {
			error.append(": ").append(detailed);
		}
		if (code != null && !code.isBlank()) {
			error.append(" (").append(code).append(")");
		}
		return error.toString();
	}

}
