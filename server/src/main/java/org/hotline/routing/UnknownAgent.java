package org.hotline.routing;

/** No agent has this ID. */
public final class UnknownAgent extends RuntimeException {

    public UnknownAgent(String id) {
        super("no agent " + id, null, false, false);
    }
}
