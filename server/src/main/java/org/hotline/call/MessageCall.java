package org.hotline.call;

import java.time.Instant;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;

/**
 * What a call's record says of the message left on it.
 *
 * @param number    the caller's number as presented, or null
 * @param queue     the queue the message was offered for, or null when the record does not say
 * @param offeredAt when the message was offered, or null
 * @param ended     whether the call is over (its caller can no longer be recording)
 * @param tasked    whether the record already holds a callback or a message
 */
public record MessageCall(CallId id, String number, Language language, Skill queue, Instant offeredAt, boolean ended,
                          boolean tasked) {
}
