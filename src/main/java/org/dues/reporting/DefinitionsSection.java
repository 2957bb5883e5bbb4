package org.dues.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The pack's last part: every measure's definition, as an analyst would write it. */
@Component
class DefinitionsSection implements PackSection {

	private final MessageSource messages;

	DefinitionsSection(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	public List<ReportTable> tables(Request request) {
		Locale reader = request.reader();
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			rows.add(List.of(PackCells.say(this.messages, measure.nameKey(), reader),
					PackCells.say(this.messages, measure.definitionKey(), reader)));
		}
		return List.of(new ReportTable(PackCells.say(this.messages, "report.pack.definitions", reader), null,
				List.of(PackCells.say(this.messages, "report.pack.measure", reader),
						PackCells.say(this.messages, "report.pack.definition", reader)),
				rows));
	}

}
