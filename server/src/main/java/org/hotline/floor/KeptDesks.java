package org.hotline.floor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.DeskLog;
import org.hotline.routing.DeskState;

/**
 * Writes an agent's desk state to the store each time their choice changes (logged out, ready,
 * paused and why), so a restart finds them as they were. Confined to the floor's context; the
 * writes themselves run in order off it.
 */
final class KeptDesks {

    private final DeskLog log;
    private final Consumer<Runnable> write;
    private final Map<AgentId, DeskState> kept = new HashMap<>();

    /** @param write runs a store write in order, off the event loop */
    KeptDesks(DeskLog log, Consumer<Runnable> write) {
        this.log = log;
        this.write = write;
    }

    /** The agent came back from the store in this state: nothing to write until it changes. */
    void resumed(AgentId agent, DeskState state) {
        kept.put(agent, state);
    }

    /** After every change of the floor: whoever's choice changed is written. */
    void observe(List<AgentStatus> statuses) {
        for (AgentStatus status : statuses) {
            AgentId agent = status.agent().id();
            DeskState now = DeskState.of(status);
            if (!now.sameChoice(kept.get(agent))) {
                kept.put(agent, now);
                write.accept(() -> log.save(agent, now));
            }
        }
    }
}
