// The field agent's check-in: asks the phone for its position (with its accuracy) and
// sends it with the form; when the phone gives none (refused, no GPS, too slow) the form
// goes without, and Dues records the check-in with no position. The time is the server's.
(function () {
	'use strict';
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.matches || !form.matches('form[data-check-in]') || form.dataset.located === 'yes') {
			return;
		}
		if (!('geolocation' in navigator)) {
			return;
		}
		event.preventDefault();
		var button = form.querySelector('button[type=submit]');
		if (button) {
			button.disabled = true;
			if (button.dataset.locating) {
				button.textContent = button.dataset.locating;
			}
		}
		var send = function () {
			form.dataset.located = 'yes';
			form.submit();
		};
		navigator.geolocation.getCurrentPosition(function (position) {
			form.elements.latitude.value = position.coords.latitude.toFixed(6);
			form.elements.longitude.value = position.coords.longitude.toFixed(6);
			if (position.coords.accuracy != null) {
				form.elements.accuracy.value = position.coords.accuracy.toFixed(1);
			}
			send();
		}, send, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
	});
})();
