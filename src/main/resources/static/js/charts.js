/*
 * The reporting dashboard's charts, drawn with ECharts (SVG, so text is shaped as the
 * browser shapes Hindi and Malayalam) from data the server put in the page: an element
 * with data-chart='{"kind": …}' is drawn from that JSON (an attribute, escaped as any
 * attribute is, so no label can end a script).
 * Each chart has the same figures beside it as a table, for a screen reader and for
 * whoever would rather read.
 *
 * Kinds: line and bar {x: [labels], series: [{name, values}], unit: "money"|"count"|"rate",
 * currency}; heatmap {x: [labels], y: [labels], cells: [[x, y, fraction]]};
 * funnel {stages: [{name, value}]}; gauge-less progress is a <progress> in the page.
 */
(function () {
	'use strict';

	function formatter(data) {
		var locale = data.locale || document.documentElement.lang || 'en';
		if (data.unit === 'money' && data.currency) {
			var money = new Intl.NumberFormat(locale, {style: 'currency', currency: data.currency, maximumFractionDigits: 0});
			return function (v) { return money.format(v); };
		}
		if (data.unit === 'rate') {
			var rate = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
			return function (v) { return rate.format(v); };
		}
		var count = new Intl.NumberFormat(locale);
		return function (v) { return count.format(v); };
	}

	function option(data, label) {
		var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		var format = formatter(data);
		var base = {
			animation: !reduced,
			aria: {enabled: true, label: {description: label}},
			textStyle: {fontFamily: 'system-ui, "Noto Sans", "Noto Sans Devanagari", "Noto Sans Malayalam", sans-serif'},
			tooltip: {valueFormatter: format}
		};
		if (data.kind === 'line' || data.kind === 'bar') {
			base.grid = {left: 8, right: 16, top: 36, bottom: 8, containLabel: true};
			base.legend = {top: 0};
			base.tooltip.trigger = 'axis';
			base.xAxis = {type: 'category', data: data.x, boundaryGap: data.kind === 'bar'};
			base.yAxis = {type: 'value', axisLabel: {formatter: format}};
			base.series = data.series.map(function (s, i) {
				return {name: s.name, type: data.kind, data: s.values, connectNulls: false,
					lineStyle: i > 0 ? {type: 'dashed'} : undefined, symbolSize: 5};
			});
		}
		else if (data.kind === 'heatmap') {
			var max = 0;
			data.cells.forEach(function (c) { if (c[2] > max) { max = c[2]; } });
			base.grid = {left: 8, right: 8, top: 24, bottom: 56, containLabel: true};
			base.tooltip = {position: 'top', formatter: function (p) {
				return data.y[p.value[1]] + ' → ' + data.x[p.value[0]] + ': ' + format(p.value[2]);
			}};
			base.xAxis = {type: 'category', data: data.x, name: data.xName, nameLocation: 'middle', nameGap: 28, splitArea: {show: true}};
			base.yAxis = {type: 'category', data: data.y, name: data.yName, inverse: true, splitArea: {show: true}};
			base.visualMap = {min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
				inRange: {color: ['#f7fbff', '#6baed6', '#08306b']}, formatter: function (v) { return format(v); }};
			base.series = [{type: 'heatmap', data: data.cells,
				label: {show: true, formatter: function (p) { return format(p.value[2]); }}}];
		}
		else if (data.kind === 'funnel') {
			base.tooltip = {trigger: 'item', formatter: function (p) { return p.name + ': ' + format(p.value); }};
			base.series = [{type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 8, bottom: 8, minSize: '8%',
				label: {show: true, position: 'inside', formatter: function (p) { return p.name + ' ' + format(p.value); }},
				data: data.stages.map(function (s) { return {name: s.name, value: s.value}; })}];
		}
		return base;
	}

	function draw(element) {
		if (typeof echarts === 'undefined') {
			return;
		}
		var data = JSON.parse(element.getAttribute('data-chart'));
		var chart = echarts.init(element, null, {renderer: 'svg'});
		chart.setOption(option(data, element.getAttribute('aria-label') || ''));
		element.setAttribute('data-drawn', 'true');
		window.addEventListener('resize', function () { chart.resize(); });
	}

	function start() {
		document.querySelectorAll('[data-chart]').forEach(draw);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
