package org.hotline.routing;

import org.hotline.shared.Skill;
import java.util.function.Predicate;
import org.hotline.shared.CallId;

/**
 * The one open callback request of each customer in each queue, held where two servers and a
 * restart see it: a second press joins the request that holds the customer's place.
 */
public interface OpenRequests {

    /**
     * Claims the customer's open request in {@code queue} for {@code call}. Returns the call that
     * holds it: {@code call} when it was free, else the earlier holder. A holder {@code stillOpen}
     * refuses is stale (its request closed without letting go) and is replaced. May block.
     */
    CallId claim(Skill queue, String customer, CallId call, Predicate<CallId> stillOpen);

    /** The request of {@code call} is closed: the customer's next press opens a new one. May block. */
    void release(Skill queue, String customer, CallId call);

    /** No store: the floor's own memory is the only record (tests). */
    static OpenRequests none() {
        return new OpenRequests() {
            @Override
            public CallId claim(Skill queue, String customer, CallId call, Predicate<CallId> stillOpen) {
                return call;
            }

            @Override
            public void release(Skill queue, String customer, CallId call) {
            }
        };
    }
}
