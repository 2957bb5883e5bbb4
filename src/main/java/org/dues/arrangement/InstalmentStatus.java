package org.dues.arrangement;

/**
 * Where an instalment stands; {@code CANCELLED} once its arrangement was rejected or
 * cancelled before it was paid (no longer due).
 */
public enum InstalmentStatus {

	PENDING, PARTIAL, PAID, MISSED, CANCELLED

}
