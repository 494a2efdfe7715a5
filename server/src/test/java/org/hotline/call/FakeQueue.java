package org.hotline.call;

import org.hotline.shared.Language;
import org.hotline.shared.CallId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.QueueProgress;
import org.hotline.shared.Skill;
import org.hotline.routing.WaitingCall;

/** A queue for flow tests: offers the agents it is given, in turn, and remembers what the flow told it. */
final class FakeQueue implements AgentQueue {

    final List<String> told = new ArrayList<>();
    private final Deque<AgentId> agents = new ArrayDeque<>();
    private boolean staffed;
    private boolean hangUpWhileWaiting;

    FakeQueue callerHangsUpWhileWaiting() {
        staffed = true;
        hangUpWhileWaiting = true;
        return this;
    }

    FakeQueue staffedWith(String... ids) {
        staffed = true;
        for (String id : ids) {
            agents.add(new AgentId(id));
        }
        return this;
    }

    /** What the waiting flow asked to be done when an agent is offered (cut its prompt short), or null. */
    private Runnable onOffer;

    /** An agent frees up now, while the caller hears whatever they hear: the flow is told at once. */
    void agentFreesUp(String id) {
        agents.add(new AgentId(id));
        if (onOffer != null) {
            onOffer.run();
        }
    }

    @Override
    public boolean staffed(Skill skill) {
        return staffed;
    }

    WaitingCall joined;
    private QueueProgress progress = new QueueProgress(1, Duration.ofMinutes(1));

    FakeQueue progressIs(int position, Duration expectedWait) {
        progress = new QueueProgress(position, expectedWait);
        return this;
    }

    @Override
    public java.util.Optional<Skill> lastQueueOf(CallId call) {
        return java.util.Optional.ofNullable(joined).map(WaitingCall::skill);
    }

    @Override
    public CallbackRequest requestCallback(WaitingCall place, String number, Language language) {
        told.add("callback " + place.skill() + " " + number);
        return new CallbackRequest(place, number, language, place.enqueuedAt(), place.enqueuedAt().plus(Duration.ofHours(1)), 0);
    }

    @Override
    public CallbackRequest requestCallback(WaitingCall place, String number, Language language,
                                           org.hotline.routing.CallerMessage message) {
        told.add("callback " + place.skill() + " " + number + " with message "
                + (message.hasAudio() ? message.file() + " " + message.length() : "without audio"));
        return new CallbackRequest(place, number, language, place.enqueuedAt(), place.enqueuedAt().plus(Duration.ofHours(1)), 0)
                .withMessage(message);
    }

    @Override
    public Ticket join(WaitingCall call) {
        told.add("join " + call.skill());
        joined = call;
        return new Ticket() {
            @Override
            public Optional<AgentId> awaitAgent(Duration max) {
                if (hangUpWhileWaiting) {
                    throw new CallerHungUp(null);
                }
                if (agents.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(agents.poll());
            }

            @Override
            public void notAnswered() {
                told.add("not answered");
            }

            @Override
            public void ringStopped() {
                told.add("ring stopped");
            }

            @Override
            public void finished(Duration talk) {
                told.add("finished");
            }

            @Override
            public void whenOffered(Runnable action) {
                onOffer = action;
            }

            @Override
            public QueueProgress progress() {
                return progress;
            }

            @Override
            public CallbackRequest callBack(String number, Language language) {
                told.add("callback " + number);
                return new CallbackRequest(call.asCallback(), number, language, call.enqueuedAt(),
                        call.enqueuedAt().plus(Duration.ofHours(1)), 0);
            }

            @Override
            public void leave() {
                told.add("leave");
            }

            @Override
            public int positionWhenLeft() {
                return 1;
            }
        };
    }
}
