package org.hotline.routing.roster;

/**
 * A new agent with the passwords they are handed once: nowhere else are they kept in clear, so they
 * are never printed (a log line of this record shows the agent and login only).
 */
public record NewAgent(RosterAgent agent, String login, String phonePassword, String deskPassword) {

    @Override
    public String toString() {
        return "NewAgent[" + agent.id() + ", login " + login + "]";
    }
}
