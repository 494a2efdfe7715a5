package org.hotline.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.routing.AgentId;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.Distributor;
import org.hotline.routing.PauseReason;

/**
 * The contact-center floor: the distributor, run on the one Vert.x context that also tracks
 * calls, so every change (API, softphone feature code, call event) happens one at a time and two
 * changes at once always leave one consistent state.
 */
public final class Floor {

    private final Context context;
    private final Distributor distributor;

    Floor(Context context, Distributor distributor) {
        this.context = context;
        this.distributor = distributor;
    }

    public Future<List<AgentStatus>> agents() {
        return on(distributor::statuses);
    }

    public Future<AgentStatus> agent(AgentId id) {
        return on(() -> distributor.status(id));
    }

    public Future<AgentStatus> ready(AgentId id) {
        return on(() -> {
            distributor.ready(id);
            return distributor.status(id);
        });
    }

    public Future<AgentStatus> pause(AgentId id, PauseReason reason) {
        return on(() -> {
            distributor.pause(id, reason);
            return distributor.status(id);
        });
    }

    public Future<AgentStatus> logOut(AgentId id) {
        return on(() -> {
            distributor.logOut(id);
            return distributor.status(id);
        });
    }

    /** The agent's softphone registered or went away (from Asterisk's contact events). */
    public void phoneRegistered(AgentId id, boolean registered) {
        context.runOnContext(ignored -> {
            try {
                distributor.phoneRegistered(id, registered);
            } catch (RuntimeException unknownOrGone) {
                // an endpoint that is not (or no longer) an agent of the roster
            }
        });
    }

    private <T> Future<T> on(Supplier<T> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                promise.complete(work.get());
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
