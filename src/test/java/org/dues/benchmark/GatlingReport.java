package org.dues.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The statistics table of a Gatling HTML report (Gatling 3.15 writes no JSON of it): per
 * request name, the client's counts and response times in milliseconds.
 */
record GatlingReport(Path folder, Map<String, Row> rows) {

	record Row(long total, long ok, long ko, double p50, double p95, double p99, double p999, double max, double mean) {
	}

	/** The report of the newest run in Gatling's results folder. */
	static GatlingReport newest(Path results) throws IOException {
		Path folder;
		try (Stream<Path> runs = Files.list(results)) {
			folder = runs.filter((p) -> Files.exists(p.resolve("index.html")))
				.max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
				.orElseThrow(() -> new IllegalStateException("no Gatling report in " + results));
		}
		Document page = Jsoup.parse(folder.resolve("index.html").toFile());
		Map<String, String> columns = new HashMap<>();
		for (Element header : page.select("#container_statistics_head th[id^=col-]")) {
			columns.put(header.text(), header.id());
		}
		Map<String, Row> rows = new LinkedHashMap<>();
		for (Element row : page.select("#container_statistics_body tr")) {
			Element name = row.selectFirst(".ellipsed-name");
			if (name == null) {
				continue;
			}
			rows.put(name.text(), new Row((long) value(row, columns, "Total"), (long) value(row, columns, "OK"),
					(long) value(row, columns, "KO"), value(row, columns, "50th pct"), value(row, columns, "95th pct"),
					value(row, columns, "99th pct"), value(row, columns, "99.9th pct"), value(row, columns, "Max"),
					value(row, columns, "Mean")));
		}
		return new GatlingReport(folder, rows);
	}

	Row row(String name) {
		Row row = this.rows.get(name);
		if (row == null) {
			throw new IllegalStateException(
					"no '%s' in the Gatling report %s: %s".formatted(name, this.folder, this.rows.keySet()));
		}
		return row;
	}

	private static double value(Element row, Map<String, String> columns, String label) {
		String column = columns.get(label);
		if (column == null) {
			throw new IllegalStateException("the Gatling report has no column " + label + ": " + columns.keySet());
		}
		Element cell = row.selectFirst("td." + column);
		String text = (cell == null) ? "" : cell.text().replace(",", "").strip();
		return (text.isEmpty() || text.equals("-")) ? 0 : Double.parseDouble(text);
	}

}
