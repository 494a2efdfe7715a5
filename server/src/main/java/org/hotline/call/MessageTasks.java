package org.hotline.call;

import java.util.Optional;
import org.hotline.shared.CallId;

/**
 * The callback tasks made of callers' messages, claimed where a restart and a second server see
 * them: each message makes one task, whoever makes it — the flow that recorded it, or the sweep
 * after a server stopped while its caller was recording ({@link MessageSweep}).
 */
public interface MessageTasks {

    /** Claims the making of {@code call}'s task: true for the first claim only. May block; throws when the store is away. */
    boolean claim(CallId call);

    /** What the record of {@code call} says of its message, if there is a record. May block; throws when the store is away. */
    Optional<MessageCall> recordOf(CallId call);

    /** No store: every claim is the first (tests, and the flow alone). */
    static MessageTasks none() {
        return new MessageTasks() {
            @Override
            public boolean claim(CallId call) {
                return true;
            }

            @Override
            public Optional<MessageCall> recordOf(CallId call) {
                return Optional.empty();
            }
        };
    }
}
