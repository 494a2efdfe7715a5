package org.hotline.routing;

import java.io.IOException;
import org.hotline.shared.AgentId;

/**
 * The telephone side of listening in: rings the supervisor's phone into the agent's call, switches the
 * mode, hangs up. Blocking: call off the event loop. Each fails with {@link MonitorRefused} when the
 * call is not (or no longer) there.
 */
public interface Spies {

    void join(MonitorRequest request) throws IOException;

    void switchTo(AgentId phone, AgentId agent, MonitorMode mode) throws IOException;

    void leave(AgentId phone, AgentId agent) throws IOException;
}
