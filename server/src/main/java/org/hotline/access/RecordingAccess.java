package org.hotline.access;

/**
 * Who may play a call's recording: whoever runs the floor, any call; an agent only the calls they
 * answered, and only where the centre allows it ({@code recordings.agentsPlayOwn}).
 */
public record RecordingAccess(boolean agentsPlayOwn) {

    /** @param answeredBy the agent who answered the call, as its record says (null: nobody) */
    public boolean mayPlay(Viewer viewer, String answeredBy) {
        if (viewer.may(Permission.SUPERVISE)) {
            return true;
        }
        return agentsPlayOwn && viewer.agent() != null && viewer.agent().value().equals(answeredBy);
    }
}
