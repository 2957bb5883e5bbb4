package org.dues.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a path variable of a web or API handler as naming a record that must lie within
 * the caller's scope. Before the handler runs, {@link Scopes} finds the record through
 * the {@link RecordLocator} of that kind and asks {@link RecordScope} whether the caller
 * reaches it; a record that does not exist, or lies outside the caller's scope, answers
 * 404 alike. When a handler names an account and another record, the other record must
 * belong to that account, so nobody reaches another account's record by putting its id
 * under their own account's path.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Scoped {

	/** The kind of record, as its {@link RecordLocator#kind()} names it. */
	String value();

}
