package org.hotline.live;

/**
 * Where the parts of the server tell agent desktops and wall boards what just happened. Callable
 * from any thread (a call flow's virtual thread, the floor's context, the AMI reader) and never
 * blocks: the event is delivered afterwards. Events published from one thread keep their order.
 */
@FunctionalInterface
public interface LiveFeed {

    void publish(LiveEvent event);

    /** A feed nobody listens to: for parts started without the live channel (tests, tools). */
    static LiveFeed none() {
        return event -> {
        };
    }
}
