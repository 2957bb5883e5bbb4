package org.dues.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An external collection agency as read.
 *
 * @param commissionRate the commission it is paid by default on what it collects, in
 * percent; each placement carries its own rate
 */
public record AgencyView(UUID id, String code, String name, String country, @Nullable String email,
		@Nullable String phone, BigDecimal commissionRate, boolean active, Instant createdAt, String createdBy) {
}
