package org.hotline.audit;

import java.time.Instant;
import java.util.Optional;
import org.hotline.call.HangupSide;

/**
 * One inbound call as Asterisk's CEL tells it, with what a call record needs to be closed or
 * written from it alone: the reconstruction the audit makes, plus the hang-up's cause and side,
 * the prompts Asterisk's own dialplan played, and whether the call (its linked id) is over.
 *
 * @param channel            the caller channel's name
 * @param callerNumber       the caller's number as the channel presented it, or empty
 * @param dialled            the number dialled (the extension the call started at)
 * @param cause              the caller channel's Q.850 hang-up cause, or -1 when not hung up yet
 * @param side               who ended the call, as far as CEL tells
 * @param callerLeftAt       when the caller hung up, if they did
 * @param agent              the agent who answered, or null
 * @param agentLeg           that agent's leg (unique id), or null
 * @param talkEndedBy        who ended the conversation, when there was one and it ended
 * @param greetingStartedAt  the dialplan's own greeting (Playback of {@code hotline/<lang>/greeting}) began
 * @param greetingEndedAt    the greeting's Playback ended (seen only when the caller left during it)
 * @param fallbackPlayedAt   the fallback notice's Playback was under way or over by this time, or null
 * @param over               Asterisk closed the whole call (LINKEDID_END): no channel of it is left
 */
public record CelCall(AuditedCall call, String channel, String linkedId, String callerNumber, String dialled, int cause,
                      HangupSide side, Instant callerLeftAt, String agent, String agentLeg, HangupSide talkEndedBy,
                      Instant greetingStartedAt, Instant greetingEndedAt,
                      Instant fallbackPlayedAt, boolean over) {

    public String id() {
        return call.id();
    }

    /** When the caller's channel hung up, if it has. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(call.endedAt());
    }

    /** Asterisk's own dialplan answered or spoke to the caller (the server was not there to). */
    public boolean fallbackSpoke() {
        return greetingStartedAt != null || fallbackPlayedAt != null;
    }
}
