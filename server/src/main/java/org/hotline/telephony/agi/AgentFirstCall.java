package org.hotline.telephony.agi;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.shared.AgentId;

/**
 * One agent-first call as its script sees it, from the agent's answer to the end of the
 * customer's leg: a queue callback (the floor's) or a callback-campaign contact (the line's).
 */
interface AgentFirstCall {

    /** Finds the call an answered agent leg is for. */
    interface Calls {
        /**
         * @param agent the agent of the answered leg's channel, if it is an agent's
         * @return the call, or empty when the leg is not one reserved here (the script hangs it up)
         */
        Optional<AgentFirstCall> answeredBy(Optional<AgentId> agent, AgiRequest request, AgiChannel channel)
                throws AgiException;
    }

    /**
     * How the customer's leg went.
     *
     * @param dial      the dial's result, or null when the agent's leg went down before it was read
     * @param dialled   whether the customer was dialled at all
     * @param agentLeft whether the agent's leg went down during the script
     */
    record CustomerLeg(DialResult dial, boolean dialled, boolean agentLeft) {
    }

    /** The customer's number as dialled. */
    String dialled();

    /** What Dial is given after the customer's ring time: empty, or its options (such as {@code ,U(...)}). */
    String dialOptions();

    /** The caller ID the customer sees, or empty to keep the agent leg's. */
    Optional<String> callerId();

    /** The agent's leg runs the script: they are told the call and the customer is dialled next. */
    void agentAnswered();

    /** The script is done with the call. */
    void ended(CustomerLeg leg);
}
