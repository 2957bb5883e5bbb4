/**
 * The simulated carrier: a seeded model of what happens to a dialled call (live answer,
 * answering machine, fast failure, no answer) and of talk and wrap times, and a
 * discrete-event simulation of a shift that runs any pacer against it.
 */
@NullMarked
package org.dues.telephony.sim;

import org.jspecify.annotations.NullMarked;
