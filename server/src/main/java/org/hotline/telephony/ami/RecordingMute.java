package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.MixMonitorMuteAction;

/**
 * AMI {@code MixMonitorMute} on both directions of the agent's leg: the recording goes on in
 * silence (the file keeps its length, so the gap is where it was) until unmuted.
 */
final class RecordingMute {

    private RecordingMute() {
    }

    /** @param agentChannel the agent's channel bridged with the caller, as Asterisk listed it */
    static MixMonitorMuteAction of(String agentChannel, boolean muted) {
        return new MixMonitorMuteAction(agentChannel, "both", muted ? 1 : 0);
    }
}
