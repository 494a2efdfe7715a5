package org.hotline.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;

/** An HTTP resource under test: a real Vert.x server on a free port, its own database, and a client. */
public final class ResourceFixture implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final MongoStore store = TestMongo.openStore();
    private final WebClient client = WebClient.create(vertx);
    private HttpServer server;

    /** Serves what {@code mount} puts on a fresh router (instead of what was served before). */
    public ResourceFixture serve(Consumer<Router> mount) throws Exception {
        Router router = Router.router(vertx);
        mount.accept(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return this;
    }

    WebClient client() {
        return client;
    }

    public int port() {
        return server.actualPort();
    }

    public HttpResponse<Buffer> get(String uri) throws Exception {
        return send(HttpMethod.GET, uri, null);
    }

    public HttpResponse<Buffer> send(HttpMethod method, String uri, JsonObject body) throws Exception {
        var request = client.request(method, server.actualPort(), "127.0.0.1", uri);
        return (body == null ? request.send() : request.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
    }

    /** A request to finish by hand (headers such as a session cookie or a CSRF token). */
    public io.vertx.ext.web.client.HttpRequest<Buffer> request(HttpMethod method, String uri) {
        return client.request(method, server.actualPort(), "127.0.0.1", uri);
    }

    /** A request built by hand (odd bodies, headers). */
    public HttpResponse<Buffer> sendBuffer(HttpMethod method, String uri, Buffer body) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", uri).sendBuffer(body).await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        store.database().drop();
        store.close();
    }
}
