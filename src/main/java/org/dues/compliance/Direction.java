package org.dues.compliance;

/**
 * Who started an interaction.
 */
public enum Direction {

	OUTBOUND, INBOUND

}
