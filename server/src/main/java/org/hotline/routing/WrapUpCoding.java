package org.hotline.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;

/**
 * Each agent's last call and the wrap-up code they gave it, held to {@link WrapUpCodeRule}: their own
 * last call only, a code of its queue's list, within the wrap-up or the time after it. Not thread-safe:
 * the floor confines it to its context.
 */
public final class WrapUpCoding {

    private final WrapUpCodes codes;
    private final WrapUpCodeRule rule;
    private final Map<AgentId, LastCall> last = new HashMap<>();

    public WrapUpCoding(WrapUpCodes codes, WrapUpCodeRule rule) {
        this.codes = codes;
        this.rule = rule;
    }

    /**
     * An agent's last call as their page shows it.
     *
     * @param queue         the queue the call came through, or null (then it has no codes)
     * @param wrapUpEndedAt null while the wrap-up goes on
     * @param chosen        the code given so far, or null
     */
    public record LastCall(CallId call, Skill queue, Instant conversationEndedAt, Instant wrapUpEndedAt, WrapUpChoice chosen) {

        LastCall ended(Instant at) {
            return new LastCall(call, queue, conversationEndedAt, at, chosen);
        }

        LastCall coded(WrapUpChoice choice) {
            return new LastCall(call, queue, conversationEndedAt, wrapUpEndedAt, choice);
        }
    }

    /** The agent's conversation on {@code call} ended: it is their last call, and the one before can no longer be coded. */
    public void conversationEnded(AgentId agent, CallId call, Skill queue, Instant at) {
        last.put(agent, new LastCall(call, queue, at, null, null));
    }

    /** The agent's wrap-up after {@code call} ended: the code can still be given for the rule's time after. */
    public void wrapUpEnded(AgentId agent, CallId call, Instant at) {
        last.computeIfPresent(agent, (id, lastCall) -> lastCall.call().equals(call) && lastCall.wrapUpEndedAt() == null
                ? lastCall.ended(at) : lastCall);
    }

    /** The agent took another call: the last one can no longer be coded (the next conversation's end replaces it). */
    public void tookAnotherCall(AgentId agent) {
        last.remove(agent);
    }

    /**
     * What the agent's page offers: their last call, its queue's codes, whether a code can still be
     * given and until when (null while the wrap-up goes on).
     */
    public record Codable(LastCall lastCall, java.util.List<WrapUpCode> codes, boolean open, Instant closesAt) {
    }

    public Optional<Codable> codable(AgentId agent, Instant now) {
        return Optional.ofNullable(last.get(agent)).map(lastCall -> new Codable(lastCall,
                lastCall.queue() == null ? java.util.List.of() : codes.of(lastCall.queue()), open(lastCall, now),
                lastCall.wrapUpEndedAt() == null ? null : rule.closesAt(lastCall.wrapUpEndedAt())));
    }

    private boolean open(LastCall lastCall, Instant now) {
        return rule.open(lastCall.wrapUpEndedAt(), now);
    }

    /**
     * The agent gives their last call {@code call} the code {@code id} of its queue, replacing any earlier choice.
     *
     * @throws WrapUpCodeRefused when the rule does not allow it, saying why
     */
    public WrapUpChoice choose(AgentId agent, CallId call, String id, Instant now) {
        LastCall lastCall = last.get(agent);
        if (lastCall == null || !lastCall.call().equals(call)) {
            throw new WrapUpCodeRefused(WrapUpCodeRefused.Why.NOT_THEIR_LAST_CALL,
                    "call " + call.value() + " is not agent " + agent.value() + "'s last call");
        }
        if (!open(lastCall, now)) {
            throw new WrapUpCodeRefused(WrapUpCodeRefused.Why.CLOSED, "the wrap-up of call " + call.value()
                    + " ended at " + lastCall.wrapUpEndedAt() + ": its code could be given until "
                    + rule.closesAt(lastCall.wrapUpEndedAt()));
        }
        WrapUpCode code = Optional.ofNullable(lastCall.queue()).flatMap(queue -> codes.find(queue, id))
                .orElseThrow(() -> new WrapUpCodeRefused(WrapUpCodeRefused.Why.UNKNOWN_CODE, "queue "
                        + lastCall.queue() + " has no wrap-up code " + org.hotline.shared.Printable.of(id)));
        WrapUpChoice choice = new WrapUpChoice(call, lastCall.queue(), code, agent, now);
        last.put(agent, lastCall.coded(choice));
        return choice;
    }
}
