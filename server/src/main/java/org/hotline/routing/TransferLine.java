package org.hotline.routing;

import java.io.IOException;
import org.hotline.shared.AgentId;

/**
 * The telephone side of transfers: Asterisk passes the agent's caller on, consults, completes,
 * cancels or joins the three. Blocking: call off the event loop. Each fails with
 * {@link TransferRefused} when the agent's call is not (or no longer) there.
 */
public interface TransferLine {

    /** A blind transfer, or the start of a consultation, as the request says. */
    void start(TransferRequest request) throws IOException;

    /** The consulted colleague takes the caller; the agent leaves. */
    void complete(AgentId agent) throws IOException;

    /** The consultation ends; the agent is back with the caller. */
    void cancel(AgentId agent) throws IOException;

    /** The caller, the agent and the consulted colleague talk together. */
    void conference(AgentId agent) throws IOException;
}
