package org.hotline.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.hotline.config.HotlineConfig;
import org.hotline.store.StoreLease;

/**
 * A server that found its store's lease held by another runs nothing of the floor: it answers
 * {@code /api/health} alone (503, {@code standby}, naming the holder) and everything else 503, so
 * nobody mistakes it for the active server. (Taking over when the holder dies is for high
 * availability, later: this is where it will watch the lease.)
 */
final class StandbyHealth implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer http;

    private StandbyHealth(Vertx vertx, HttpServer http) {
        this.vertx = vertx;
        this.http = http;
    }

    static StandbyHealth start(HotlineConfig.Http config, StoreLease.Holder holder) throws Exception {
        Vertx vertx = Vertx.vertx();
        JsonObject lease = new JsonObject().put("status", "down")
                .put("problem", "another server runs this store's floor: " + holder.describe())
                .put("holder", new JsonObject().put("server", holder.server()).put("host", holder.host()).put("pid", holder.pid())
                        .put("since", holder.since().toString()).put("token", holder.token()));
        String health = new JsonObject().put("status", "standby").put("lease", lease).encode();
        String refused = new JsonObject().put("error", "this server is on standby: " + lease.getString("problem")).encode();
        try {
            HttpServer http = vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(503)
                    .putHeader("content-type", "application/json")
                    .end(request.path().equals("/api/health") ? health : refused))
                    .listen(config.port(), config.bindAddress()).await(10, TimeUnit.SECONDS);
            return new StandbyHealth(vertx, http);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    int port() {
        return http.actualPort();
    }

    @Override
    public void close() throws Exception {
        http.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }
}
