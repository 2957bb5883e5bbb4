package org.dues.customer;

/**
 * Where a contact point a person adds came from: the customer gave it (on a call, in a
 * letter), or the agent found it (a tracing search, a reference). Contact points that
 * come with an account carry the way they came instead ({@code IMPORT}, {@code API}).
 */
public enum ContactPointSource {

	CUSTOMER, AGENT

}
