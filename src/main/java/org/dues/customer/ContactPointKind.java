package org.dues.customer;

/** The kinds of contact point a customer has. */
public enum ContactPointKind {

	PHONE, EMAIL, ADDRESS

}
