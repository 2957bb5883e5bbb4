package org.dues.system;

/**
 * How this node was started: on the embedded database or a configured server, and whether
 * demo data and users belong in an empty database.
 *
 * @param embeddedDatabase the database is the embedded one
 * @param demo load the demo portfolio and users into an empty database
 */
public record RuntimeMode(boolean embeddedDatabase, boolean demo) {
}
