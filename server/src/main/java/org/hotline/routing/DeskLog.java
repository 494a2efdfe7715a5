package org.hotline.routing;

import org.hotline.shared.AgentId;
import java.util.Map;

/** Where agents' desk states are kept, so a restart finds them as they were. */
public interface DeskLog {

    /** Keeps the agent's state; may block (never called on an event loop). */
    void save(AgentId agent, DeskState state);

    /** Every agent's state as last kept. */
    Map<AgentId, DeskState> load();
}
