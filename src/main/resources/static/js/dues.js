/*
 * Dues in the browser, beside htmx (a static file: the Content-Security-Policy allows no
 * inline script). Three things, each needing nothing from the server but attributes:
 *
 * - The menu folds on a narrow screen behind a button with aria-expanded
 *   ([data-menu-toggle] controlling the element its aria-controls names); Escape folds it.
 * - Keyboard shortcuts: a control that declares aria-keyshortcuts="Alt+N" is pressed (a
 *   button or link) or focused (a field) when Alt and that key are pressed, wherever the
 *   focus is. Only Alt+letter: single-key shortcuts would fire while a person types
 *   (WCAG 2.1.4). The key is matched by its place (event.code), so it works whatever the
 *   keyboard's layout or language and with macOS's Option key.
 * - Focus kept across htmx swaps: when a swap removes the element that had the focus,
 *   htmx puts it back on the element of the same id if there is one; otherwise, or when the
 *   new content names a next step, the focus moves to, in order: a field marked invalid or
 *   an element marked [data-focus-next] (the logical next control, set by the template),
 *   the element that had the focus (same id), a [data-flash] message, the first usable
 *   [data-focus-first], the swapped element itself. A part loaded when the page opens
 *   takes the focus only while nothing else has it, and only to a [data-focus-first].
 */
(function () {
	'use strict';

	var root = document.documentElement;
	root.classList.add('dues-js');

	function usable(element) {
		return element && !element.disabled && element.getClientRects().length > 0
			&& !element.closest('[hidden], [inert]');
	}

	function firstUsable(scope, selector) {
		var found = scope.querySelectorAll(selector);
		for (var i = 0; i < found.length; i++) {
			if (usable(found[i])) {
				return found[i];
			}
		}
		return null;
	}

	function focus(element) {
		if (!element.matches('a[href], button, input, select, textarea, summary, [tabindex]')) {
			element.setAttribute('tabindex', '-1');
		}
		element.focus();
	}

	/* The menu. */
	function menus() {
		document.querySelectorAll('[data-menu-toggle]').forEach(function (button) {
			var menu = document.getElementById(button.getAttribute('aria-controls'));
			if (!menu) {
				return;
			}
			function open(wanted) {
				button.setAttribute('aria-expanded', String(wanted));
				menu.classList.toggle('show', wanted);
			}
			button.addEventListener('click', function () {
				open(button.getAttribute('aria-expanded') !== 'true');
			});
			[button, menu].forEach(function (element) {
				element.addEventListener('keydown', function (event) {
					if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
						open(false);
						button.focus();
					}
				});
			});
		});
	}

	/* Keyboard shortcuts. */
	function shortcut(event) {
		if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) {
			return;
		}
		var match = /^(Key|Digit)([A-Z0-9])$/.exec(event.code || '');
		if (!match) {
			return;
		}
		var control = firstUsable(document, '[aria-keyshortcuts~="Alt+' + match[2] + '"]');
		if (!control) {
			return;
		}
		event.preventDefault();
		if (control.matches('input, select, textarea')) {
			control.focus();
			if (control.select && control.type !== 'date' && control.type !== 'number') {
				control.select();
			}
		}
		else {
			control.click();
		}
	}

	/*
	 * A field Bootstrap marks .is-invalid is marked aria-invalid too, and described by its
	 * message (the .invalid-feedback beside it), so a screen reader says what is wrong.
	 */
	var feedbacks = 0;

	function markInvalid(scope) {
		scope.querySelectorAll('.is-invalid').forEach(function (field) {
			field.setAttribute('aria-invalid', 'true');
			var feedback = field.parentElement && field.parentElement.querySelector('.invalid-feedback');
			if (feedback) {
				if (!feedback.id) {
					feedback.id = 'dues-feedback-' + (++feedbacks);
				}
				field.setAttribute('aria-describedby', feedback.id);
			}
		});
	}

	/* Focus across htmx swaps: what had the focus when each target was swapped. */
	var before = new Map();

	document.addEventListener('htmx:beforeSwap', function (event) {
		var target = event.detail.target;
		var active = document.activeElement;
		if (!target || !target.id) {
			return;
		}
		if (!active || active === document.body) {
			before.set(target.id, { had: false });
		}
		else if (target.contains(active)) {
			before.set(target.id, { had: true, id: active.id || null });
		}
		else {
			before.delete(target.id);
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		var swapped = event.target;
		if (!(swapped instanceof Element)) {
			return;
		}
		markInvalid(swapped);
		if (!swapped.id || !before.has(swapped.id)) {
			return;
		}
		var was = before.get(swapped.id);
		before.delete(swapped.id);
		var active = document.activeElement;
		var focusElsewhere = active && active !== document.body && !swapped.contains(active);
		if (!was.had) {
			// loaded while nothing had the focus: take it only for a first step, and
			// only if nothing took it meanwhile
			var first = focusElsewhere ? null : firstUsable(swapped, '[data-focus-first]');
			if (first) {
				focus(first);
			}
			return;
		}
		if (focusElsewhere) {
			return;
		}
		var next = firstUsable(swapped, '.is-invalid, [aria-invalid="true"], [data-focus-next]');
		if (next) {
			focus(next);
			return;
		}
		if (active && active !== document.body && swapped.contains(active)) {
			return; // htmx put it back on the element of the same id
		}
		var fallback = (was.id && document.getElementById(was.id))
			|| firstUsable(swapped, '[data-flash]')
			|| firstUsable(swapped, '[data-focus-first]')
			|| swapped;
		focus(fallback);
	});

	/* A whole page: its first step takes the focus if nothing has it. */
	function firstStep() {
		var active = document.activeElement;
		if (location.hash || (active && active !== document.body)) {
			return;
		}
		var first = firstUsable(document, '[data-focus-first]');
		if (first) {
			focus(first);
		}
	}

	document.addEventListener('keydown', shortcut);
	document.addEventListener('DOMContentLoaded', function () {
		menus();
		markInvalid(document);
		firstStep();
	});
})();
