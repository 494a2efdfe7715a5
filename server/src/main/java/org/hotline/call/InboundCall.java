package org.hotline.call;

import org.hotline.shared.Language;
import org.hotline.shared.CallId;
import java.time.Instant;

/**
 * A call that reached the hotline, as the inbound flow starts handling it.
 *
 * @param id        Asterisk's unique id of the caller's channel
 * @param channel   the channel name (for people reading logs; never used in commands)
 * @param caller    who calls
 * @param arrival   when the call arrived, as best known when the flow starts
 * @param language  the language the caller is served in
 */
public record InboundCall(CallId id, String channel, CallerId caller, Instant arrival, Language language) {
}
