package org.hotline.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

/**
 * The agent desktop and the supervisor console: static files from the classpath folder
 * {@code web/} under {@code /web/*}, the chart library from its WebJar under {@code /web/lib/},
 * and {@code GET /} sending the browser to the login page.
 *
 * <p>Every answer here carries headers that keep the pages to themselves: scripts only from files
 * of this server (an injected {@code <script>} never runs), no framing (no click-jacking), no
 * guessing of content types, no referrer leaking a page's query to another site.
 */
final class WebPages {

    /** connect-src: the pages' own server, and the browser phone's secure WebSocket to Asterisk (another port or host). */
    static final String CSP = "default-src 'self'; script-src 'self'; connect-src 'self' wss:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** What the WebJar brings that the pages use; nothing else of it is served. */
    private static final Set<String> LIBRARIES = Set.of("chart.umd.js");
    private static final String CHART_JS = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    /** The library's file name carries no version, so the browser keeps it a day, not for ever. */
    private static final long LIBRARY_MAX_AGE = 24 * 3600;

    private WebPages() {
    }

    /**
     * The routes take any method (the static handlers answer GET and HEAD and pass the rest on to
     * the 404), so they stay out of the list of the API's routes that the HTTP contract and the
     * access rules are checked against.
     */
    static void mount(Router router) {
        router.route("/").handler(ctx -> {
            if (!reading(ctx)) {
                ctx.next();
                return;
            }
            secure(ctx);
            ctx.response().setStatusCode(302).putHeader("location", "/web/login.html").end();
        });
        router.route("/web/*").handler(ctx -> {
            secure(ctx);
            ctx.next();
        });
        router.route("/web/lib/*").handler(ctx -> {
            if (LIBRARIES.contains(ctx.normalizedPath().substring("/web/lib/".length()))) {
                ctx.next();
            } else {
                new ApiError(404, "no such resource").send(ctx.response());
            }
        });
        router.route("/web/lib/*").handler(StaticHandler.create("META-INF/resources/webjars/chart.js/" + version(CHART_JS) + "/dist")
                .setCachingEnabled(true).setMaxAgeSeconds(LIBRARY_MAX_AGE).setDirectoryListing(false));
        // Pages and scripts change with every release and have no version in their names: the
        // browser keeps them but asks each time (a 304 when unchanged), so an upgrade shows at once.
        router.route("/web/*").handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set("cache-control", "no-cache"));
            ctx.next();
        });
        router.route("/web/*").handler(StaticHandler.create("web").setCachingEnabled(true).setDirectoryListing(false)
                .setIndexPage("login.html"));
    }

    private static boolean reading(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
    }

    private static void secure(RoutingContext ctx) {
        ctx.response().headers()
                .set("content-security-policy", CSP)
                .set("x-content-type-options", "nosniff")
                .set("x-frame-options", "DENY")
                .set("referrer-policy", "no-referrer");
    }

    /** The version of a WebJar on the classpath, from the pom.properties Maven puts in every jar. */
    static String version(String pomProperties) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException(pomProperties + " is not on the classpath: the web pages' library is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
