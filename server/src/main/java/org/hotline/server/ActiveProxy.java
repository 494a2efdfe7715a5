package org.hotline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.function.Supplier;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby's way to the active server: every request it does not answer itself — the pages, their
 * files, the API's reads and changes, the live channel (Server-Sent Events, a long response) — is
 * passed to the address the active server wrote with the lease, over HTTPS when this server serves
 * HTTPS. Sessions live in the store, so a login made here is good on whichever server is active.
 * The client's address goes along in {@code X-Forwarded-For} (replacing whatever the client sent).
 * While no server answers there (killed, between its death and a take-over), the answer is a prompt
 * 503 with {@code Retry-After}, never a browser left hanging.
 */
final class ActiveProxy {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveProxy.class);

    /** Set on what a standby passes on: a request arriving with it at a standby went round in a circle. */
    static final String VIA_STANDBY = "x-hotline-standby";
    static final int RETRY_AFTER_SECONDS = 2;
    /** An active server gone quiet (frozen) fails a request after this long; the live channel pings every 15 s. */
    private static final long IDLE_MILLIS = 30_000;
    private static final int CONNECT_MILLIS = 2_000;
    /** Open live channels each hold a connection: as many as the active server admits, and the pages' requests beside them. */
    private static final int CONNECTIONS = 400;

    private final Supplier<String> active;
    private final HttpProxy proxy;
    private final boolean tls;

    /**
     * @param config this server's HTTP settings: HTTPS to the active server when it serves HTTPS itself
     * @param active where the active server serves ({@code host:port} from the lease, read in memory), or "" when unknown
     */
    ActiveProxy(Vertx vertx, HotlineConfig.Http config, Supplier<String> active) {
        this.active = active;
        this.tls = config.tls() != null;
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout(CONNECT_MILLIS);
        if (tls) {
            // the servers of one store share a certificate (or a chain): it is what this one trusts
            options.setSsl(true).setVerifyHost(true)
                    .setTrustOptions(new PemTrustOptions().addCertPath(config.tls().certificate().toString()));
        }
        HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(this::toActive)
                .addInterceptor(new Forwarding());
    }

    void handle(HttpServerRequest request) {
        if (request.headers().contains(VIA_STANDBY)) {
            unavailable(request, "the active server's address (http.advertise) leads to a standby: check that setting");
            return;
        }
        if (active.get().isEmpty()) {
            unavailable(request, "no server is active at the moment (a take-over is under way)");
            return;
        }
        proxy.handle(request);
    }

    private Future<HttpClientRequest> toActive(ProxyContext context) {
        String address = active.get();
        int colon = address.lastIndexOf(':');
        if (colon < 1) {
            return Future.failedFuture("no active server known");
        }
        String host = address.substring(0, colon);
        return context.client().request(new RequestOptions()
                .setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                .setPort(Integer.parseInt(address.substring(colon + 1)))
                .setIdleTimeout(IDLE_MILLIS));
    }

    /** Says who asked, and answers 503 when the active server does not. */
    private final class Forwarding implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest from = request.proxiedRequest();
            request.headers().set("x-forwarded-for", String.valueOf(from.remoteAddress().hostAddress()))
                    .set("x-forwarded-proto", tls ? "https" : "http")
                    .set(VIA_STANDBY, "1");
            return context.sendRequest().recover(failure -> {
                LOG.debug("standby: {} {} not passed to the active server: {}", from.method(), from.path(), failure.toString());
                ProxyResponse response = request.release().response();
                Message message = Message.of(from, "the active server does not answer (a take-over is under way)");
                response.setStatusCode(503).putHeader("retry-after", String.valueOf(RETRY_AFTER_SECONDS))
                        .putHeader("content-type", message.type()).putHeader("cache-control", "no-store")
                        .setBody(Body.body(Buffer.buffer(message.text())));
                return Future.succeededFuture(response);
            });
        }
    }

    static void unavailable(HttpServerRequest request, String why) {
        Message message = Message.of(request, why);
        request.response().setStatusCode(503).putHeader("retry-after", String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader("content-type", message.type()).putHeader("cache-control", "no-store").end(message.text());
    }

    /** JSON for the API, a line of text for a page: either way the reader learns to try again shortly. */
    record Message(String type, String text) {

        static Message of(HttpServerRequest request, String why) {
            String sentence = "This server is on standby and " + why + "; try again in a few seconds.";
            return request.path().startsWith("/api/")
                    ? new Message("application/json", new JsonObject().put("error", sentence).encode())
                    : new Message("text/plain; charset=utf-8", sentence + "\n");
        }
    }
}
