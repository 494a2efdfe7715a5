package org.hotline.telephony.ami;

import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.routing.MonitorMode;
import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.pjsip.AgentDial;

/**
 * AMI {@code Originate} that rings a supervisor's phone; answered, it runs ChanSpy on the agent's
 * channel ([hotline-spy]). Only checked values go in: the channel is one Asterisk listed as the
 * agent's, the options are the mode's.
 */
final class SpyOriginate {

    static final String CHANNEL_VARIABLE = "HOTLINE_SPY_CHANNEL";
    static final String OPTIONS_VARIABLE = "HOTLINE_SPY_OPTIONS";
    /** "yes": [hotline-spy] has the agent hear a short tone as the supervisor joins (monitoring.tellAgent). */
    static final String TELL_VARIABLE = "HOTLINE_SPY_TELL";
    private static final Duration RING = Duration.ofSeconds(30);

    private SpyOriginate() {
    }

    /**
     * @param agentChannel the agent's channel as Asterisk named it ({@code PJSIP/agent-010-0000002a})
     * @param tellAgent    whether the agent hears a tone (the caller never does) as the supervisor joins
     */
    static OriginateAction ringSupervisor(AgentDial dial, AgentId phone, AgentId agent, String agentChannel, MonitorMode mode,
                                          boolean tellAgent) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(dial.of(phone));
        originate.setContext(Dialplan.SPY.context());
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(RING.toMillis());
        // What the supervisor's phone shows: whose call they are about to join.
        originate.setCallerId("\"" + mode.id() + " " + agent.value() + "\" <" + agent.value() + ">");
        originate.setVariables(Map.of(CHANNEL_VARIABLE, agentChannel, OPTIONS_VARIABLE, options(mode),
                TELL_VARIABLE, tellAgent ? "yes" : "no"));
        originate.setAsync(true);
        return originate;
    }

    /**
     * ChanSpy's options: q no beep or name to the supervisor, d the keys 4, 5 and 6 switch the mode,
     * E the supervisor's leg ends with the agent's call; then w (whisper) or B (barge).
     */
    static String options(MonitorMode mode) {
        return "qdE" + switch (mode) {
            case LISTEN -> "";
            case WHISPER -> "w";
            case BARGE -> "B";
        };
    }
}
