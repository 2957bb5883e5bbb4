/*
 * The pay page's chat widget (payment/pay.html, [data-chat-widget]): the customer's first
 * line starts a chat (POST /pay/{token}/chat), whose id and secret the tab keeps in its
 * session storage; the chat's lines and state then arrive over a server-sent event stream
 * (/pay/{token}/chat/{id}/stream?secret=…) and the customer's lines go by POST with the
 * secret. No login and no cookie: the pay link's token and the chat's secret are the
 * authority. Texts come from the widget's data-* attributes, in the page's language, and
 * lines are only ever set as text.
 */
(function () {
	'use strict';

	var box = document.querySelector('[data-chat-widget]');
	if (!box || !window.EventSource || !window.fetch) {
		return;
	}
	var base = box.getAttribute('data-chat-base');
	var key = 'dues-chat:' + base;
	var log = box.querySelector('[data-chat-log]');
	var status = box.querySelector('[data-chat-status]');
	var form = box.querySelector('[data-chat-form]');
	var input = form.querySelector('[name="text"]');
	var error = box.querySelector('[data-chat-error]');
	var chat = null;
	var source = null;
	try {
		chat = JSON.parse(window.sessionStorage.getItem(key));
	}
	catch (ignored) {
		chat = null;
	}

	function show(line) {
		if (log.querySelector('[data-line="' + line.id + '"]')) {
			return;
		}
		var item = document.createElement('li');
		item.setAttribute('data-line', line.id);
		item.setAttribute('data-sender', line.sender);
		item.className = (line.sender === 'CUSTOMER') ? 'dues-chat-mine' : 'dues-chat-theirs';
		var who = document.createElement('strong');
		who.textContent = box.getAttribute('data-label-' + line.sender);
		item.appendChild(who);
		item.appendChild(document.createTextNode(': '));
		var text = document.createElement('span');
		text.textContent = line.text;
		item.appendChild(text);
		log.appendChild(item);
		log.hidden = false;
		log.scrollTop = log.scrollHeight;
	}

	function state(now) {
		status.textContent = box.getAttribute('data-status-' + now.status);
		status.hidden = false;
		if (now.status === 'CLOSED') {
			forget();
		}
	}

	function forget() {
		if (source) {
			source.close();
			source = null;
		}
		chat = null;
		window.sessionStorage.removeItem(key);
	}

	function listen() {
		source = new EventSource(base + '/' + chat.chat + '/stream?secret=' + encodeURIComponent(chat.secret));
		source.addEventListener('line', function (event) {
			show(JSON.parse(event.data));
		});
		source.addEventListener('chat', function (event) {
			state(JSON.parse(event.data));
		});
	}

	function failed() {
		error.hidden = false;
	}

	function send(text) {
		var body = 'text=' + encodeURIComponent(text);
		var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
		if (!chat) {
			while (log.firstChild) {
				log.removeChild(log.firstChild);
			}
			// no cookies go with the widget's requests: the page's language goes as lang
			body += '&lang=' + encodeURIComponent(document.documentElement.lang || 'en');
			return fetch(base, { method: 'POST', headers: headers, body: body, credentials: 'omit' })
				.then(function (response) {
					if (!response.ok) {
						throw new Error(String(response.status));
					}
					return response.json();
				})
				.then(function (started) {
					chat = { chat: started.chat, secret: started.secret };
					window.sessionStorage.setItem(key, JSON.stringify(chat));
					listen();
				});
		}
		body += '&secret=' + encodeURIComponent(chat.secret);
		return fetch(base + '/' + chat.chat + '/messages', { method: 'POST', headers: headers, body: body, credentials: 'omit' })
			.then(function (response) {
				if (response.status === 404 || response.status === 409) {
					forget();
				}
				if (!response.ok) {
					throw new Error(String(response.status));
				}
			});
	}

	form.addEventListener('submit', function (event) {
		event.preventDefault();
		var text = input.value;
		if (!text.trim()) {
			return;
		}
		error.hidden = true;
		send(text).then(function () {
			input.value = '';
		}, failed);
	});

	if (chat) {
		listen();
	}
})();
