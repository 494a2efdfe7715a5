package org.hotline.call;

import java.time.Instant;
import java.util.Optional;
import org.hotline.shared.CallId;

/** Where a callback task's message is marked deleted after its retention (implemented in the store). */
public interface DeletedMessages {

    /** Marks {@code call}'s message deleted at {@code at}; the task stays. May block; throws when the store is away. */
    void mark(CallId call, Instant at);

    /** When {@code call}'s message was deleted, if it was. May block; throws when the store is away. */
    Optional<Instant> deletedAt(CallId call);
}
