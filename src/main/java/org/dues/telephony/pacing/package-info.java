/**
 * Pacing: how many calls a campaign places now. Plain Java without a database or a clock
 * of its own: a {@link org.dues.telephony.pacing.Pacer} reads a
 * {@link org.dues.telephony.pacing.PacingSnapshot} of the campaign at one instant and the
 * campaign's {@link org.dues.telephony.pacing.PacingHistory}, learned as calls end.
 */
@NullMarked
package org.dues.telephony.pacing;

import org.jspecify.annotations.NullMarked;
