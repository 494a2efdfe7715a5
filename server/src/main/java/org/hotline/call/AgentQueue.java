package org.hotline.call;

import org.hotline.shared.Language;
import org.hotline.shared.CallId;
import java.time.Duration;
import java.util.Optional;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.QueueProgress;
import org.hotline.shared.Skill;
import org.hotline.routing.WaitingCall;

/** Waiting for an agent, as the inbound flow sees the distributor. Methods may block (the flow has its own thread). */
public interface AgentQueue {

    /** Whether anyone who takes this queue's calls is at work (logged in) right now. */
    boolean staffed(Skill skill);

    Ticket join(WaitingCall call);

    /** The queue this call last waited in, if it is known (a transferred call goes back to it). */
    Optional<Skill> lastQueueOf(CallId call);

    /** A callback request from a caller who is not in a queue (e.g. outside service hours); it takes its place from now. */
    CallbackRequest requestCallback(WaitingCall place, String number, Language language);

    /** A callback request made from a message the caller left; the request carries it. */
    CallbackRequest requestCallback(WaitingCall place, String number, Language language, org.hotline.routing.CallerMessage message);

    /** A call's place in a queue. */
    interface Ticket {

        /** Waits up to {@code max} for an agent; empty if none came. Throws {@link CallerHungUp} once the caller is gone. */
        Optional<AgentId> awaitAgent(Duration max);

        /**
         * {@code action} runs (on the distributor's thread: it must not block) when an agent is
         * found for this call; null for nothing.
         */
        void whenOffered(Runnable action);

        /** Where the call stands, to tell the caller. */
        QueueProgress progress();

        /** The agent's phone rang out or was unavailable: the call keeps its place. */
        void notAnswered();

        /** The ring was stopped through no fault of the agent's: they are free again, and the call keeps its place. */
        void ringStopped();

        /** The agent's conversation, {@code talk} long, is over: their wrap-up starts. */
        void finished(Duration talk);

        /** The call leaves the queue without an agent (the caller hung up, or waited too long). */
        void leave();

        /** The caller will hang up and be called back: the request keeps this call's place. */
        CallbackRequest callBack(String number, Language language);

        /** The call's position in its queue when it left (1 = next), or 0 if it never waited. */
        int positionWhenLeft();
    }
}
