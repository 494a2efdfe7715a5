package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages and their library are served from the classpath, with headers that keep them to themselves. */
class WebPagesTest {

    private ResourceFixture http;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture().serve(router -> {
            WebPages.mount(router);
            router.route().last().handler(ctx -> new ApiError(404, "no such resource").send(ctx.response()));
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void theSiteRootSendsTheBrowserToTheLoginPage() throws Exception {
        HttpResponse<Buffer> root = noRedirects("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.getHeader("location")).isEqualTo("/web/login.html");
    }

    @Test
    void aPageComesWithItsSecurityHeadersAndIsRevalidatedRatherThanKeptStale() throws Exception {
        HttpResponse<Buffer> page = http.get("/web/login.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("content-type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("id=\"login\"");
        assertThat(page.getHeader("content-security-policy")).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.getHeader("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.getHeader("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("cache-control")).isEqualTo("no-cache");

        HttpResponse<Buffer> again = http.client().get(http.port(), "127.0.0.1", "/web/login.html")
                .putHeader("if-modified-since", page.getHeader("last-modified")).send().await(10, TimeUnit.SECONDS);
        assertThat(again.statusCode()).as("unchanged: not sent again").isEqualTo(304);
    }

    @Test
    void theChartLibraryComesFromItsWebJarAndNothingElseOfTheJarIsServed() throws Exception {
        HttpResponse<Buffer> library = http.get("/web/lib/chart.umd.js");

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.getHeader("content-type")).contains("javascript");
        assertThat(library.bodyAsString()).contains("Chart.js v" + WebPages.version(
                "META-INF/maven/org.webjars.npm/chart.js/pom.properties"));
        assertThat(library.getHeader("cache-control")).contains("max-age=86400");
        assertThat(library.getHeader("content-security-policy")).isEqualTo(WebPages.CSP);
        assertThat(http.get("/web/lib/chart.umd.js.map").statusCode()).isEqualTo(404);
        assertThat(http.get("/web/lib/helpers.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theBrowserPhonesSipLibraryIsServedFromHereExactlyAsPinned() throws Exception {
        java.util.List<String> pin;
        try (var in = WebPagesTest.class.getClassLoader().getResourceAsStream("web/vendor/jssip.pin")) {
            pin = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("bundle ")).toList();
        }
        assertThat(pin).as("one pinned bundle").hasSize(1);
        String[] bundle = pin.get(0).split(" ");
        assertThat(bundle[1]).isEqualTo("jssip-3.13.8.min.js");

        HttpResponse<Buffer> served = http.get("/web/vendor/" + bundle[1]);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.getHeader("content-type")).contains("javascript");
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(served.body().getBytes()))).as("the served file is the pinned bundle").isEqualTo(bundle[3]);
        assertThat(served.bodyAsString()).contains("version:\"3.13.8\"");
        assertThat(served.getHeader("content-security-policy")).contains("connect-src 'self' wss:");
    }

    @Test
    void nothingOutsideTheWebFolderIsServed() throws Exception {
        assertThat(http.get("/web/../logback.xml").statusCode()).isEqualTo(404);
        assertThat(http.get("/web/%2e%2e/logback.xml").statusCode()).isEqualTo(404);
        assertThat(http.get("/web/no-such-page.html").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpMethod.POST, "/web/login.html", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<Buffer> noRedirects(String uri) throws Exception {
        return http.client().get(http.port(), "127.0.0.1", uri).followRedirects(false).send().await(10, TimeUnit.SECONDS);
    }
}
