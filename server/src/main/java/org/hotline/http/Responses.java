package org.hotline.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON bodies the same way for every resource. */
public final class Responses {

    private Responses() {
    }

    /** The answer to a request, with customers' numbers masked when the viewer may not read them. */
    public static void json(RoutingContext ctx, int status, JsonObject body) {
        json(ctx.response(), status, Viewers.masksNumbers(ctx) ? NumberMasking.masked(body) : body);
    }

    /** An answer that names no customer (errors, health). */
    public static void json(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status)
                .putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .end(body.encode());
    }
}
