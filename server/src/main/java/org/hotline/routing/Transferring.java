package org.hotline.routing;

import java.util.Set;
import org.hotline.shared.Skill;

/**
 * Who may pass their caller to whom: an agent in a call, blind to a queue of the menu or to a
 * colleague who could take a call now (ready, phone registered and free), or consulting such a
 * colleague first. A queue is never consulted: nobody in particular would answer.
 */
public final class Transferring {

    private Transferring() {
    }

    /**
     * @param from        the status of the agent who passes the caller on
     * @param colleague   the status of the target agent, or null for a queue target
     * @param knownQueues the queues callers can wait in
     * @throws TransferRefused saying why not
     */
    public static TransferRequest request(AgentStatus from, TransferTarget target, AgentStatus colleague,
                                          Set<Skill> knownQueues, TransferMode mode) {
        String agent = from.agent().id().value();
        if (from.state() != AgentState.ON_CALL) {
            throw new TransferRefused(TransferRefused.Why.NOT_IN_CALL, "agent " + agent + " is not in a call");
        }
        if (target.isQueue()) {
            if (!knownQueues.contains(target.queue())) {
                throw new TransferRefused(TransferRefused.Why.UNKNOWN_TARGET, "there is no queue " + target.queue().name());
            }
            if (mode == TransferMode.CONSULT) {
                throw new TransferRefused(TransferRefused.Why.NOT_ALLOWED,
                        "a queue is not consulted: transfer blind to the queue, or consult a colleague");
            }
            return new TransferRequest(from.agent().id(), target, mode);
        }
        String to = target.agent().value();
        if (colleague == null || !colleague.agent().id().equals(target.agent())) {
            throw new TransferRefused(TransferRefused.Why.UNKNOWN_TARGET, "there is no agent " + to);
        }
        if (target.agent().equals(from.agent().id())) {
            throw new TransferRefused(TransferRefused.Why.NOT_ALLOWED, "agent " + agent + " cannot transfer to themselves");
        }
        if (colleague.state() != AgentState.READY) {
            throw new TransferRefused(TransferRefused.Why.TARGET_UNAVAILABLE, "agent " + to + " is not ready ("
                    + colleague.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
        }
        if (!colleague.phoneRegistered() || colleague.phoneBusy()) {
            throw new TransferRefused(TransferRefused.Why.TARGET_UNAVAILABLE, "the phone of agent " + to
                    + (colleague.phoneRegistered() ? " is busy" : " is not registered"));
        }
        return new TransferRequest(from.agent().id(), target, mode);
    }
}
