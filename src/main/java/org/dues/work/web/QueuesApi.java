package org.dues.work.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.system.RecordReach;
import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.dues.work.StaleQueueException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Team queues: managers and administrators define, change and delete them, leads read
 * them and their history (and pause them on the queues page). A queue's ETag is its
 * version: a change may, and a deletion must, name it in If-Match.
 */
@RestController
@Tag(name = "Work")
class QueuesApi {

	private final Queues queues;

	private final Scopes scopes;

	QueuesApi(Queues queues, Scopes scopes) {
		this.queues = queues;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/queues")
	@Operation(summary = "Every queue with its filters, order, size and oldest debt (most days past due)")
	List<QueueJson> queues(Authentication user) {
		return this.queues.all()
			.stream()
			.filter((q) -> this.scopes.reaches(user, RecordReach.team(q.teamId())))
			.map((q) -> new QueueJson(q, this.queues.size(q.id())))
			.toList();
	}

	@GetMapping("/api/v1/queues/{queueId}")
	@Operation(summary = "A queue with its size; its ETag is its version")
	ResponseEntity<QueueJson> queue(@PathVariable @Scoped("queue") UUID queueId) {
		Queues.QueueView queue = this.queues.get(queueId);
		return ResponseEntity.ok().eTag(etag(queue.version())).body(new QueueJson(queue, this.queues.size(queueId)));
	}

	@PostMapping("/api/v1/queues")
	@Operation(summary = "Define a team queue by filters and an order",
			description = "Buckets must be buckets of the creditors' schemes (of any creditor's when none is "
					+ "named), creditors must exist, languages are ISO 639-1; each error names its field.")
	ResponseEntity<QueueJson> define(@RequestBody QueueRequest body, Authentication user) {
		if (body.teamId() == null) {
			throw new InvalidInputException("teamId", "is required");
		}
		this.scopes.require(user, "team", body.teamId());
		Queues.QueueView queue = this.queues.define(body.teamId(), String.valueOf(body.name()),
				(body.filters() == null) ? QueueFilters.everything() : body.filters(),
				Choice.orElse("sort", body.sort(), QueueSort.class, QueueSort.DPD_DESC),
				(body.priority() == null) ? 100 : body.priority(), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/queues/" + queue.id()))
			.eTag(etag(queue.version()))
			.body(new QueueJson(queue, this.queues.size(queue.id())));
	}

	@PutMapping("/api/v1/queues/{queueId}")
	@Operation(summary = "Change a queue's name, filters, order or priority, or switch it off",
			description = "What the body leaves out stays; filters, when given, replace the queue's whole. The "
					+ "queue's accounts are listed again at once. If-Match with the queue's ETag is optional (412 "
					+ "when someone changed it since). The change is kept in the queue's history.")
	ResponseEntity<QueueJson> change(@PathVariable @Scoped("queue") UUID queueId, @RequestBody QueueRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			Authentication user) {
		Queues.QueueView current = this.queues.get(queueId);
		Queues.QueueView queue = this.queues.change(queueId, version(ifMatch),
				new Queues.QueueState((body.name() == null) ? current.name() : body.name(),
						(body.filters() == null) ? current.filters() : body.filters(),
						Choice.orElse("sort", body.sort(), QueueSort.class, current.sort()),
						(body.priority() == null) ? current.priority() : body.priority(),
						(body.active() == null) ? current.active() : body.active()),
				user.getName());
		return ResponseEntity.ok().eTag(etag(queue.version())).body(new QueueJson(queue, this.queues.size(queueId)));
	}

	@DeleteMapping("/api/v1/queues/{queueId}")
	@Operation(summary = "Delete a queue; its history stays",
			description = "Requires If-Match with the queue's ETag (428 without, 412 when someone changed the queue "
					+ "since), so that no queue is deleted on an outdated view. Accounts agents own stay theirs.")
	ResponseEntity<Void> delete(@PathVariable @Scoped("queue") UUID queueId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			Authentication user) {
		Integer version = version(ifMatch);
		if (version == null) {
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, ProblemDetail.forStatusAndDetail(
					HttpStatus.PRECONDITION_REQUIRED,
					"Send If-Match with the queue's ETag (from GET /api/v1/queues/%s) to delete it".formatted(queueId)),
					null);
		}
		this.queues.delete(queueId, version, user.getName());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/queues/{queueId}/history")
	@Operation(summary = "Who defined, changed, paused, resumed or deleted the queue and when, newest first",
			description = "Each change names the settings that changed and holds the queue before and after.")
	List<Queues.QueueChange> history(@PathVariable @Scoped("queue") UUID queueId) {
		return this.queues.history(queueId);
	}

	@ExceptionHandler(StaleQueueException.class)
	ResponseEntity<ProblemDetail> stale(StaleQueueException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Precondition failed");
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(etag(ex.current())).body(problem);
	}

	private static @Nullable Integer version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		try {
			return Integer.valueOf(value.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "'%s' is not a queue's ETag".formatted(ifMatch));
		}
	}

	private static String etag(int version) {
		return "\"" + version + "\"";
	}

	record QueueRequest(@Nullable UUID teamId, @Nullable String name, @Nullable QueueFilters filters,
			@Nullable String sort, @Nullable Integer priority, @Nullable Boolean active) {
	}

	record QueueJson(Queues.QueueView queue, Queues.Size size) {
	}

}
