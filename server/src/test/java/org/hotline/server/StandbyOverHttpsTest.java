package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.hotline.config.HotlineConfig;
import org.hotline.http.HttpApi;
import org.hotline.store.StoreLease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that serve HTTPS talk HTTPS to each other, trusting their configured certificate and nothing else. */
class StandbyOverHttpsTest {

    private static final Instant SINCE = Instant.parse("2026-12-06T06:00:00Z");
    @TempDir
    Path home;
    private final Vertx vertx = Vertx.vertx();
    // a browser that accepts the self-signed certificate (held here: a client no one holds is closed)
    private final io.vertx.core.http.HttpClient browser =
            vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theStandbyPassesRequestsOnOverHttpsToAnActiveServerWithTheSameCertificate() throws Exception {
        HotlineConfig.Tls tls = certificate("shared");
        int active = activeServer(tls);

        try (StandbyHealth standby = standby(tls, active)) {
            assertThat(get(standby)).isEqualTo("200 from the active server");
        }
    }

    @Test
    void anActiveServerWhoseCertificateThisOneDoesNotTrustIsNotTalkedTo() throws Exception {
        int active = activeServer(certificate("stranger"));

        try (StandbyHealth standby = standby(certificate("ours"), active)) {
            assertThat(get(standby)).startsWith("503 ");
        }
    }

    private StandbyHealth standby(HotlineConfig.Tls tls, int activePort) throws Exception {
        StoreLease.Holder holder = new StoreLease.Holder("server-a", "host-a", 101, SINCE, SINCE.plusSeconds(15), 7,
                "localhost:" + activePort);
        return StandbyHealth.start(new HotlineConfig.Http("127.0.0.1", 0, tls), () -> holder);
    }

    private int activeServer(HotlineConfig.Tls tls) throws Exception {
        return vertx.createHttpServer(HttpApi.serverOptions(new HotlineConfig.Http("127.0.0.1", 0, tls)))
                .requestHandler(request -> request.response().end("from the active server"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    }

    private String get(StandbyHealth standby) throws Exception {
        return browser.request(HttpMethod.GET, standby.port(), "127.0.0.1", "/web/desktop.html")
                .compose(request -> request.send().compose(response -> response.body()
                        .map(body -> response.statusCode() + " " + body)))
                .await(10, TimeUnit.SECONDS);
    }

    private HotlineConfig.Tls certificate(String name) throws Exception {
        Path key = home.resolve(name + "-key.pem");
        Path cert = home.resolve(name + "-cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        return new HotlineConfig.Tls(cert, key);
    }
}
