package org.hotline.http.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.http.live.SseClient.awaited;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.http.Viewers;
import org.hotline.http.live.LiveResource.Settings;
import org.hotline.http.live.SseClient.Event;
import org.hotline.live.LiveEvent;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live channel over a real HTTP server and client: what a desktop or a wall board sees. */
class LiveResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Set<AgentId> ROSTER = Set.of(new AgentId("010"), new AgentId("011"));
    /** Pings every ten minutes: none gets in the way of a test that is not about them. */
    private static final Settings QUIET = new Settings(Duration.ofMinutes(10), 1000, 200, 256 * 1024);

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(300));
    private final io.vertx.ext.web.client.WebClient web = io.vertx.ext.web.client.WebClient.create(vertx);
    private LiveResource live;
    private int port;

    @AfterEach
    void stop() {
        awaited(vertx.close());
    }

    // ------------------------------------------------------------------ the stream

    @Test
    void eventsArriveInTheOrderPublishedEachWithTheNextId() throws Exception {
        start(QUIET);
        try (SseClient board = open("/api/live")) {
            assertThat(board.header("content-type")).startsWith("text/event-stream");
            live.publish(agentState("010", "ready"));
            live.publish(offered("010", "13800000001"));
            live.publish(LiveEvent.forEveryone("queue-length", Map.of("waiting", 3), NOW));

            Event first = board.next();
            Event second = board.next();
            Event third = board.next();
            assertThat(List.of(first.type(), second.type(), third.type()))
                    .containsExactly("agent-state", "offered", "queue-length");
            assertThat(second.id()).isEqualTo(first.id() + 1);
            assertThat(third.id()).isEqualTo(second.id() + 1);
        }
    }

    @Test
    void theDataIsOneLineOfJsonWithTypeAgentTimeAndTheDetails() throws Exception {
        start(QUIET);
        try (SseClient board = open("/api/live")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caller", "13800000001");
            data.put("note", "line one\nline two"); // a line break must not split the data line
            data.put("vip", true);
            data.put("cases", List.of("A1", "A2"));
            live.publish(LiveEvent.forAgent("offered", "010", data, NOW));
            live.publish(LiveEvent.forEveryone("notice", Map.of("text", "fire drill at 3"), NOW));

            assertThat(board.next().data()).isEqualTo(new JsonObject()
                    .put("type", "offered").put("agent", "010").put("at", "2026-11-22T01:00:00Z")
                    .put("caller", "13800000001").put("note", "line one\nline two").put("vip", true)
                    .put("cases", new JsonArray().add("A1").add("A2")));
            assertThat(board.next().data()).isEqualTo(new JsonObject()
                    .put("type", "notice").put("agent", null).put("at", "2026-11-22T01:00:00Z")
                    .put("text", "fire drill at 3"));
        }
    }

    @Test
    void anAgentsDesktopGetsItsOwnEventsAndThoseForEveryoneButNotAnotherAgents() throws Exception {
        start(QUIET);
        try (SseClient desk010 = open("/api/live?agent=010"); SseClient board = open("/api/live")) {
            live.publish(offered("011", "for-011"));
            live.publish(offered("010", "for-010"));
            live.publish(LiveEvent.forEveryone("notice", Map.of("text", "for everyone"), NOW));

            assertThat(desk010.next().data().getString("caller")).isEqualTo("for-010");
            assertThat(desk010.next().data().getString("text")).isEqualTo("for everyone");
            assertThat(desk010.quietFor(Duration.ofMillis(300))).isTrue();

            assertThat(List.of(board.next().type(), board.next().type(), board.next().type()))
                    .as("a wall board gets the whole floor").containsExactly("offered", "offered", "notice");
        }
    }

    @Test
    void anAgentThatIsNotAnAgentIdIsA400NamingTheParameter() {
        start(QUIET);
        for (String query : List.of("agent=0-10", "agent=", "agent=010&agent=011", "agent=" + "1".repeat(17))) {
            Reply reply = get("/api/live?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.body().getString("error")).as(query).startsWith("agent: ");
        }
    }

    @Test
    void anAgentNotOnTheRosterIsA404() {
        start(QUIET);
        Reply reply = get("/api/live?agent=999");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().getString("error")).isEqualTo("no agent with that ID");
    }

    // ------------------------------------------------------------------ reconnecting

    @Test
    void aDesktopThatReconnectsWithLastEventIdGetsWhatItMissedThenLiveEvents() throws Exception {
        start(QUIET);
        long seen;
        try (SseClient desk = open("/api/live?agent=010")) {
            live.publish(offered("010", "before"));
            seen = desk.next().id();
        }
        live.publish(offered("010", "missed-1"));
        live.publish(offered("011", "not-mine"));
        live.publish(LiveEvent.forAgent("talk-time-warning", "010", Map.of("talkSeconds", 180), NOW));

        try (SseClient desk = open("/api/live?agent=010", String.valueOf(seen))) {
            Event missed = desk.next();
            assertThat(missed.data().getString("caller")).isEqualTo("missed-1");
            Event warning = desk.next();
            assertThat(warning.type()).isEqualTo("talk-time-warning");
            live.publish(offered("010", "live"));
            Event next = desk.next();
            assertThat(next.data().getString("caller")).isEqualTo("live");
            assertThat(List.of(seen, missed.id(), warning.id(), next.id())).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void onlyTheMostRecentEventsAreKeptForReplay() throws Exception {
        start(new Settings(Duration.ofMinutes(10), 5, 200, 256 * 1024));
        List<Long> ids = new ArrayList<>();
        try (SseClient board = open("/api/live")) {
            for (int n = 1; n <= 10; n++) {
                live.publish(LiveEvent.forEveryone("tick", Map.of("n", n), NOW));
            }
            for (int n = 1; n <= 10; n++) {
                ids.add(board.next().id());
            }
        }
        try (SseClient board = open("/api/live", String.valueOf(ids.get(0)))) {
            List<Integer> replayed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replayed.add(board.next().data().getInteger("n"));
            }
            assertThat(replayed).as("the last five kept").containsExactly(6, 7, 8, 9, 10);
            assertThat(board.quietFor(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void aDesktopConnectedBeforeARestartIsReplayedEverythingKept() throws Exception {
        start(QUIET);
        live.publish(offered("010", "after-restart-1"));
        live.publish(offered("010", "after-restart-2"));
        // An id given an hour before this start, by the previous run: ids start higher on every start.
        String previousRun = String.valueOf(NOW.minus(Duration.ofHours(1)).toEpochMilli() * 1000 + 42);
        try (SseClient desk = open("/api/live?agent=010", previousRun)) {
            assertThat(desk.next().data().getString("caller")).isEqualTo("after-restart-1");
            assertThat(desk.next().data().getString("caller")).isEqualTo("after-restart-2");
        }
    }

    // ------------------------------------------------------------------ keeping connections healthy

    @Test
    void anIdleConnectionGetsAPingCommentEveryHeartbeat() throws Exception {
        start(new Settings(Duration.ofMillis(100), 1000, 200, 256 * 1024));
        try (SseClient board = open("/api/live")) {
            assertThat(board.nextComment(Duration.ofSeconds(2))).isEqualTo(": ping");
            assertThat(board.nextComment(Duration.ofSeconds(2))).isEqualTo(": ping");
        }
    }

    @Test
    void aHundredConnectionsOpenedAndClosedLeaveNoSubscriberAndFreeEverySlot() throws Exception {
        start(new Settings(Duration.ofMinutes(10), 1000, 20, 256 * 1024));
        for (int i = 0; i < 100; i++) {
            open(i % 2 == 0 ? "/api/live" : "/api/live?agent=010").close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 0);

        List<SseClient> full = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            full.add(open("/api/live"));
        }
        assertThat(get("/api/live").status()).as("the 21st of 20").isEqualTo(503);
        full.forEach(SseClient::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 0);
    }

    @Test
    void beyondTheMaximumOfConnectionsANewOneGetsA503AndCanComeBackLater() throws Exception {
        start(new Settings(Duration.ofMinutes(10), 1000, 2, 256 * 1024));
        SseClient first = open("/api/live");
        try (SseClient second = open("/api/live")) {
            Reply refused = get("/api/live");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(refused.body().getString("error")).contains("too many live connections");

            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 1);
            open("/api/live").close();
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileAReadingOneGetsEveryEvent() throws Exception {
        int backlog = 64 * 1024;
        start(new Settings(Duration.ofMinutes(10), 1000, 200, backlog));
        try (Socket stalled = stalledClient(); SseClient board = open("/api/live")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == 2);

            String filler = "x".repeat(8 * 1024);
            int published = 0;
            // Events in bursts of 80 KB, each burst read by the board before the next (a busy floor, not a flood).
            while (subscribers() == 2 && published < 4_000) {
                for (int i = 0; i < 10; i++) {
                    live.publish(LiveEvent.forEveryone("bulk", Map.of("n", published + i, "filler", filler), NOW));
                }
                for (int i = 0; i < 10; i++) {
                    assertThat(board.next().data().getInteger("n")).isEqualTo(published + i);
                }
                published += 10;
            }
            assertThat(subscribers()).as("open streams after %d KB", published * 8).isEqualTo(1);
            assertThat(published * 8 * 1024).as("dropped within a few MB").isLessThan(16 * 1024 * 1024);

            live.publish(LiveEvent.forEveryone("bulk", Map.of("n", published), NOW));
            assertThat(board.next().data().getInteger("n")).as("the reading client carries on").isEqualTo(published);
            assertThat(closedByServer(stalled)).as("the stalled client's connection is closed").isTrue();
        }
    }

    @Test
    void publishersOnManyThreadsAtOnceLoseNothingAndKeepTheirOwnOrder() throws Exception {
        start(QUIET);
        try (SseClient board = open("/api/live")) {
            List<Thread> publishers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                publishers.add(Thread.ofVirtual().start(() -> {
                    for (int n = 0; n < 250; n++) {
                        live.publish(LiveEvent.forEveryone("tick", Map.of("thread", thread, "n", n), NOW));
                    }
                }));
            }
            vertx.runOnContext(ignored -> live.publish(LiveEvent.forEveryone("from-event-loop", Map.of(), NOW)));
            for (Thread publisher : publishers) {
                publisher.join();
            }

            Map<Integer, Integer> nextPerThread = new HashMap<>();
            long lastId = Long.MIN_VALUE;
            for (int i = 0; i < 1001; i++) {
                Event event = board.next();
                assertThat(event.id()).isGreaterThan(lastId);
                lastId = event.id();
                if (event.type().equals("tick")) {
                    int thread = event.data().getInteger("thread");
                    assertThat(event.data().getInteger("n")).isEqualTo(nextPerThread.merge(thread, 1, Integer::sum) - 1);
                }
            }
            assertThat(nextPerThread).containsOnlyKeys(0, 1, 2, 3).allSatisfy((thread, count) -> assertThat(count).isEqualTo(250));
        }
    }

    // ------------------------------------------------------------------ screen pop

    @Test
    void theAgentsLatestScreenPopIsKeptForADesktopOpenedMidRing() {
        start(QUIET);
        Reply none = get("/api/agents/010/screen-pop");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().getString("error")).isEqualTo("no screen pop for agent 010");

        live.publish(offered("010", "first ring"));
        live.publish(LiveEvent.forAgent("screen-pop", "010", Map.of("caller", "13800000002", "customer", "Ms Li"), NOW));
        live.publish(agentState("010", "offered")); // not a screen pop: it does not replace one
        live.publish(offered("011", "for 011"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reply pop = get("/api/agents/010/screen-pop");
            assertThat(pop.status()).isEqualTo(200);
            assertThat(pop.body()).isEqualTo(new JsonObject().put("type", "screen-pop").put("agent", "010")
                    .put("at", "2026-11-22T01:00:00Z").put("caller", "13800000002").put("customer", "Ms Li"));
        });
        assertThat(get("/api/agents/011/screen-pop").body().getString("caller")).isEqualTo("for 011");
        assertThat(get("/api/agents/999/screen-pop").status()).isEqualTo(404);
        assertThat(get("/api/agents/0-1/screen-pop").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private void start(Settings settings) {
        start(settings, null);
    }

    /** As the access guard leaves it: the request's viewer known to the resource. */
    private void start(Settings settings, org.hotline.access.Viewer viewer) {
        start(settings, viewer, () -> true);
    }

    private void start(Settings settings, org.hotline.access.Viewer viewer, java.util.function.BooleanSupplier loggedIn) {
        live = new LiveResource(vertx.getOrCreateContext(), ROSTER::contains, CLOCK, settings);
        Router router = Router.router(vertx);
        if (viewer != null) {
            router.route().handler(ctx -> {
                Viewers.put(ctx, viewer, loggedIn);
                ctx.next();
            });
        }
        live.mount(router);
        port = awaited(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    }

    // ------------------------------------------------------------------ who is watching

    @Test
    void anAgentFollowsOnlyTheirOwnDeskAndSeesCallersNumbersMasked() throws Exception {
        start(QUIET, new org.hotline.access.Viewer("li.na", org.hotline.access.Role.AGENT, new AgentId("010")));
        assertThat(get("/api/live?agent=011").status()).isEqualTo(403);
        try (SseClient desk = open("/api/live")) {
            live.publish(offered("011", "+8613900000099"));
            live.publish(offered("010", "+8613800138000"));
            Event mine = desk.next();
            assertThat(mine.data().getString("agent")).isEqualTo("010");
            assertThat(mine.data().getString("caller")).isEqualTo("138****8000");
            assertThat(mine.data().encode()).doesNotContain("13800138000");
        }
        assertThat(get("/api/agents/010/screen-pop").body().getString("caller")).isEqualTo("138****8000");
    }

    @Test
    void aStreamEndsAtTheNextHeartbeatOnceItsViewersSessionHasEnded() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean loggedIn = new java.util.concurrent.atomic.AtomicBoolean(true);
        start(new Settings(Duration.ofMillis(100), 1000, 200, 256 * 1024),
                new org.hotline.access.Viewer("team.lead", org.hotline.access.Role.SUPERVISOR, null), loggedIn::get);
        try (SseClient board = open("/api/live")) {
            assertThat(board.nextComment(Duration.ofSeconds(2))).isEqualTo(": ping");
            loggedIn.set(false); // logged out, or the session expired
            await().atMost(Duration.ofSeconds(3)).until(board::ended);
            await().atMost(Duration.ofSeconds(3)).until(() -> subscribers() == 0);
        }
    }

    @Test
    void aSupervisorSeesTheWholeFloorWithFullNumbers() throws Exception {
        start(QUIET, new org.hotline.access.Viewer("team.lead", org.hotline.access.Role.SUPERVISOR, null));
        try (SseClient board = open("/api/live")) {
            live.publish(offered("011", "+8613900000099"));
            assertThat(board.next().data().getString("caller")).isEqualTo("+8613900000099");
        }
    }

    private int subscribers() {
        return awaited(live.subscribers());
    }

    private SseClient open(String uri) {
        return open(uri, null);
    }

    private SseClient open(String uri, String lastEventId) {
        return SseClient.open(http, port, uri, lastEventId);
    }

    private record Reply(int status, String contentType, JsonObject body) {
    }

    private Reply get(String uri) {
        // WebClient reads the whole body itself: a short answer can never end before its reader is set
        return awaited(web.get(port, "127.0.0.1", uri).send().map(response ->
                new Reply(response.statusCode(), response.getHeader("content-type"), response.bodyAsJsonObject())));
    }

    private static LiveEvent offered(String agent, String caller) {
        return LiveEvent.forAgent("offered", agent, Map.of("caller", caller), NOW);
    }

    private static LiveEvent agentState(String agent, String state) {
        return LiveEvent.forAgent("agent-state", agent, Map.of("state", state), NOW);
    }

    /** Asks for the stream and never reads a byte of it, with a small receive window. */
    private Socket stalledClient() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write("GET /api/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads what is left until the server's close shows (end of stream or reset). */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[64 * 1024];
        try {
            while (in.read(chunk) >= 0) {
                // what the kernel had buffered before the close
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
