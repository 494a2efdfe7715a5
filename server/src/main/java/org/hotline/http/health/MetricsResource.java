package org.hotline.http.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import org.hotline.http.Resource;

/** {@code GET /metrics}: Prometheus text exposition of the server's meters. */
public final class MetricsResource implements Resource {

    private final PrometheusMeterRegistry registry;

    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void mount(Router router) {
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
    }
}
