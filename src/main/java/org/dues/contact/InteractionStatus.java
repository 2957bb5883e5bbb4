package org.dues.contact;

/**
 * Whether an interaction happened ({@code LOGGED}) or the compliance gate refused it
 * ({@code BLOCKED}: nothing reached the person).
 */
public enum InteractionStatus {

	LOGGED, BLOCKED

}
