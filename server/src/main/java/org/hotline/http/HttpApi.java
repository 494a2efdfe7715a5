package org.hotline.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.hotline.config.HotlineConfig;
import org.slf4j.LoggerFactory;

/** The HTTP server: the pages, the guard, the contract check and the resources, mounted on one router. */
public final class HttpApi {

    private HttpApi() {
    }

    /** HTTPS when the configuration names a certificate and key, else plain HTTP (a standby's too). */
    public static HttpServerOptions serverOptions(HotlineConfig.Http config) {
        HttpServerOptions options = new HttpServerOptions();
        if (config.tls() != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tls().certificate().toString())
                    .setKeyPath(config.tls().key().toString()));
        }
        return options;
    }

    /**
     * What the web serves, in the order it answers a request: who is asking (401/403 before any body is
     * read), whether the request fits the contract (400), then the resources.
     *
     * @param store the store's health: while it is away, what needs it is answered 503 at once; null when
     *              the web runs without one
     */
    public record Web(DegradedPart store, Resource guard, Resource contract, List<Resource> resources, Set<String> servers) {

        public Web {
            resources = List.copyOf(resources);
            servers = Set.copyOf(servers);
        }

        /** @param servers the addresses of this store's servers, whose X-Forwarded-For is believed (see {@link ClientAddress}) */
        public Web(DegradedPart store, Resource guard, Resource contract, List<Resource> resources) {
            this(store, guard, contract, resources, Set.of());
        }
    }

    public static Future<HttpServer> start(Vertx vertx, HotlineConfig.Http config, Web web) {
        Router router = Router.router(vertx);
        new ClientAddress(web.servers()).mount(router);
        WebPages.mount(router);
        if (web.store() != null) {
            new StoreGate(web.store()).mount(router);
        }
        web.guard().mount(router);
        web.contract().mount(router);
        web.resources().forEach(resource -> resource.mount(router));
        router.route().last().handler(ctx -> new ApiError(404, "no such resource").send(ctx.response()));
        // Failures the handlers did not answer themselves (a body over its limit, a bug): JSON, no stack in the reply.
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            if (status == 500 && ctx.failure() != null) {
                LoggerFactory.getLogger(HttpApi.class).error("request {} failed", ctx.request().path(), ctx.failure());
            }
            if (!ctx.response().ended()) {
                new ApiError(status, status == 413 ? "body: too large" : "the request could not be handled").send(ctx.response());
            }
        });
        return vertx.createHttpServer(serverOptions(config))
                .requestHandler(router)
                .listen(config.port(), config.bindAddress());
    }
}
