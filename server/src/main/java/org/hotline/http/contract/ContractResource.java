package org.hotline.http.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/openapi.yaml}: the HTTP contract, OpenAPI 3.1 in YAML, as requests are checked
 * against it ({@link ContractCheck}). Public: a client needs no login to learn the API.
 */
final class ContractResource {

    private final Buffer contract;

    ContractResource(Buffer contract) {
        this.contract = contract;
    }

    void mount(Router router) {
        router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/yaml; charset=utf-8")
                .putHeader("cache-control", "no-cache")
                .end(contract));
    }
}
