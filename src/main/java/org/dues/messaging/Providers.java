package org.dues.messaging;

import java.util.List;
import java.util.Optional;

import org.dues.compliance.Channel;
import org.dues.messaging.provider.MessageProvider;
import org.dues.messaging.provider.Route;

import org.springframework.stereotype.Component;

/**
 * Picks the provider of a message: the first configured real provider of its channel that
 * serves the destination, else the simulated one (the embedded default).
 */
@Component
class Providers {

	static final String SIMULATED = "simulated";

	private final List<MessageProvider> providers;

	Providers(List<MessageProvider> providers) {
		this.providers = providers;
	}

	Optional<MessageProvider> route(Channel channel, Route route) {
		Optional<MessageProvider> real = this.providers.stream()
			.filter((p) -> p.channel() == channel && !SIMULATED.equals(p.name()) && p.serves(route))
			.findFirst();
		if (real.isPresent()) {
			return real;
		}
		return this.providers.stream()
			.filter((p) -> p.channel() == channel && SIMULATED.equals(p.name()) && p.serves(route))
			.findFirst();
	}

	/**
	 * Whether no real provider of the channel is configured: then every message goes to
	 * the simulated one, wherever it is addressed, and no route need be worked out.
	 */
	boolean onlySimulated(Channel channel) {
		return this.providers.stream().noneMatch((p) -> p.channel() == channel && !SIMULATED.equals(p.name()));
	}

	Optional<MessageProvider> named(String name, Channel channel) {
		return this.providers.stream().filter((p) -> p.name().equals(name) && p.channel() == channel).findFirst();
	}

}
