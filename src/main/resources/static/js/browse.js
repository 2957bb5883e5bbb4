// The accounts browser: a checkbox that checks or clears every account on the page. Without
// script it stays hidden, and each row is checked by itself.
document.addEventListener('DOMContentLoaded', () => {
	const page = document.getElementById('choose-page');
	if (!page) {
		return;
	}
	const rows = () => document.querySelectorAll('#browse-table input[name="ids"]');
	page.closest('[data-choose-page]').classList.remove('d-none');
	page.addEventListener('change', () => rows().forEach((row) => { row.checked = page.checked; }));
});
