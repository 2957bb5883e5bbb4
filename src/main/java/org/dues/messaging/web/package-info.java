/**
 * Messaging on the web: the templates and messages API, the desk's message panel, the
 * templates pages and the Sandbox of the simulated providers.
 */
@NullMarked
package org.dues.messaging.web;

import org.jspecify.annotations.NullMarked;
