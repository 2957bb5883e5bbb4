package org.dues.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a path variable that names something no caller's scope narrows (a creditor's
 * code, a role, a policy's code) or that only roles seeing everything reach, with the
 * reason. Every path variable of every handler is either {@link Scoped} or
 * {@code Unscoped}; a test fails on one that is neither, so a new endpoint decides on the
 * day it is written.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Unscoped {

	/** Why no scope check applies. */
	String value();

}
