package org.hotline.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotline.config.HotlineConfig;
import org.hotline.lease.LeaseStanding;
import org.hotline.metrics.LeaseMeters;
import org.hotline.store.StoreLease;

/**
 * A server that found its store's lease held by another runs nothing of the floor: it answers
 * {@code /api/health} (503, {@code standby}, naming the holder, so a load balancer that follows health
 * still finds the active one) and {@code /metrics} (the lease's meters) itself, and passes everything
 * else — pages, API, live channel — to the active server ({@link ActiveProxy}). It runs until this
 * server takes the lease over ({@link Takeover}) and starts the floor on the same port.
 */
final class StandbyHealth implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer http;
    private final io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gc;

    private StandbyHealth(Vertx vertx, HttpServer http, io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gc) {
        this.gc = gc;
        this.vertx = vertx;
        this.http = http;
    }

    /** @param holder the holder the store named last (read for each request: it changes when another server takes over) */
    static StandbyHealth start(HotlineConfig.Http config, Supplier<StoreLease.Holder> holder) throws Exception {
        Vertx vertx = Vertx.vertx();
        // the same lease meters as the active server's, so a dashboard tells the two apart
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new LeaseMeters(() -> standing(holder.get()), meters);
        // and the same JVM meters (the active server's come from Vert.x's JVM metrics), so its panels are not empty
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(meters);
        io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();
        gc.bindTo(meters);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(meters);
        try {
            ActiveProxy active = new ActiveProxy(vertx, config, () -> holder.get().web());
            // HTTP/1.1 only, as the pages speak it: a cleartext HTTP/2 upgrade's body has no length the proxy can pass on
            HttpServer http = vertx.createHttpServer(org.hotline.http.HttpApi.serverOptions(config).setHttp2ClearTextEnabled(false))
                    .requestHandler(request -> {
                        if (request.path().equals("/metrics")) {
                            request.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                                    .end(meters.scrape());
                            return;
                        }
                        if (!request.path().equals("/api/health")) {
                            active.handle(request);
                            return;
                        }
                        String body = new JsonObject().put("status", "standby").put("lease", lease(holder.get())).encode();
                        request.response().setStatusCode(503).putHeader("content-type", "application/json").end(body);
                    })
                    .listen(config.port(), config.bindAddress()).await(10, TimeUnit.SECONDS);
            return new StandbyHealth(vertx, http, gc);
        } catch (Exception e) {
            gc.close();
            vertx.close();
            throw e;
        }
    }

    private static LeaseStanding standing(StoreLease.Holder holder) {
        return new LeaseStanding(false, 0, holder.server(), holder.host(), holder.token(), holder.since());
    }

    private static JsonObject lease(StoreLease.Holder holder) {
        JsonObject lease = new JsonObject().put("status", "down")
                .put("problem", "another server runs this store's floor: " + holder.describe())
                .put("holder", new JsonObject().put("server", holder.server()).put("host", holder.host()).put("pid", holder.pid())
                        .put("since", holder.since().toString()).put("token", holder.token())
                        .put("web", holder.web())); // where this standby passes the pages and the API
        StoreUpkeep.details(standing(holder)).forEach((field, value) -> {
            if (!lease.containsKey(field)) {
                lease.put(field, value);
            }
        });
        return lease;
    }

    int port() {
        return http.actualPort();
    }

    @Override
    public void close() throws Exception {
        http.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        gc.close();
    }
}
