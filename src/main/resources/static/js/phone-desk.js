/*
 * The desk's phone panel (telephony/phone.html): one server-sent event stream of the
 * agent's phone events (/desk/phone/stream). A "state" event reloads the panel through
 * htmx (the agent went ready, a call ended, a wrap-up ran out); a "pop" event opens the
 * account of the call that just connected to the agent (a screen pop), whichever node
 * the call was connected on; an "inbound" event opens the page of an inbound call whose
 * caller the agent is to choose among several accounts or find. The time in state ticks
 * every second.
 */
(function () {
	'use strict';

	var source = null;

	function panel() {
		return document.querySelector('[data-phone-panel]');
	}

	function reload() {
		var element = panel();
		if (element && window.htmx) {
			window.htmx.ajax('GET', element.getAttribute('data-phone-panel-url'), { target: element, swap: 'outerHTML' });
		}
	}

	function pop(data) {
		var element = panel();
		if (!element || !/^[0-9a-f-]{36}$/.test(data.account)) {
			return;
		}
		var url = element.getAttribute('data-phone-accounts') + data.account;
		document.body.setAttribute('data-phone-popped', data.account);
		if (window.location.pathname === url) {
			reload();
		}
		else {
			window.location.assign(url);
		}
	}

	function connect() {
		var element = panel();
		if (!element || source || !window.EventSource) {
			return;
		}
		source = new EventSource(element.getAttribute('data-phone-stream'));
		source.addEventListener('state', reload);
		source.addEventListener('pop', function (event) {
			pop(JSON.parse(event.data));
		});
		source.addEventListener('inbound', function (event) {
			var data = JSON.parse(event.data);
			if (/^[0-9a-f-]{36}$/.test(data.call)) {
				window.location.assign(panel().getAttribute('data-phone-inbound') + data.call);
			}
		});
	}

	function tick() {
		var element = panel();
		var clock = element && element.querySelector('[data-phone-clock]');
		if (!clock) {
			return;
		}
		var seconds = parseInt(element.getAttribute('data-seconds'), 10) + 1;
		element.setAttribute('data-seconds', String(seconds));
		var rest = seconds % 60;
		clock.textContent = Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
	}

	window.setInterval(tick, 1000);
	document.addEventListener('htmx:afterSettle', connect);
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', connect);
	}
	else {
		connect();
	}
})();
