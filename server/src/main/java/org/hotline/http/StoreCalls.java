package org.hotline.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs a store call off the event loop (MongoDB's driver blocks) and answers with its result, or 503 naming what is unavailable. */
public final class StoreCalls {

    private final Vertx vertx;
    private final String what;

    /** @param what the store's name in a 503, e.g. "customer file" */
    public StoreCalls(Vertx vertx, String what) {
        this.vertx = vertx;
        this.what = what;
    }

    public <T> void run(RoutingContext ctx, Callable<T> call, Consumer<T> answer) {
        vertx.executeBlocking(call, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, what + " unavailable: " + done.cause().getMessage()).send(ctx.response());
            } else {
                answer.accept(done.result());
            }
        });
    }
}
