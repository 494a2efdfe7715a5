package org.hotline.call;

/** The agent's screen, as the call flow sees it: told who is calling the moment the phone rings. */
public interface AgentDesk {

    void offered(ScreenPop pop);

    static AgentDesk none() {
        return pop -> {
        };
    }
}
