package org.dues.arrangement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvals inbox of team leads and managers: arrangements beyond their asker's
 * authority wait here until someone whose own authority covers them approves (the
 * arrangement comes into force) or rejects it, each with a reason. Nobody approves their
 * own request.
 */
@Service
public class Approvals {

	private final Arrangements arrangements;

	private final AuthorityMatrix authority;

	private final Activation activation;

	private final Evaluation evaluation;

	private final Accounts accounts;

	private final Creditors creditors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Teams teams;

	Approvals(Arrangements arrangements, AuthorityMatrix authority, Activation activation, Evaluation evaluation,
			Accounts accounts, Creditors creditors, ApplicationEventPublisher events, Clock clock, Teams teams) {
		this.teams = teams;
		this.arrangements = arrangements;
		this.authority = authority;
		this.activation = activation;
		this.evaluation = evaluation;
		this.accounts = accounts;
		this.creditors = creditors;
		this.events = events;
		this.clock = clock;
	}

	/** Requests waiting for a decision, oldest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> pending() {
		return this.arrangements.pendingApprovals();
	}

	/**
	 * The viewer's inbox, oldest first: a manager or administrator sees every request; a
	 * team lead those of the members of the teams they lead (none while they lead no
	 * team).
	 */
	@Transactional(readOnly = true)
	public List<ApprovalView> inboxOf(Asker viewer) {
		Teams.Scope scope = this.teams.scopeOf(viewer.name(), viewer.roles());
		return pending().stream().filter((a) -> scope.covers(a.requestedBy())).toList();
	}

	/**
	 * What in a waiting request lies beyond the viewer's own authority too (empty when
	 * they may approve it), so the inbox can say it needs someone with more before they
	 * try.
	 */
	@Transactional(readOnly = true)
	public List<Phrase> beyondAuthorityOf(ApprovalView approval, Asker viewer) {
		ArrangementView a = this.arrangements.get(approval.arrangementId());
		AccountView account = this.accounts.get(a.accountId());
		return this.authority.strongest(account.creditorId(), a.amount().currency(), viewer.roles())
			.exceeded(proposal(a, account))
			.stream()
			.map(Authority.Exceeded::phrase)
			.toList();
	}

	/**
	 * Approves a request: the arrangement comes into force (a waiver or deferment is
	 * applied).
	 */
	@Transactional
	public ArrangementView approve(UUID approvalId, String reason, Asker approver) {
		Decision d = decision(approvalId, approver);
		ArrangementView a = d.arrangement();
		Authority.Proposal proposal = proposal(a, d.account());
		List<Authority.Exceeded> beyond = this.authority
			.strongest(d.creditor().id(), a.amount().currency(), approver.roles())
			.exceeded(proposal);
		if (!beyond.isEmpty()) {
			throw new ConflictException(
					"beyond your authority too (%s); it needs someone with more"
						.formatted(Authority.Exceeded.texts(beyond)),
					Phrase.of("rule.authority.beyondYours", Authority.Exceeded.phrases(beyond)));
		}
		var now = this.clock.instant();
		String why = ArrangementManagement.reason(reason);
		this.arrangements.decide(approvalId, "APPROVED", approver.name(), now, why);
		this.arrangements.history(a.id(), now, approver.name(), "APPROVED", why);
		LocalDate today = LocalDate.now(this.clock.withZone(d.creditor().timeZone()));
		ArrangementView active = this.activation.apply(a, today, approver.name());
		this.events.publishEvent(new Events.ArrangementApproved(a.id(), a.accountId(), a.kind(), approver.name()));
		if (active.status() == ArrangementStatus.ACTIVE) {
			return this.evaluation.evaluate(a.id());
		}
		return active;
	}

	/** Rejects a request, with the reason the agent will see on the account. */
	@Transactional
	public ArrangementView reject(UUID approvalId, String reason, Asker approver) {
		Decision d = decision(approvalId, approver);
		ArrangementView a = d.arrangement();
		var now = this.clock.instant();
		String why = ArrangementManagement.reason(reason);
		this.arrangements.decide(approvalId, "REJECTED", approver.name(), now, why);
		this.arrangements.progress(new ArrangementView(a.id(), a.accountId(), a.kind(), ArrangementStatus.REJECTED,
				a.amount(), a.balanceAtStart(), a.paid(), a.frequency(), a.channel(), a.component(), a.defermentDays(),
				a.offerExpiresOn(), a.reason(), a.createdAt(), a.createdBy(), now, approver.name(), why, false,
				a.instalmentsCancelled(), a.approval()));
		this.arrangements.history(a.id(), now, approver.name(), "REJECTED", why);
		return this.arrangements.get(a.id());
	}

	private Decision decision(UUID approvalId, Asker approver) {
		if (approver.roles().stream().noneMatch((r) -> r == Role.TEAM_LEAD || r == Role.MANAGER || r == Role.ADMIN)) {
			throw new AccessDeniedException("only team leads, managers and administrators decide approvals");
		}
		ApprovalView approval = this.arrangements.approval(approvalId)
			.orElseThrow(() -> new NotFoundException("approval", approvalId));
		ArrangementView a = this.arrangements.lock(approval.arrangementId());
		if (!"PENDING".equals(approval.status()) || a.status() != ArrangementStatus.PENDING_APPROVAL) {
			throw new ConflictException(
					"approval %s was already decided (%s)".formatted(approvalId, approval.status()));
		}
		if (approval.requestedBy().equals(approver.name())) {
			throw new ConflictException("you asked for this arrangement; someone else must approve it");
		}
		if (!this.teams.scopeOf(approver.name(), approver.roles()).covers(approval.requestedBy())) {
			throw new AccessDeniedException(
					"%s is not in a team you lead; their lead or a manager decides".formatted(approval.requestedBy()));
		}
		AccountView account = this.accounts.get(a.accountId());
		CreditorView creditor = this.creditors.get(account.creditorId());
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		if (!a.instalments().isEmpty() && a.instalments().get(0).dueOn().isBefore(today)) {
			throw new ConflictException(
					"the first payment was due on %s, before today; reject this request and ask again"
						.formatted(a.instalments().get(0).dueOn()));
		}
		if (a.offerExpiresOn() != null && a.offerExpiresOn().isBefore(today)) {
			throw new ConflictException(
					"the offer expired on %s; reject this request and ask again".formatted(a.offerExpiresOn()));
		}
		return new Decision(a, account, creditor);
	}

	private static Authority.Proposal proposal(ArrangementView a, AccountView account) {
		Schedule schedule = a.instalments().isEmpty() ? null : new Schedule(
				a.instalments().stream().map((i) -> new Schedule.Instalment(i.dueOn(), i.amount())).toList());
		return switch (a.kind()) {
			case SETTLEMENT -> new Authority.Proposal(ArrangementManagement.discountPct(a.amount(), a.balanceAtStart()),
					null, schedule, null);
			case WAIVER -> new Authority.Proposal(null, a.amount(), null, null);
			case DEFERMENT -> new Authority.Proposal(null, null, null, a.defermentDays());
			default -> new Authority.Proposal(null, null, schedule, null);
		};
	}

	private record Decision(ArrangementView arrangement, AccountView account, CreditorView creditor) {
	}

}
