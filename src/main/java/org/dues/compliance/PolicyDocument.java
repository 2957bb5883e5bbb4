package org.dues.compliance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dues.compliance.ContactPolicy.CallFrequency;
import org.dues.compliance.ContactPolicy.HoldEffect;
import org.dues.compliance.ContactPolicy.Layer;
import org.dues.compliance.ContactPolicy.ThirdParty;
import org.dues.compliance.ContactPolicy.VolumeLimit;
import org.dues.compliance.ContactPolicy.Window;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy or a layer as stored: JSON whose fields are those of {@link ContactPolicy},
 * all optional in a layer and all required in a base policy.
 */
record PolicyDocument(@Nullable Map<Channel, Window> hours, @Nullable Boolean inconvenientTimeConsent,
		@Nullable Duration replyWindow, @Nullable CallFrequency callFrequency, @Nullable List<VolumeLimit> volumeLimits,
		@Nullable Map<HoldType, HoldEffect> holds, @Nullable ThirdParty thirdParty) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static PolicyDocument parse(String json) {
		return JSON.readValue(json, PolicyDocument.class);
	}

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	ContactPolicy toPolicy(String code, int version, LocalDate effectiveFrom) {
		if (this.hours == null || this.inconvenientTimeConsent == null || this.replyWindow == null || this.holds == null
				|| this.thirdParty == null) {
			throw new IllegalStateException("base policy %s v%d lacks a required field".formatted(code, version));
		}
		return new ContactPolicy(code, version, effectiveFrom, this.hours, this.inconvenientTimeConsent,
				this.replyWindow, this.callFrequency, (this.volumeLimits == null) ? List.of() : this.volumeLimits,
				this.holds, this.thirdParty);
	}

	Layer toLayer(@Nullable String code, int version, LocalDate effectiveFrom) {
		return new Layer(code, version, effectiveFrom, (this.hours == null) ? Map.of() : this.hours,
				this.inconvenientTimeConsent, this.replyWindow, this.callFrequency,
				(this.volumeLimits == null) ? List.of() : this.volumeLimits,
				(this.holds == null) ? Map.of() : this.holds, this.thirdParty);
	}

}
