package org.dues.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotPermittedException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of a complex case to a senior inside the team: an agent names a lead (their
 * own by default) or a specialist team and says why; it lands in the senior's inbox with
 * an answer due within the SLA ({@code dues.casework.referral-answer-business-days}, one
 * business day by default); the answer comes back to the agent on the account's cases.
 */
@Service
public class Referrals {

	/** Who may answer a referral besides the one it was given to. */
	static final Set<String> SENIORS = Set.of(Role.TEAM_LEAD.authority(), Role.MANAGER.authority(),
			Role.COMPLIANCE.authority(), Role.ADMIN.authority());

	private final Cases cases;

	private final Accounts accounts;

	private final Creditors creditors;

	private final UserManagement users;

	private final Teams teams;

	private final int answerDays;

	private final Clock clock;

	Referrals(Cases cases, Accounts accounts, Creditors creditors, UserManagement users, Teams teams,
			@Value("${dues.casework.referral-answer-business-days:1}") int answerDays, Clock clock) {
		this.cases = cases;
		this.accounts = accounts;
		this.creditors = creditors;
		this.users = users;
		this.teams = teams;
		this.answerDays = answerDays;
		this.clock = clock;
	}

	/**
	 * Refers the account to a senior: a named user (a lead or a specialist), else the
	 * lead of the referring agent's first team.
	 */
	@Transactional
	public CaseView refer(AccountId accountId, String reason, @Nullable String to, String actor) {
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		String why = Cases.required("reason", reason);
		String senior = (to != null && !to.isBlank()) ? to.strip() : leadOf(actor);
		if (senior == null || this.users.find(senior).isEmpty()) {
			throw new InvalidInputException("to",
					(senior == null) ? "you lead no team's member; name the senior" : "no user %s".formatted(senior));
		}
		if (senior.equals(actor)) {
			throw new InvalidInputException("to", "a referral goes to someone else");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		LocalDate due = CaseDeadlines.calendar(creditor).plusBusinessDays(today, this.answerDays);
		return this.cases.open(
				new Cases.NewCase(CaseType.REFERRAL, CaseStatus.OPEN, accountId.value(), account.customerId().value(),
						account.creditorId().value(), creditor.jurisdiction(), "SENIOR", null, why, null,
						account.currency().getCurrencyCode(), today, senior, null, null, false, Map.of("from", actor),
						null),
				List.of(new CaseDeadline("ANSWER", due,
						Phrase.of("casework.rule.referral.answer", (long) this.answerDays))),
				actor);
	}

	/** The senior's answer; the case closes and the agent reads it on the account. */
	@Transactional
	public CaseView answer(UUID caseId, String answer, Actor actor) {
		CaseView c = this.cases.get(caseId);
		if (c.type() != CaseType.REFERRAL) {
			throw new ConflictException("case %s is a %s, not a referral".formatted(c.reference(), c.type()));
		}
		if (!c.open()) {
			throw new ConflictException("referral %s was answered already".formatted(c.reference()),
					Phrase.of("casework.conflict.closed", c.reference()));
		}
		if (!actor.name().equals(c.ownerUser()) && !actor.hasAny(SENIORS)) {
			throw new NotPermittedException("the senior it was referred to, or a lead, answers a referral");
		}
		this.cases.meet(c.id(), "ANSWER");
		this.cases.close(this.cases.get(caseId), CaseOutcome.ANSWERED, Cases.required("answer", answer), actor.name());
		return this.cases.get(caseId);
	}

	private @Nullable String leadOf(String agent) {
		return this.teams.teamsOf(agent)
			.stream()
			.map(this.teams::get)
			.map(Teams.TeamView::lead)
			.filter((lead) -> lead != null && !lead.equals(agent))
			.findFirst()
			.orElse(null);
	}

}
