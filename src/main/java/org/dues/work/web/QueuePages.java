package org.dues.work.web;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.Choice;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.dues.system.Scoped;
import org.dues.work.ArrangementState;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One queue: its settings and history for the leads of its team, and the form with which
 * a manager or administrator changes or deletes it (the list and new queues are
 * {@link LeadPages}').
 */
@PageController
class QueuePages {

	private final Queues queues;

	private final Creditors creditors;

	QueuePages(Queues queues, Creditors creditors) {
		this.queues = queues;
		this.creditors = creditors;
	}

	@GetMapping("/queues/{id}")
	String queue(@PathVariable @Scoped("queue") UUID id, HttpSession session, Model model, Authentication user) {
		Queues.QueueView queue = this.queues.get(id);
		model.addAttribute("queue", queue);
		model.addAttribute("size", this.queues.size(id));
		model.addAttribute("history", this.queues.history(id));
		model.addAttribute("zone",
				FloorZone.of(session, () -> this.creditors.busiestZone().orElse(ZoneOffset.UTC)).getId());
		model.addAttribute("canDefine", LeadPages.canDefine(user));
		model.addAttribute("sorts", QueueSort.values());
		model.addAttribute("states", ArrangementState.values());
		return "work/queue";
	}

	@PostMapping("/queues/{id}")
	String change(@PathVariable @Scoped("queue") UUID id, @ModelAttribute LeadPages.QueueForm form, Authentication user,
			RedirectAttributes redirect) {
		return LeadPages.act(redirect, "/queues/" + id, "queues.edited", () -> {
			Queues.QueueView current = this.queues.get(id);
			this.queues.change(id, version(form),
					new Queues.QueueState(String.valueOf(form.name()), LeadPages.filters(form),
							Choice.orElse("sort", form.sort(), QueueSort.class, current.sort()),
							(form.priority() == null) ? current.priority() : form.priority(), current.active()),
					user.getName());
		});
	}

	@PostMapping("/queues/{id}/delete")
	String delete(@PathVariable @Scoped("queue") UUID id, @ModelAttribute LeadPages.QueueForm form, Authentication user,
			RedirectAttributes redirect) {
		String page = LeadPages.act(redirect, "/queues", "queues.deleted",
				() -> this.queues.delete(id, version(form), user.getName()));
		return redirect.getFlashAttributes().containsKey("problem") ? "redirect:/queues/" + id : page;
	}

	/** The version the form was filled on: a form without one is a stale page's. */
	private static int version(LeadPages.QueueForm form) {
		if (form.version() == null) {
			throw new ConflictException("the form did not say which version of the queue it changes: open it again");
		}
		return form.version();
	}

}
