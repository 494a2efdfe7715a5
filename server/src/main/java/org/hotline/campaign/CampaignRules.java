package org.hotline.campaign;

import java.time.Duration;

import org.hotline.call.RecordingMode;
import org.hotline.shared.Skill;

/**
 * The rules a campaign dials by.
 *
 * @param window       when customers may be called, in their own local time
 * @param retries      how many tries and how far apart
 * @param deadline     how long after a contact is added it must be done by (the customer reached)
 * @param maxLines     calls of this campaign under way at once, at most
 * @param callerId     the number customers see, digits only, or empty for the trunk's default
 * @param skill        the agents who may take the calls (callback campaigns)
 * @param inboundFirst whether an agent is only reserved for the campaign while no inbound call waits for them
 * @param detectMachines whether an answered agentless call is first listened to for an answering machine
 *                       (Asterisk's AMD); off by default, as a silent person is taken for a machine
 * @param recording    whether the conversations of callback campaigns are recorded, and whether the customer
 *                     hears so first (off by default)
 */
public record CampaignRules(CallWindow window, RetryRules retries, Duration deadline, int maxLines, String callerId,
                            Pacing pacing, Skill skill, boolean inboundFirst, boolean detectMachines,
                            RecordingMode recording) {

    public CampaignRules(CallWindow window, RetryRules retries, Duration deadline, int maxLines, String callerId,
                         Pacing pacing, Skill skill, boolean inboundFirst, boolean detectMachines) {
        this(window, retries, deadline, maxLines, callerId, pacing, skill, inboundFirst, detectMachines, RecordingMode.OFF);
    }

    public CampaignRules(CallWindow window, RetryRules retries, Duration deadline, int maxLines, String callerId,
                         Pacing pacing, Skill skill, boolean inboundFirst) {
        this(window, retries, deadline, maxLines, callerId, pacing, skill, inboundFirst, false);
    }

    public static final int MOST_LINES = 200;

    public CampaignRules {
        if (window == null) {
            throw new IllegalArgumentException("a campaign needs a call window");
        }
        if (retries == null) {
            retries = RetryRules.standard();
        }
        if (deadline == null || deadline.compareTo(Duration.ofMinutes(10)) < 0 || deadline.compareTo(Duration.ofDays(92)) > 0) {
            throw new IllegalArgumentException("a contact's deadline must be 10 minutes to 92 days (got " + deadline + ")");
        }
        if (maxLines < 1 || maxLines > MOST_LINES) {
            throw new IllegalArgumentException("simultaneous calls must be 1 to " + MOST_LINES + " (got " + maxLines + ")");
        }
        if (callerId == null) {
            callerId = "";
        }
        if (!callerId.matches("\\+?[0-9]{0,20}")) {
            throw new IllegalArgumentException("caller ID must be digits (got " + org.hotline.shared.Printable.of(callerId) + ")");
        }
        if (pacing == null) {
            throw new IllegalArgumentException("a campaign needs a pacing");
        }
        if (recording == null) {
            recording = RecordingMode.OFF;
        }
    }

    /** Whether the rules fit the kind: agentless kinds dial without agents, callbacks with them. */
    public void check(CampaignKind kind) {
        if (kind.needsAgent() == (pacing == Pacing.AGENTLESS)) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " campaigns cannot use "
                    + pacing.name().toLowerCase() + " pacing");
        }
        if (kind.needsAgent() && skill == null) {
            throw new IllegalArgumentException("a callback campaign needs the skill (queue) of the agents who call");
        }
        if (!kind.needsAgent() && recording.records()) {
            throw new IllegalArgumentException("only callback campaigns are recorded: they have an agent to talk to");
        }
    }
}
