package org.hotline.call;

import java.time.Instant;

/**
 * What is known of a call an earlier run of the server was following and Asterisk still has,
 * from its record and Asterisk's CEL: enough for the tracker to follow it to its end.
 *
 * @param arrival      Asterisk's arrival, or null
 * @param answer       the hotline's answer, or null
 * @param measured     the ring rule's verdict is already on the record
 * @param agent        the agent who answered, or null
 * @param agentLeg     that agent's leg (Asterisk unique id), or null
 * @param talkingSince caller and agent were bridged at, or null
 * @param callerLeftAt the caller asked to hang up at, or null
 */
public record AdoptedCall(Instant arrival, Instant answer, boolean measured, String agent, String agentLeg,
                          Instant talkingSince, Instant callerLeftAt) {
}
