package org.dues.messaging.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.compliance.Channel;
import org.dues.messaging.BulkListRefusedException;
import org.dues.messaging.BulkSelector;
import org.dues.messaging.BulkSends;
import org.dues.messaging.BulkView;
import org.dues.messaging.NewBulk;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk sends: one template to the accounts of a list of ids, a queue, the accounts
 * browser's selection or an uploaded list, previewed once and queued from the preview;
 * their counts as the messages move; cancelling what is still queued.
 */
@RestController
@Tag(name = "Messaging")
class BulkSendsApi {

	private static final String SELECTORS = "Choose the accounts with exactly one of `accountIds`, `queueId` "
			+ "(the pooled accounts of a team's queue) or `selection` (the accounts browser's filters: `creditors`, "
			+ "`buckets`, `dpdMin`, `dpdMax`, `balanceMin`, `balanceMax`, `languages`, `regions`, `statuses`, "
			+ "`arrangements`, `owner`, `team`, `queue`); only accounts within the caller's scope are ever chosen "
			+ "(an id outside it answers 404). ";

	private final BulkSends bulk;

	BulkSendsApi(BulkSends bulk) {
		this.bulk = bulk;
	}

	@PostMapping(path = "/api/v1/messages/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a message to many accounts, or preview how many would go",
			description = SELECTORS + "The preview is computed once: how many accounts, how many the gate would "
					+ "let go now, how many it would hold back (by rule, `heldBackByRule`) and how many cannot be "
					+ "addressed. With `preview: true` nothing is queued and the answer (200) carries the preview's "
					+ "`id`, to queue later with `POST /api/v1/messages/bulk/{id}/queue`; otherwise (201) each "
					+ "message is queued from the preview under the bulk id and decided by the gate when it leaves: "
					+ "at `notBefore`, at `scheduledAt` (a local time, read in each account's creditor's time zone) "
					+ "or now")
	ResponseEntity<BulkJson> start(@RequestBody @Valid BulkRequest body, Authentication user) {
		return started(
				new NewBulk(body.selector(), Choice.of("channel", body.channel(), Channel.class), body.template(),
						body.language(), body.notBefore(), body.scheduledAt()),
				Boolean.TRUE.equals(body.preview()), user);
	}

	@PostMapping(path = "/api/v1/messages/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Send a message to the accounts of an uploaded list, or preview how many would go",
			description = "`file`: CSV (UTF-8) whose header names `account_id` or `account_ref`, and optionally "
					+ "`creditor` (a creditor's code; or give `creditor` once for the whole list). A list with any bad "
					+ "line (no such account within your scope, a reference several creditors share, not an id) is "
					+ "refused whole with 422, naming every bad line with its `line` (the header is line 1) and "
					+ "`reason`, and nothing is queued. Otherwise as the JSON form")
	ResponseEntity<BulkJson> upload(@RequestPart("file") @Nullable MultipartFile file,
			@RequestParam @NotBlank String channel, @RequestParam @NotBlank String template,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Parameter(description = "ISO-8601 instant") @Nullable Instant notBefore,
			@RequestParam(required = false) @Parameter(
					description = "local date-time in each creditor's zone") @Nullable LocalDateTime scheduledAt,
			@RequestParam(required = false) @Nullable Boolean preview, Authentication user) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "is required: a CSV list of accounts");
		}
		BulkSelector selector = new BulkSelector.Upload(String.valueOf(file.getOriginalFilename()), file.getBytes(),
				(creditor == null || creditor.isBlank()) ? null : creditor.strip());
		return started(new NewBulk(selector, Choice.of("channel", channel, Channel.class), template, language,
				notBefore, scheduledAt), Boolean.TRUE.equals(preview), user);
	}

	@GetMapping("/api/v1/messages/bulk/{bulkId}")
	@Operation(summary = "A bulk send: its preview and where its messages stand now",
			description = "Counted from the messages themselves: `queued` (made), and in `progress` those "
					+ "`waiting`, `heldBack` (waiting for a lawful window), `sending`, `sent`, `delivered`, `failed`, "
					+ "`blocked`, `cancelled`, with `percent` settled. Reached by whoever started it, the leads of "
					+ "their teams and the roles that see everything")
	BulkJson get(@PathVariable @Scoped("bulk-send") UUID bulkId) {
		return BulkJson.of(this.bulk.get(bulkId));
	}

	@PostMapping("/api/v1/messages/bulk/{bulkId}/queue")
	@Operation(summary = "Queue a previewed bulk send from its preview",
			description = "Only who previewed it may; queued again, it answers as it stands (409 once cancelled)")
	BulkJson queue(@PathVariable @Scoped("bulk-send") UUID bulkId, Authentication user) {
		return BulkJson.of(this.bulk.queue(bulkId, user));
	}

	@PostMapping("/api/v1/messages/bulk/{bulkId}/cancel")
	@Operation(summary = "Cancel a bulk send: its messages still queued are cancelled",
			description = "Those already sent stay sent; cancelling again changes nothing")
	BulkJson cancel(@PathVariable @Scoped("bulk-send") UUID bulkId, Authentication user) {
		return BulkJson.of(this.bulk.cancel(bulkId, user.getName()));
	}

	@ExceptionHandler(BulkListRefusedException.class)
	ResponseEntity<ProblemDetail> refused(BulkListRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("List refused");
		problem.setProperty("errors",
				ex.lines()
					.stream()
					.map((l) -> Map.of("line", l.line(), "value", l.value(), "reason", l.reason()))
					.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ResponseEntity<BulkJson> started(NewBulk request, boolean preview, Authentication user) {
		BulkView view = this.bulk.start(request, user);
		if (preview) {
			return ResponseEntity.ok(BulkJson.of(view));
		}
		BulkView queued = this.bulk.queue(view.id(), user);
		return ResponseEntity.created(URI.create("/api/v1/messages/bulk/" + queued.id())).body(BulkJson.of(queued));
	}

	/**
	 * A bulk send asked for: one selector, the template and channel, when.
	 */
	record BulkRequest(@Nullable @Size(max = BulkSends.MOST) List<UUID> accountIds, @Nullable UUID queueId,
			@Nullable @Valid SelectionJson selection, @NotBlank String channel,
			@NotBlank @Size(max = 63) String template, @Nullable @Size(max = 3) String language,
			@Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt, @Nullable Boolean preview) {

		BulkSelector selector() {
			List<BulkSelector> given = new ArrayList<>();
			if (this.accountIds != null) {
				if (this.accountIds.stream().anyMatch(java.util.Objects::isNull)) {
					throw new InvalidInputException("accountIds", "an account id is missing");
				}
				given.add(new BulkSelector.Accounts(this.accountIds));
			}
			if (this.queueId != null) {
				given.add(new BulkSelector.Queue(this.queueId));
			}
			if (this.selection != null) {
				given.add(new BulkSelector.Selection(this.selection.filters()));
			}
			if (given.size() != 1) {
				throw new InvalidInputException("accountIds",
						"choose the accounts with exactly one of accountIds, queueId or selection");
			}
			if (this.notBefore != null && this.scheduledAt != null) {
				throw new InvalidInputException("scheduledAt", "give notBefore or scheduledAt, not both");
			}
			return given.get(0);
		}

	}

	/** The accounts browser's filters. */
	record SelectionJson(@Nullable List<String> creditors, @Nullable List<String> buckets, @Nullable Integer dpdMin,
			@Nullable Integer dpdMax, @Nullable String balanceMin, @Nullable String balanceMax,
			@Nullable List<String> languages, @Nullable List<String> regions, @Nullable List<String> statuses,
			@Nullable List<String> arrangements, @Nullable String owner, @Nullable UUID team, @Nullable UUID queue) {

		/** The filters as the browser's address carries them. */
		Map<String, List<String>> filters() {
			Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
			put(filters, "creditors", this.creditors);
			put(filters, "buckets", this.buckets);
			put(filters, "dpdMin", this.dpdMin);
			put(filters, "dpdMax", this.dpdMax);
			put(filters, "balanceMin", this.balanceMin);
			put(filters, "balanceMax", this.balanceMax);
			put(filters, "languages", this.languages);
			put(filters, "regions", this.regions);
			put(filters, "statuses", this.statuses);
			put(filters, "arrangements", this.arrangements);
			put(filters, "owner", this.owner);
			put(filters, "team", this.team);
			put(filters, "queue", this.queue);
			return filters;
		}

		private static void put(Map<String, List<String>> filters, String name, @Nullable Object value) {
			if (value instanceof List<?> list) {
				filters.put(name, list.stream().map(String::valueOf).toList());
			}
			else if (value != null) {
				filters.put(name, List.of(String.valueOf(value)));
			}
		}

	}

}
