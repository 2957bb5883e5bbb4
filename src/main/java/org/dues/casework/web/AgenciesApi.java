package org.dues.casework.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dues.casework.Agencies;
import org.dues.casework.AgencyAccess;
import org.dues.casework.AgencyPerformance;
import org.dues.casework.AgencyPlacements;
import org.dues.casework.AgencyView;
import org.dues.casework.NewAgency;
import org.dues.casework.NewAgencyUser;
import org.dues.casework.NewPlacement;
import org.dues.casework.Performance;
import org.dues.casework.PlacementView;
import org.dues.identity.Role;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.IsoDate;
import org.dues.system.AccountSelections;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.dues.shared.validation.Keys.REQUIRED;

/**
 * External collection agencies: creating them and their users, placing accounts with them
 * and recalling them, and what each agency achieved. Managers and administrators; an
 * agency's manager reads their own agency.
 */
@RestController
@Tag(name = "Agencies")
class AgenciesApi {

	/** Why an agency's code in the path needs no account scope check. */
	static final String AGENCIES = "an agency is no account: managers see every agency, an agency's manager their own"
			+ " (AgencyAccess), anyone else none";

	/** Why a placement's id in the path needs no account scope check. */
	static final String PLACEMENTS = "a placement is seen through its agency (AgencyAccess)";

	private final Agencies agencies;

	private final AgencyPlacements placements;

	private final AgencyPerformance performance;

	private final AgencyAccess access;

	private final AccountSelections selections;

	AgenciesApi(Agencies agencies, AgencyPlacements placements, AgencyPerformance performance, AgencyAccess access,
			AccountSelections selections) {
		this.agencies = agencies;
		this.placements = placements;
		this.performance = performance;
		this.access = access;
		this.selections = selections;
	}

	@PostMapping("/api/v1/agencies")
	@Operation(summary = "Create an external collection agency",
			description = "201 with the agency; 409 when an agency with the code exists")
	ResponseEntity<AgencyJson> create(@RequestBody @Valid AgencyRequest body, Authentication user) {
		this.access.requireManager(user);
		AgencyView agency = this.agencies.create(new NewAgency(Objects.requireNonNull(body.code()),
				Objects.requireNonNull(body.name()), Objects.requireNonNull(body.country()), body.email(), body.phone(),
				Objects.requireNonNull(body.commissionRate())), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/agencies/" + agency.code())).body(AgencyJson.of(agency));
	}

	@GetMapping("/api/v1/agencies")
	@Operation(summary = "The agencies, by name")
	List<AgencyJson> list(Authentication user) {
		this.access.requireManager(user);
		return this.agencies.all().stream().map(AgencyJson::of).toList();
	}

	@GetMapping("/api/v1/agencies/{code}")
	@Operation(summary = "An agency with its users")
	AgencyDetailJson get(@PathVariable @Unscoped(AGENCIES) String code, Authentication user) {
		AgencyView agency = this.access.requireVisible(user, code);
		return new AgencyDetailJson(AgencyJson.of(agency),
				this.agencies.members(agency.code())
					.stream()
					.map((m) -> new MemberJson(m.username(), m.displayName(), m.role().name(), m.enabled()))
					.toList());
	}

	@PostMapping("/api/v1/agencies/{code}/users")
	@Operation(summary = "Create a user of the agency: an agent (AGENT) or the agency's manager (TEAM_LEAD)",
			description = "The user sees only the accounts placed with the agency")
	ResponseEntity<MemberJson> addUser(@PathVariable @Unscoped(AGENCIES) String code,
			@RequestBody @Valid UserRequest body, Authentication user) {
		this.access.requireManager(user);
		Agencies.Member member = this.agencies.addUser(code,
				new NewAgencyUser(Objects.requireNonNull(body.username()), Objects.requireNonNull(body.displayName()),
						Objects.requireNonNull(body.password()),
						Choice.of("role", Objects.requireNonNull(body.role()), Role.class),
						(body.languages() == null) ? List.of() : body.languages(), body.certificateNumber(),
						date("certificateExpiresOn", body.certificateExpiresOn())),
				user.getName());
		return ResponseEntity.created(URI.create("/api/v1/agencies/" + code.strip().toUpperCase(java.util.Locale.ROOT)))
			.body(new MemberJson(member.username(), member.displayName(), member.role().name(), member.enabled()));
	}

	@GetMapping("/api/v1/agencies/{code}/placements")
	@Operation(summary = "The agency's placements, newest first")
	List<PlacementJson> placements(@PathVariable @Unscoped(AGENCIES) String code, Authentication user) {
		AgencyView agency = this.access.requireVisible(user, code);
		return this.placements.ofAgency(agency.code()).stream().map((p) -> PlacementJson.of(p, null)).toList();
	}

	@PostMapping("/api/v1/agencies/{code}/placements")
	@Operation(summary = "Place accounts with the agency for a period at a commission rate",
			description = "accountIds, or selection (the accounts browser's filters: creditors, buckets, dpdMin, "
					+ "dpdMax, balanceMin, balanceMax, languages, regions, statuses, arrangements, owner, team, queue); "
					+ "201 with the placement; 409 naming the accounts already with an agency, and nothing placed")
	ResponseEntity<PlacementJson> place(@PathVariable @Unscoped(AGENCIES) String code,
			@RequestBody @Valid PlacementRequest body, Authentication user) {
		this.access.requireManager(user);
		List<UUID> ids;
		if (body.accountIds() != null && !body.accountIds().isEmpty()) {
			if (body.selection() != null) {
				throw new InvalidInputException("selection", "give accountIds or selection, not both");
			}
			ids = body.accountIds();
		}
		else if (body.selection() != null) {
			ids = this.selections.matching(body.selection(), user, AgencyPlacements.MOST + 1);
		}
		else {
			throw new InvalidInputException("accountIds", "give accountIds or selection");
		}
		PlacementView placed = this.placements.place(code,
				new NewPlacement(ids, date("from", body.from()), date("until", body.until()), body.commissionRate()),
				user.getName());
		return ResponseEntity.created(URI.create("/api/v1/placements/" + placed.id()))
			.body(PlacementJson.of(placed, this.placements.accountsOf(placed.id())));
	}

	@GetMapping("/api/v1/placements/{id}")
	@Operation(summary = "A placement with its accounts and their recalls")
	PlacementJson placement(@PathVariable @Unscoped(PLACEMENTS) UUID id, Authentication user) {
		PlacementView placement = visible(id, user);
		return PlacementJson.of(placement, this.placements.accountsOf(placement.id()));
	}

	@PostMapping("/api/v1/placements/{id}/recall")
	@Operation(summary = "Recall every account of the placement still with the agency, with a reason",
			description = "The agency's users lose the accounts at once; they return to the in-house queues")
	PlacementJson recall(@PathVariable @Unscoped(PLACEMENTS) UUID id, @RequestBody @Valid RecallRequest body,
			Authentication user) {
		this.access.requireManager(user);
		PlacementView recalled = this.placements.recall(id, body.reason(), user.getName());
		return PlacementJson.of(recalled, this.placements.accountsOf(id));
	}

	@GetMapping("/api/v1/agencies/{code}/performance")
	@Operation(summary = "What the agency achieved on the accounts placed with it, over all its placements",
			description = "placed, contacted, attempts, rightPartyContacts, promises and the amounts promised, "
					+ "collected (net of reversals) and the commission, one amount per currency")
	PerformanceJson performance(@PathVariable @Unscoped(AGENCIES) String code, Authentication user) {
		AgencyView agency = this.access.requireVisible(user, code);
		return PerformanceJson.of(this.performance.ofAgency(agency.code()));
	}

	@GetMapping("/api/v1/placements/{id}/performance")
	@Operation(summary = "What the agency achieved on one placement's accounts")
	PerformanceJson placementPerformance(@PathVariable @Unscoped(PLACEMENTS) UUID id, Authentication user) {
		return PerformanceJson.of(this.performance.ofPlacement(visible(id, user).id()));
	}

	/** The placement, when the caller sees its agency; 404 otherwise. */
	private PlacementView visible(UUID id, Authentication user) {
		PlacementView placement = this.placements.get(id);
		try {
			this.access.requireVisible(user, placement.agencyCode());
		}
		catch (org.dues.shared.NotFoundException ex) {
			throw new org.dues.shared.NotFoundException("placement", id);
		}
		return placement;
	}

	private static @Nullable LocalDate date(String field, @Nullable String text) {
		return org.dues.shared.CalendarBounds.parse(field, text);
	}

	record AgencyRequest(@NotBlank(message = REQUIRED) @Nullable String code,
			@NotBlank(message = REQUIRED) @Nullable String name, @NotBlank(message = REQUIRED) @Nullable String country,
			@Nullable String email, @Nullable String phone,
			@NotNull(message = REQUIRED) @Nullable BigDecimal commissionRate) {
	}

	record UserRequest(@NotBlank(message = REQUIRED) @Nullable String username,
			@NotBlank(message = REQUIRED) @Nullable String displayName,
			@NotBlank(message = REQUIRED) @Nullable String password,
			@NotBlank(message = REQUIRED) @Nullable String role, @Nullable List<String> languages,
			@Nullable String certificateNumber, @IsoDate @Nullable String certificateExpiresOn) {
	}

	record PlacementRequest(@Size(max = AgencyPlacements.MOST) @Nullable List<UUID> accountIds,
			@Nullable Map<String, List<String>> selection, @IsoDate @Nullable String from,
			@NotBlank(message = REQUIRED) @IsoDate @Nullable String until, @Nullable BigDecimal commissionRate) {
	}

	record RecallRequest(@NotBlank(message = REQUIRED) @Nullable String reason) {
	}

	record AgencyJson(String code, String name, String country, @Nullable String email, @Nullable String phone,
			BigDecimal commissionRate, boolean active, Instant createdAt) {

		static AgencyJson of(AgencyView a) {
			return new AgencyJson(a.code(), a.name(), a.country(), a.email(), a.phone(), a.commissionRate(), a.active(),
					a.createdAt());
		}

	}

	record MemberJson(String username, String displayName, String role, boolean enabled) {
	}

	record AgencyDetailJson(AgencyJson agency, List<MemberJson> users) {
	}

	record PlacedAccountJson(UUID accountId, Instant placedAt, @Nullable Instant recalledAt,
			@Nullable String recallCause, @Nullable String recallReason) {
	}

	record PlacementJson(UUID id, String agency, LocalDate from, LocalDate until, BigDecimal commissionRate,
			String status, int accounts, int active, Instant placedAt, String placedBy,
			@Nullable List<PlacedAccountJson> accountList) {

		static PlacementJson of(PlacementView p, @Nullable List<AgencyPlacements.PlacedAccount> list) {
			return new PlacementJson(p.id(), p.agencyCode(), p.from(), p.until(), p.commissionRate(), p.status(),
					p.accounts(), p.active(), p.placedAt(), p.placedBy(),
					(list == null) ? null
							: list.stream()
								.map((a) -> new PlacedAccountJson(a.accountId(), a.placedAt(), a.recalledAt(),
										a.recallCause(), a.recallReason()))
								.toList());
		}

	}

	record PerformanceJson(int placed, int active, int contacted, int attempts, int rightPartyContacts, int promises,
			List<MoneyJson> promised, List<MoneyJson> collected, List<MoneyJson> commission) {

		static PerformanceJson of(Performance p) {
			return new PerformanceJson(p.placed(), p.active(), p.contacted(), p.attempts(), p.rightPartyContacts(),
					p.promises(), p.promised().stream().map(MoneyJson::of).toList(),
					p.collected().stream().map(MoneyJson::of).toList(),
					p.commission().stream().map(MoneyJson::of).toList());
		}

	}

}
