package org.dues.work.web;

import java.time.Clock;
import java.util.UUID;

import org.dues.arrangement.Approvals;
import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.dues.work.Worklist;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The agent's worklist on the desk, an htmx fragment the desk loads beside next account:
 * today's callbacks, payments due, broken promises to chase and answered approvals, each
 * opening its account, with their counts; for whoever decides approvals, how many wait.
 * An answered approval, and a customer's reply, are opened through here, which takes them
 * off the worklist.
 */
@PageController
class WorklistPages {

	private final Worklist worklist;

	private final Approvals approvals;

	private final Clock clock;

	WorklistPages(Worklist worklist, Approvals approvals, Clock clock) {
		this.worklist = worklist;
		this.approvals = approvals;
		this.clock = clock;
	}

	@GetMapping("/desk/worklist")
	String worklist(Model model, Authentication user) {
		Asker viewer = DeskPages.asker(user);
		model.addAttribute("worklist", this.worklist.of(user.getName()));
		model.addAttribute("now", this.clock.instant());
		boolean decides = viewer.roles().contains(Role.TEAM_LEAD) || viewer.roles().contains(Role.MANAGER)
				|| viewer.roles().contains(Role.ADMIN);
		model.addAttribute("toDecide", decides ? this.approvals.inboxOf(viewer).size() : -1);
		return "work/worklist :: worklist";
	}

	@PostMapping("/desk/worklist/replies/{followUpId}")
	String openReply(@PathVariable @Scoped("followup") UUID followUpId, Authentication user) {
		return this.worklist.openReply(user.getName(), followUpId)
			.map((account) -> "redirect:/accounts/" + account.value())
			.orElseThrow(() -> new NotFoundException("reply", followUpId));
	}

	@PostMapping("/desk/worklist/answers/{approvalId}")
	String openAnswer(@PathVariable @Scoped("approval") UUID approvalId, Authentication user) {
		return this.worklist.open(user.getName(), approvalId)
			.map((account) -> "redirect:/accounts/" + account.value())
			.orElseThrow(() -> new NotFoundException("approval", approvalId));
	}

}
