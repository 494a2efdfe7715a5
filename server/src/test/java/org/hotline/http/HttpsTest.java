package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server speaks TLS when given a certificate and key, and a bad pair stops start-up. */
class HttpsTest {

    @TempDir
    Path home;
    private final Vertx vertx = Vertx.vertx();

    @BeforeEach
    void aSelfSignedCertificateForLocalhost() throws Exception {
        Files.createDirectories(home.resolve("var/secrets"));
        Files.writeString(home.resolve("var/secrets/ami.secret"), "0123456789abcdef0123456789abcdef\n");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-keyout", home.resolve("key.pem").toString(),
                "-out", home.resolve("cert.pem").toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HotlineConfig load(String tls) throws Exception {
        Path file = home.resolve("hotline.yaml");
        Files.writeString(file, "company:\n  name: X\nhttp:\n  port: 0\n" + tls);
        return ConfigLoader.load(file, Map.of(), home);
    }

    @Test
    void givenACertificateAndKeyTheApiIsServedOverTls() throws Exception {
        HotlineConfig config = load("  tls:\n    certificate: cert.pem\n    key: key.pem\n");
        Router router = Router.router(vertx);
        router.get("/api/health").handler(ctx -> ctx.response().end("up"));
        int port = vertx.createHttpServer(HttpApi.serverOptions(config.http())).requestHandler(router)
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();

        var tlsClient = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
        var plainClient = vertx.createHttpClient();
        String body = tlsClient
                .request(HttpMethod.GET, port, "127.0.0.1", "/api/health")
                .compose(request -> request.send().compose(response -> response.body()))
                .await(10, TimeUnit.SECONDS).toString();
        assertThat(body).isEqualTo("up");
        // and plain HTTP to the same port gets nowhere
        assertThatThrownBy(() -> plainClient.request(HttpMethod.GET, port, "127.0.0.1", "/api/health")
                .compose(request -> request.send().compose(response -> response.body()))
                .await(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void withoutTlsSettingsItIsPlainHttp() throws Exception {
        assertThat(load("").http().tls()).isNull();
        assertThat(HttpApi.serverOptions(load("").http()).isSsl()).isFalse();
    }

    @Test
    void aHalfOrWrongPairStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> load("  tls:\n    certificate: cert.pem\n"))
                .hasMessageStartingWith("http.tls.key: HTTPS needs both");
        assertThatThrownBy(() -> load("  tls:\n    certificate: cert.pem\n    key: missing.pem\n"))
                .hasMessageStartingWith("http.tls.key: cannot read");
        assertThatThrownBy(() -> load("  tls:\n    certificate: key.pem\n    key: key.pem\n"))
                .hasMessageContaining("http.tls.certificate").hasMessageContaining("is not a PEM certificate");
    }
}
