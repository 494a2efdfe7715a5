package org.hotline.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline.config.HotlineConfig;
import org.slf4j.LoggerFactory;
import org.hotline.floor.Floor;
import org.hotline.store.CallRecords;

/** The HTTP server: one small resource class per path, mounted on one router. */
public final class HttpApi {

    private HttpApi() {
    }

    /** HTTPS when the configuration names a certificate and key, else plain HTTP. */
    static HttpServerOptions serverOptions(HotlineConfig.Http config) {
        HttpServerOptions options = new HttpServerOptions();
        if (config.tls() != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tls().certificate().toString())
                    .setKeyPath(config.tls().key().toString()));
        }
        return options;
    }

    /** @param contract checks requests against the HTTP contract before the resources see them; it is served too */
    public static Future<HttpServer> start(Vertx vertx, HotlineConfig.Http config, ContractCheck contract,
                                           Map<String, BooleanSupplier> health,
                                           CallRecords records, Floor floor, CustomersResource customers, LiveResource live,
                                           ReportsResource reports, CasesResource cases, CampaignsResource campaigns,
                                           CampaignOutcomeResource campaignOutcomes, PreviewResource previews,
                                           DoNotCallResource doNotCall, AccessApi access, SettingsResource settings,
                                           AgentSkillsResource skills,
                                           PrometheusMeterRegistry metrics, Clock clock) {
        Router router = Router.router(vertx);
        WebPages.mount(router);
        if (health.get("mongo") instanceof DegradedPart store) {
            new StoreGate(store).mount(router);
        }
        // who is asking first (401/403 before any body is read), then whether the request fits the contract (400)
        access.mountGuard(router);
        contract.mount(router);
        new ContractResource(contract.text()).mount(router);
        access.mountResources(router);
        settings.mount(router);
        new HealthResource(vertx, health).mount(router);
        new CallsResource(vertx, records, clock).mount(router);
        new AgentsResource(floor).mount(router);
        skills.mount(router);
        new CallbacksResource(floor).mount(router);
        new QueuesResource(floor).mount(router);
        customers.mount(router);
        live.mount(router);
        reports.mount(router);
        cases.mount(router);
        campaigns.mount(router);
        campaignOutcomes.mount(router);
        previews.mount(router);
        doNotCall.mount(router);
        new MetricsResource(metrics).mount(router);
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
