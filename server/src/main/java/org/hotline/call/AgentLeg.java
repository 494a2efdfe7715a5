package org.hotline.call;

/**
 * How ringing an agent for a caller went, as the flow needs it to go on. The times of the ring
 * and the conversation are Asterisk's and reach the record from its events, not from here.
 *
 * @param transferredBy the agent passed the caller on (a blind transfer from their phone): the
 *                      transfer's target takes over, or null
 */
public record AgentLeg(Outcome outcome, String transferredBy) {

    public AgentLeg(Outcome outcome) {
        this(outcome, null);
    }

    public boolean transferred() {
        return transferredBy != null;
    }

    public enum Outcome {
        ANSWERED, NO_ANSWER, BUSY, UNAVAILABLE,
        /** The caller hung up while the agent's phone rang. */
        CALLER_ABANDONED,
        /** The hotline stopped the ring while the caller was still there. */
        WITHDRAWN;

        /** The agent had the chance to answer and did not: the offer counts against them. */
        public boolean agentsMiss() {
            return this == NO_ANSWER || this == BUSY || this == UNAVAILABLE;
        }

        /** Asterisk's DIALSTATUS after Dial; {@code callerGone}: the caller's hang-up came first. */
        public static Outcome ofDialStatus(String status, boolean callerGone) {
            return switch (status == null ? "" : status) {
                case "ANSWER" -> ANSWERED;
                case "BUSY" -> BUSY;
                case "NOANSWER" -> NO_ANSWER;
                case "CANCEL" -> callerGone ? CALLER_ABANDONED : WITHDRAWN;
                default -> UNAVAILABLE;
            };
        }
    }
}
