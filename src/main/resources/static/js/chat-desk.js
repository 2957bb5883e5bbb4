/*
 * The desk's chat panel (messaging/chats.html): one server-sent event stream of every chat
 * given to the agent (/desk/chats/stream) appends each line as it comes, whichever node it
 * was written on; a chat that is new, closed or newly verified reloads the panel through
 * htmx. Lines, canned replies, the payment link and closing go by POST with the CSRF
 * token from the page's meta tags; a refusal is shown in the chat's [data-chat-error].
 * Text is only ever set as text, never as HTML.
 */
(function () {
	'use strict';

	var source = null;

	function panel() {
		return document.querySelector('[data-chat-panel]');
	}

	function reload() {
		var element = panel();
		if (element && window.htmx) {
			window.htmx.ajax('GET', element.getAttribute('data-chat-panel-url'), { target: element, swap: 'outerHTML' });
		}
	}

	function append(line) {
		var log = document.querySelector('[data-chat-log="' + line.chat + '"]');
		if (!log) {
			reload();
			return;
		}
		if (log.querySelector('[data-line="' + line.id + '"]')) {
			return;
		}
		var item = document.createElement('li');
		item.setAttribute('data-line', line.id);
		item.setAttribute('data-sender', line.sender);
		var who = document.createElement('strong');
		who.textContent = panel().getAttribute('data-label-' + line.sender) || line.sender;
		item.appendChild(who);
		item.appendChild(document.createTextNode(': '));
		var text = document.createElement('span');
		text.textContent = line.text;
		item.appendChild(text);
		log.appendChild(item);
		log.scrollTop = log.scrollHeight;
	}

	function state(chat) {
		var element = document.querySelector('[data-chat="' + chat.chat + '"]');
		if (!element || element.getAttribute('data-status') !== chat.status
				|| element.getAttribute('data-verified') !== String(chat.verified)) {
			reload();
		}
	}

	function connect() {
		var element = panel();
		if (!element || source || !window.EventSource) {
			return;
		}
		source = new EventSource(element.getAttribute('data-chat-stream'));
		source.addEventListener('line', function (event) {
			append(JSON.parse(event.data));
		});
		source.addEventListener('chat', function (event) {
			state(JSON.parse(event.data));
		});
	}

	function post(url, body, chat) {
		var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			headers[header.content] = token.content;
		}
		var error = chat && chat.querySelector('[data-chat-error]');
		return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
			.then(function (response) {
				if (response.ok) {
					if (error) {
						error.hidden = true;
					}
					return true;
				}
				return response.text().then(function (text) {
					if (error) {
						error.textContent = text;
						error.hidden = false;
					}
					return false;
				});
			});
	}

	document.addEventListener('submit', function (event) {
		var form = event.target.closest('[data-chat-say]');
		if (!form) {
			return;
		}
		event.preventDefault();
		var input = form.querySelector('[name="text"]');
		if (!input.value.trim()) {
			return;
		}
		post(form.getAttribute('data-action'), 'text=' + encodeURIComponent(input.value), form.closest('[data-chat]'))
			.then(function (sent) {
				if (sent) {
					input.value = '';
				}
			});
	});

	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-chat-post]');
		if (!button || button.disabled) {
			return;
		}
		post(button.getAttribute('data-chat-post'), '', button.closest('[data-chat]')).then(function (done) {
			if (done && button.hasAttribute('data-chat-reload')) {
				reload();
			}
		});
	});

	document.addEventListener('htmx:afterSettle', connect);
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', connect);
	}
	else {
		connect();
	}
})();
