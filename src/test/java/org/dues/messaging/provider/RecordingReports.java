package org.dues.messaging.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProviderReports} that records what the webhooks report and, as the contract
 * says, takes each provider's event once: a repeat answers false and is not recorded
 * again.
 */
class RecordingReports implements ProviderReports {

	record Status(String provider, String eventId, String providerId, MessageStatus status, @Nullable String error) {
	}

	record Inbound(String provider, String eventId, Channel channel, String from, @Nullable String to, String text) {
	}

	record OptOut(Channel channel, String address, String why) {
	}

	record Refusal(String provider, String path, String why) {
	}

	final List<Status> statuses = new ArrayList<>();

	final List<Inbound> inbound = new ArrayList<>();

	final List<OptOut> optOuts = new ArrayList<>();

	final List<Refusal> refusals = new ArrayList<>();

	final List<Bounce> bounces = new ArrayList<>();

	final List<String> repeats = new ArrayList<>();

	private final Set<String> seen = new HashSet<>();

	@Override
	public synchronized boolean status(String provider, String eventId, String providerId, MessageStatus status,
			@Nullable String error) {
		if (!this.seen.add(provider + "|" + eventId)) {
			this.repeats.add(eventId);
			return false;
		}
		this.statuses.add(new Status(provider, eventId, providerId, status, error));
		return true;
	}

	@Override
	public synchronized boolean inbound(String provider, String eventId, Channel channel, String from,
			@Nullable String to, String text) {
		if (!this.seen.add(provider + "|" + eventId)) {
			this.repeats.add(eventId);
			return false;
		}
		this.inbound.add(new Inbound(provider, eventId, channel, from, to, text));
		return true;
	}

	@Override
	public synchronized Bounce.Taken bounce(Bounce bounce) {
		if (!this.seen.add("bounce|" + bounce.id())) {
			this.repeats.add(bounce.id());
			return Bounce.Taken.REPEAT;
		}
		this.bounces.add(bounce);
		return (bounce.messageId() == null) ? Bounce.Taken.UNMATCHED : Bounce.Taken.APPLIED;
	}

	@Override
	public synchronized void optOut(Channel channel, String address, String why) {
		this.optOuts.add(new OptOut(channel, address, why));
	}

	@Override
	public synchronized void refused(String provider, String path, String why) {
		this.refusals.add(new Refusal(provider, path, why));
	}

}
