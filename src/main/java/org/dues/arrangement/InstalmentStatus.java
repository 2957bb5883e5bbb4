package org.dues.arrangement;

/** Where an instalment stands. */
public enum InstalmentStatus {

	PENDING, PARTIAL, PAID, MISSED

}
