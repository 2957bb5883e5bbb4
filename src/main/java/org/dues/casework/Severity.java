package org.dues.casework;

/**
 * How serious a complaint is: a high one goes to a lead at once and places a contact
 * hold.
 */
public enum Severity {

	LOW, MEDIUM, HIGH

}
