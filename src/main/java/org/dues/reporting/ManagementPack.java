package org.dues.reporting;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The monthly (or weekly) management pack: a report of the period's figures for a
 * creditor or all of them, made of the {@link PackSection}s there are, headed by what it
 * covers and when it was made, as a PDF or a workbook.
 */
@Service
public class ManagementPack {

	private final List<PackSection> sections;

	private final MessageSource messages;

	private final Clock clock;

	private final Creditors creditors;

	ManagementPack(List<PackSection> sections, Creditors creditors, MessageSource messages, Clock clock) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(PackSection::order)).toList();
		this.creditors = creditors;
		this.messages = messages;
		this.clock = clock;
	}

	/** The pack for the period, creditor (null: all) and reader. */
	public ReportDocument build(ReportPeriod period, @Nullable String creditor, Locale reader, ZoneId zone) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(reader);
		DateTimeFormatter stamp = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(reader);
		List<String> covers = new ArrayList<>();
		covers.add(say("report.covers.period", reader, dates.format(period.from()), dates.format(period.to()),
				period.label()));
		covers.add(say("report.covers.creditor", reader,
				(creditor == null) ? say("report.covers.allCreditors", reader, new Object[0]) : creditor));
		covers.add(say("report.covers.made", reader, stamp.format(ZonedDateTime.now(this.clock.withZone(zone))),
				zone.getId()));
		PackSection.Request request = new PackSection.Request(period,
				(creditor == null) ? null : this.creditors.getByCode(creditor), reader, zone);
		List<ReportTable> tables = new ArrayList<>();
		for (PackSection section : this.sections) {
			tables.addAll(section.tables(request));
		}
		return new ReportDocument(say("report.pack.title", reader, period.label()), covers, tables);
	}

	private String say(String key, Locale reader, Object... arguments) {
		return this.messages.getMessage(key, arguments, reader);
	}

}
