/**
 * Web glue shared by every page: formatting, the language switch, the home page.
 */
@NullMarked
package org.dues.system.web;

import org.jspecify.annotations.NullMarked;
