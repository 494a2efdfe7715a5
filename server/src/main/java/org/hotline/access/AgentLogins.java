package org.hotline.access;

import java.util.Locale;
import org.hotline.routing.Agent;
import org.hotline.routing.roster.AgentConflict;
import org.hotline.routing.roster.DeskLogins;
import org.hotline.shared.AgentId;

/**
 * The agents' desktop logins as users of the agent role: a new agent's is named {@code agent-<id>} (lower
 * case), its password kept only as a bcrypt hash; disabling ends every session of the agent's users.
 */
public final class AgentLogins implements DeskLogins {

    private final Users users;
    private final Passwords passwords;
    private final Sessions sessions;

    public AgentLogins(Users users, Passwords passwords, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    static String loginOf(AgentId agent) {
        return "agent-" + agent.value().toLowerCase(Locale.ROOT);
    }

    @Override
    public String open(Agent agent, String password) {
        String name = loginOf(agent.id());
        String displayName = agent.name().length() > 64 ? agent.name().substring(0, 64) : agent.name();
        try {
            users.add(new User(name, displayName, Role.AGENT, agent.id(), passwords.hash(password), false));
        } catch (Users.UserExists e) {
            throw new AgentConflict("the login " + name + " is taken by another user");
        }
        return name;
    }

    @Override
    public void close(AgentId agent) {
        standing(agent, true);
    }

    @Override
    public void reopen(AgentId agent) {
        standing(agent, false);
    }

    private void standing(AgentId agent, boolean disabled) {
        for (User user : users.all()) {
            if (user.role() == Role.AGENT && agent.equals(user.agent()) && user.disabled() != disabled) {
                users.replace(new User(user.name(), user.displayName(), user.role(), user.agent(), user.passwordHash(), disabled));
                sessions.closeAllOf(user.name());
            }
        }
    }
}
