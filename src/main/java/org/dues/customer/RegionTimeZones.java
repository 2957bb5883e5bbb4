package org.dues.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.dues.shared.PostalAddress;

/**
 * The time zones a postal address may lie in: one per country for single-zone countries,
 * per state for the United States (every zone a state spans, so contact windows take the
 * overlap), from {@code customer/region-time-zones.properties}.
 */
final class RegionTimeZones {

	private static final Properties ZONES = load();

	private RegionTimeZones() {
	}

	static List<String> of(PostalAddress address) {
		String state = address.state() == null ? null : address.state().toUpperCase(Locale.ROOT);
		String zones = (state != null) ? ZONES.getProperty(address.country() + "-" + state) : null;
		if (zones == null) {
			zones = ZONES.getProperty(address.country());
		}
		return (zones == null) ? List.of() : Arrays.asList(zones.split(","));
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = RegionTimeZones.class.getResourceAsStream("/customer/region-time-zones.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
