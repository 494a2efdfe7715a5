package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.shared.CallId;

/** Where the messages callers leave are kept, one per call, named by the call (implemented on the disk). */
public interface MessageBox {

    /** The name of the message of {@code call} as its callback task carries it. */
    String fileOf(CallId call);

    /** How long the recording of {@code call}'s message is, when there is one to read. */
    Optional<Duration> lengthOf(CallId call);

    /** The calls whose message is kept, whether a task was made of it or not. */
    List<CallId> calls();

    /** When the recording of {@code call}'s message was last written to: its end, once it is over. */
    Optional<Instant> endOf(CallId call);

    /** Removes what was recorded for {@code call}: nothing worth hearing, or past its retention. */
    void discard(CallId call);

    static MessageBox none() {
        return new MessageBox() {
            @Override
            public String fileOf(CallId call) {
                return call.value();
            }

            @Override
            public Optional<Duration> lengthOf(CallId call) {
                return Optional.empty();
            }

            @Override
            public List<CallId> calls() {
                return List.of();
            }

            @Override
            public Optional<Instant> endOf(CallId call) {
                return Optional.empty();
            }

            @Override
            public void discard(CallId call) {
                // nothing kept
            }
        };
    }
}
