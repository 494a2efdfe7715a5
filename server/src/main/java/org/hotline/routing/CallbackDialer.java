package org.hotline.routing;

import org.hotline.shared.AgentId;
import java.time.Duration;

/**
 * Places the agent-first leg of a callback: rings the reserved agent's phone; once they answer,
 * the telephony side dials the customer. Returns at once; the result comes back through
 * {@link Result} (and, when the agent answers, through whoever runs the agent's call).
 */
public interface CallbackDialer {

    void dial(CallbackRequest request, AgentId agent, Duration ringAgentFor, Result result);

    interface Result {

        /**
         * The agent's leg is about to be placed with the channel id {@code channel}. Blocks until the
         * try's dialling state is kept; when it throws, nothing is dialled ({@link #couldNotDial}).
         */
        default void placing(String channel) {
        }

        /** The agent's phone rang out, was busy or unreachable. */
        void agentDidNotAnswer(java.time.Instant rangAt);

        /** The agent's phone rang out; when it began ringing is not known. */
        default void agentDidNotAnswer() {
            agentDidNotAnswer(null);
        }

        /** The call could not be placed at all (e.g. the link to the switch is down): nobody's fault. */
        void couldNotDial(String why);
    }
}
