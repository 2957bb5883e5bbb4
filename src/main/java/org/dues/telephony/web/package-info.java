/**
 * Telephony's pages and API: recordings (listed and played by leads, managers and
 * compliance, each play logged), the recordings' access log, the inbound call a desk
 * takes (the caller's accounts to choose from, or a search) and the simulated carrier's
 * call-in.
 */
@NullMarked
package org.dues.telephony.web;

import org.jspecify.annotations.NullMarked;
