package org.dues.contact.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactAddress;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.ContactResult;
import org.dues.compliance.HoldType;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.CallerCheck;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.validation.IsoDate;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.StatedReason;
import org.dues.system.Phrases;
import org.dues.shared.NotPermittedException;
import org.dues.system.PageController;
import org.dues.system.Actor;
import org.dues.system.Corrections;
import org.dues.system.Scoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The compliance panel of the account page (an htmx fragment): the customer's local time,
 * whether each channel is open now and when it opens next, the week's call tally per
 * debt, the holds, consents, inconvenient times and banned media with forms to add and
 * lift them, a form to log a contact through the gate, and the latest contacts.
 */
@PageController
class CompliancePanel {

	private static final String PANEL = "contact/panel :: panel";

	private static final Set<String> CALLERS = Set.of("ROLE_AGENT", "ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN");

	private final ContactLog log;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final ContactHolds holds;

	private final ContactPreferences preferences;

	private final Corrections corrections;

	private final Phrases phrases;

	CompliancePanel(ContactLog log, Accounts accounts, Creditors creditors, CustomerManagement customers,
			ContactHolds holds, ContactPreferences preferences, Corrections corrections, Phrases phrases) {
		this.corrections = corrections;
		this.phrases = phrases;
		this.log = log;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.holds = holds;
		this.preferences = preferences;
	}

	@GetMapping("/accounts/{id}/compliance")
	String panel(@PathVariable @Scoped("account") UUID id, Model model, Authentication user) {
		return render(id, model, user, null);
	}

	@PostMapping("/accounts/{id}/compliance/holds")
	String hold(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute HoldForm form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, user, binding, "panel.hold.placed", (account, zone) -> {
			HoldType type = Choice.of("type", form.type(), HoldType.class);
			this.holds.place(account.customerId(), Boolean.TRUE.equals(form.allAccounts()) ? List.of() : List.of(id),
					type, instant("receivedAt", form.receivedAt(), zone), instant("endsAt", form.endsAt(), zone),
					form.reason(), user.getName());
		});
	}

	@PostMapping("/accounts/{id}/compliance/holds/{holdId}/lift")
	String liftHold(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("hold") UUID holdId,
			@Valid @ModelAttribute ReasonForm form, BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.hold.lifted",
				(account, zone) -> this.holds.lift(holdId, form.reason(), Actor.of(user)));
	}

	@PostMapping("/accounts/{id}/compliance/consents")
	String consent(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute ConsentForm form,
			BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.consent.recorded",
				(account, zone) -> this.preferences.consent(account.customerId(),
						Choice.of("kind", form.kind(), ConsentKind.class), List.of(id), null,
						instant("until", form.until(), zone), form.reason(), user.getName()));
	}

	@PostMapping("/accounts/{id}/compliance/consents/{consentId}/revoke")
	String revoke(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("consent") UUID consentId,
			@Valid @ModelAttribute ReasonForm form, BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.consent.revoked",
				(account, zone) -> this.preferences.revokeConsent(consentId, form.reason(), Actor.of(user)));
	}

	@PostMapping("/accounts/{id}/compliance/blackouts")
	String blackout(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute BlackoutForm form,
			BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.blackout.recorded", (account, zone) -> {
			Set<java.time.DayOfWeek> days = EnumSet.noneOf(java.time.DayOfWeek.class);
			for (String day : (form.days() == null) ? List.<String>of() : form.days()) {
				days.add(Choice.of("days", day, java.time.DayOfWeek.class));
			}
			this.preferences.blackout(account.customerId(), days, time("from", form.from()), time("to", form.to()),
					date("until", form.until()), null, form.reason(), user.getName());
		});
	}

	@PostMapping("/accounts/{id}/compliance/blackouts/{blackoutId}/lift")
	String liftBlackout(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("blackout") UUID blackoutId,
			@Valid @ModelAttribute ReasonForm form, BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.blackout.lifted",
				(account, zone) -> this.preferences.liftBlackout(blackoutId, form.reason(), Actor.of(user)));
	}

	@PostMapping("/accounts/{id}/compliance/bans")
	String ban(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute BanForm form, BindingResult binding,
			Model model, Authentication user) {
		return act(id, model, user, binding, "panel.ban.recorded", (account, zone) -> {
			Channel channel = Choice.of("channel", form.channel(), Channel.class);
			String address = (form.address() == null || form.address().isBlank()) ? null : ContactAddress
				.canonical(channel, form.address(), this.creditors.get(account.creditorId()).country(), "address");
			this.preferences.ban(account.customerId(), channel, address, null, form.reason(), user.getName());
		});
	}

	@PostMapping("/accounts/{id}/compliance/bans/{banId}/lift")
	String liftBan(@PathVariable @Scoped("account") UUID id, @PathVariable @Scoped("channel-ban") UUID banId,
			@Valid @ModelAttribute ReasonForm form, BindingResult binding, Model model, Authentication user) {
		return act(id, model, user, binding, "panel.ban.lifted",
				(account, zone) -> this.preferences.liftBan(banId, form.reason(), Actor.of(user)));
	}

	@PostMapping("/accounts/{id}/compliance/contacts")
	String contact(@PathVariable @Scoped("account") UUID id, @Valid @ModelAttribute ContactForm form,
			BindingResult binding, Model model, Authentication user) {
		if (user.getAuthorities().stream().noneMatch((a) -> CALLERS.contains(a.getAuthority()))) {
			return render(id, model, user, Flash.error("panel.contact.notAllowed", List.of()));
		}
		if (binding.hasErrors()) {
			return render(id, model, user, Flash.error("panel.failed", List.of(this.phrases.describe(binding))));
		}
		try {
			Channel channel = Choice.of("channel", form.channel(), Channel.class);
			ContactResult result = (form.result() == null || form.result().isBlank()) ? null
					: Choice.of("result", form.result(), ContactResult.class);
			ContactLog.Attempt attempt = this.log.attempt(new ContactGate.Request(new AccountId(id), Set.of(), channel,
					form.address(), PersonRole.CONSUMER, Purpose.COLLECTION), result, form.note(), user.getName());
			Flash flash = attempt.allowed() ? Flash.ok("panel.contact.logged")
					: Flash.error("panel.contact.blocked",
							attempt.decision()
								.decision()
								.blockedBy()
								.stream()
								.map((r) -> this.phrases.say(r.phrase()))
								.toList());
			return render(id, model, user, flash);
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			return render(id, model, user, Flash.error("panel.failed", List.of(this.phrases.problem(ex))));
		}
	}

	private String act(UUID id, Model model, Authentication user, BindingResult binding, String done, Action action) {
		if (binding.hasErrors()) {
			return render(id, model, user, Flash.error("panel.failed", List.of(this.phrases.describe(binding))));
		}
		AccountView account = this.accounts.get(new AccountId(id));
		ZoneId zone = firstZone(this.customers.get(account.customerId()), account);
		try {
			action.run(account, zone);
			return render(id, model, user, Flash.ok(done));
		}
		catch (InvalidInputException | ConflictException | NotPermittedException ex) {
			return render(id, model, user, Flash.error("panel.failed", List.of(this.phrases.problem(ex))));
		}
	}

	private String render(UUID id, Model model, Authentication user, @Nullable Flash flash) {
		AccountView account = this.accounts.get(new AccountId(id));
		CustomerView customer = this.customers.get(account.customerId());
		ZoneId zone = firstZone(customer, account);
		List<AccountView> all = this.accounts.ofCustomer(account.customerId());
		Map<String, String> refs = new LinkedHashMap<>();
		all.forEach((a) -> refs.put(a.id().value().toString(), a.creditorCode() + " / " + a.accountRef()));
		java.util.function.UnaryOperator<String> relabel = Accounts.naming(all);
		Map<Channel, @Nullable String> addresses = new java.util.EnumMap<>(Channel.class);
		for (Channel channel : Channel.outbound()) {
			addresses.put(channel, defaultAddress(customer, channel));
		}
		Map<Channel, ContactGate.Preview> previews = this.log.checkEach(new ContactGate.Request(account.id(), Set.of(),
				Channel.CALL, addresses.get(Channel.CALL), PersonRole.CONSUMER, Purpose.COLLECTION), addresses);
		List<ChannelRow> channels = new ArrayList<>();
		boolean contacts = user.getAuthorities().stream().anyMatch((a) -> CALLERS.contains(a.getAuthority()));
		previews.forEach((channel, preview) -> {
			// one who makes contacts reads whether they may make this one (a recovery
			// agent's certificate), not only whether the customer may be contacted now
			CallerCheck.Refusal refusal = contacts ? this.log.callerRefusal(account.id(), channel, user.getName())
					: null;
			// a channel with no number or address to use is said so, apart from a block
			boolean noAddress = addresses.get(channel) == null && channel != Channel.LETTER && channel != Channel.VISIT;
			channels.add(new ChannelRow(channel, addresses.get(channel),
					!noAddress && refusal == null && preview.decision().allowed(),
					noAddress ? List.of()
							: preview.decision()
								.blockedBy()
								.stream()
								.map((r) -> relabel.apply(this.phrases.say(r.phrase())))
								.toList(),
					preview.decision()
						.rules()
						.stream()
						.filter((r) -> r.warning() != null)
						.map((r) -> relabel.apply((r.warningSaid() != null) ? this.phrases.say(r.warningSaid())
								: r.rule() + ": " + r.warning()))
						.toList(),
					noAddress ? null : preview.nextOpening(), refusal, noAddress));
		});
		ContactGate.Preview calls = previews.get(Channel.CALL);
		ContactGate.Preview everyDebt = this.log.check(new ContactGate.Request(account.id(),
				all.stream().map(AccountView::id).collect(java.util.stream.Collectors.toSet()), Channel.CALL,
				defaultAddress(customer, Channel.CALL), PersonRole.CONSUMER, Purpose.COLLECTION));
		model.addAttribute("account", account);
		model.addAttribute("customer", customer);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("zones", everyDebt.timeZones().stream().map(ZoneId::getId).toList());
		model.addAttribute("policy", calls.policy());
		model.addAttribute("channels", channels);
		model.addAttribute("tally", everyDebt.callTally());
		model.addAttribute("callLimit",
				(calls.policy().callFrequency() == null) ? null : calls.policy().callFrequency().maxCalls());
		model.addAttribute("refs", refs);
		List<ContactHolds.HoldView> holds = this.holds.ofCustomer(account.customerId());
		ContactPreferences.Recorded asked = this.preferences.ofCustomer(account.customerId());
		model.addAttribute("holds", holds);
		model.addAttribute("asked", asked);
		model.addAttribute("timeline", this.log.timeline(account.id(), 15));
		model.addAttribute("liftable", liftable(holds, asked, Actor.of(user)));
		model.addAttribute("canContact", contacts);
		model.addAttribute("holdTypes", HoldType.values());
		model.addAttribute("consentKinds", ConsentKind.values());
		model.addAttribute("channelValues", Channel.outbound());
		model.addAttribute("results", ContactResult.values());
		model.addAttribute("days", java.time.DayOfWeek.values());
		model.addAttribute("flash", (flash == null) ? null
				: new Flash(flash.ok(), flash.key(), flash.details().stream().map(relabel).toList()));
		model.addAttribute("relabel", relabel);
		return PANEL;
	}

	static @Nullable String defaultAddress(CustomerView customer, Channel channel) {
		return switch (channel) {
			case CALL, SMS,
					WHATSAPP ->
				customer.phones()
					.stream()
					.filter(CustomerView.Phone::usable)
					.map(CustomerView.Phone::e164)
					.findFirst()
					.orElse(null);
			case EMAIL -> customer.emails()
				.stream()
				.filter(CustomerView.Email::usable)
				.map(CustomerView.Email::address)
				.findFirst()
				.orElse(null);
			case LETTER, VISIT, CHAT -> null;
		};
	}

	private ZoneId firstZone(CustomerView customer, AccountView account) {
		return customer.timeZones().isEmpty() ? this.creditors.get(account.creditorId()).timeZone()
				: ZoneId.of(customer.timeZones().iterator().next());
	}

	static @Nullable Instant instant(String field, @Nullable String local, ZoneId zone) {
		if (local == null || local.isBlank()) {
			return null;
		}
		return org.dues.shared.CalendarBounds.parseDateTime(field, local).atZone(zone).toInstant();
	}

	static @Nullable LocalTime time(String field, @Nullable String text) {
		try {
			return (text == null || text.isBlank()) ? null : LocalTime.parse(text.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException(field, "'%s' is not a time such as 18:30".formatted(text));
		}
	}

	static @Nullable LocalDate date(String field, @Nullable String text) {
		return org.dues.shared.CalendarBounds.parse(field, text);
	}

	@FunctionalInterface
	interface Action {

		void run(AccountView account, ZoneId zone);

	}

	/** A channel's state now. */
	record ChannelRow(Channel channel, @Nullable String address, boolean open, List<String> reasons,
			List<String> warnings, @Nullable Instant nextOpening, CallerCheck.@Nullable Refusal refusal,
			boolean noAddress) {
	}

	/** What the last action did, for the panel's alert. */
	record Flash(boolean ok, String key, List<String> details) {

		static Flash ok(String key) {
			return new Flash(true, key, List.of());
		}

		static Flash error(String key, List<String> details) {
			return new Flash(false, key, details);
		}

	}

	record HoldForm(@OneOf(value = HoldType.class, required = true) @Nullable String type, @Nullable String receivedAt,
			@Nullable String endsAt, @StatedReason @Nullable String reason, @Nullable Boolean allAccounts) {
	}

	record ReasonForm(@StatedReason @Nullable String reason) {
	}

	record ConsentForm(@OneOf(value = ConsentKind.class, required = true) @Nullable String kind, @Nullable String until,
			@StatedReason @Nullable String reason) {
	}

	record BlackoutForm(@Nullable List<@OneOf(value = java.time.DayOfWeek.class, required = true) String> days,
			@Nullable String from, @Nullable String to, @IsoDate @Nullable String until,
			@StatedReason @Nullable String reason) {
	}

	record BanForm(@OneOf(value = Channel.class, required = true) @Nullable String channel, @Nullable String address,
			@StatedReason @Nullable String reason) {
	}

	record ContactForm(@OneOf(value = Channel.class, required = true) @Nullable String channel,
			@Nullable String address, @OneOf(ContactResult.class) @Nullable String result, @Nullable String note) {
	}

	/**
	 * The restrictions this user may lift now: any, for compliance officers, leads and
	 * above; their own within the correction window, for whoever recorded them.
	 */
	private Set<UUID> liftable(List<ContactHolds.HoldView> holds, ContactPreferences.Recorded asked, Actor actor) {
		Set<String> roles = Corrections.COMPLIANCE_LEADS_AND_ABOVE;
		Set<UUID> ids = new java.util.HashSet<>();
		holds.stream()
			.filter((h) -> this.corrections.allows(actor, h.placedBy(), h.placedAt(), roles))
			.forEach((h) -> ids.add(h.id()));
		asked.consents()
			.stream()
			.filter((c) -> this.corrections.allows(actor, c.recording().recordedBy(), c.recording().recordedAt(),
					roles))
			.forEach((c) -> ids.add(c.id()));
		asked.blackouts()
			.stream()
			.filter((b) -> this.corrections.allows(actor, b.recording().recordedBy(), b.recording().recordedAt(),
					roles))
			.forEach((b) -> ids.add(b.id()));
		asked.bans()
			.stream()
			.filter((b) -> this.corrections.allows(actor, b.recording().recordedBy(), b.recording().recordedAt(),
					roles))
			.forEach((b) -> ids.add(b.id()));
		return ids;
	}

}
