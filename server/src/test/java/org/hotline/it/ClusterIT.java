package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/cluster} as an operator runs it: one command starts the store process, two Asterisk nodes
 * behind the front door and two servers; exactly one server is active and drives both nodes; a caller
 * through the front door is answered and recorded; {@code bin/cluster stop} leaves none of its processes
 * running.
 */
class ClusterIT {

    private static final Pattern PID = Pattern.compile("^(store|node \\w+|front door|server \\d+)\\s+up\\s+pid (\\d+)", Pattern.MULTILINE);
    private static final Duration START_LIMIT = Duration.ofSeconds(150);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dir;
    private boolean stopped;
    /** Every process the cluster runs (each piece and its children), with its start, to tell a reused pid. */
    private final Map<Long, String> started = new LinkedHashMap<>();
    private final Map<Long, Instant> startedAt = new LinkedHashMap<>();

    @Test
    void oneCommandStartsTheClusterACallIsAnsweredAndRecordedAndStopEndsEveryProcess() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "cl");
        Instant before = Instant.now();
        int base = start();
        Duration startTook = Duration.between(before, Instant.now());

        String status = cluster("status", "--dir", dir.toString());
        Matcher pids = PID.matcher(status);
        while (pids.find()) {
            remember(Long.parseLong(pids.group(2)), pids.group(1));
        }
        assertThat(started.values()).as("the pieces up, by bin/cluster status:\n%s", status)
                .contains("store", "node a", "node b", "front door", "server 1", "server 2");
        List<Long> pieces = List.copyOf(started.keySet());
        for (long pid : pieces) {
            ProcessHandle.of(pid).ifPresent(piece -> piece.descendants().forEach(child -> remember(child.pid(), started.get(pid) + " child")));
        }

        JsonObject first = health(base + 50);
        JsonObject second = health(base + 51);
        List<JsonObject> active = Stream.of(first, second).filter(h -> "active".equals(h.getJsonObject("lease").getString("role"))).toList();
        assertThat(active).as("exactly one active server: %s / %s", first, second).hasSize(1);
        assertThat(Stream.of(first, second).filter(h -> "standby".equals(h.getString("status")))).as("the other on standby").hasSize(1);
        assertThat(active.getFirst().getJsonObject("ami-a").getString("status")).as("node a on the active server").isEqualTo("up");
        assertThat(active.getFirst().getJsonObject("ami-b").getString("status")).as("node b on the active server").isEqualTo("up");
        int activePort = active.getFirst() == first ? base + 50 : base + 51;
        assertThat(status).contains("active server: " + (activePort - base - 49));

        ApiSession api = new ApiSession(activePort)
                .login("admin", Files.readString(dir.resolve("node-a/secrets/admin.password")).strip());
        Instant calling = Instant.now();
        JsonObject record;
        Map.Entry<String, Instant> invite;
        try (SippCallers caller = SippCallers.callFrontDoorAt(FrontDoor.ADDRESS + ":" + base, 1, 1, Duration.ofSeconds(3))) {
            caller.awaitAllCompleted(Duration.ofSeconds(40));
            assertThat(caller.invitesSent()).hasSize(1);
            invite = caller.invitesSent().entrySet().iterator().next();
            record = awaitOnlyRecord(api, calling);
        }
        String doorLog = SippCallers.readIfThere(dir.resolve("frontdoor/kamailio/kamailio.log"));
        Instant stamp = FrontDoor.stamps(doorLog).get(invite.getKey());
        assertThat(stamp).as("the front door stamped the call").isNotNull();
        String node = FrontDoor.sentTo(doorLog).get(invite.getKey());
        assertThat(record.getString("node")).as("recorded with the node the front door sent it to (%s)", node)
                .isEqualTo(node.equals("127.0.0.1:" + (base + 10)) ? "a" : "b");
        assertThat(Duration.between(stamp, Instant.parse(record.getString("arrivalAt"))).abs()).as("arrival: the front door's stamp")
                .isLessThanOrEqualTo(Duration.ofMillis(1)); // a record keeps milliseconds of the stamp's microseconds
        assertThat(record.getString("answeredAt")).as("answered").isNotNull();
        assertThat(record.getJsonObject("answer").getBoolean("withinRule")).as("within three rings").isTrue();
        Duration answeredAfter = Duration.between(stamp, Instant.parse(record.getString("answeredAt")));

        Instant stopping = Instant.now();
        cluster("stop", "--dir", dir.toString());
        stopped = true;
        Duration stopTook = Duration.between(stopping, Instant.now());
        // a parent other than bin/cluster reaps them: an ended process may linger a moment as a zombie
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(stillRunning()).as("processes of the cluster after bin/cluster stop").isEmpty());
        assertThat(cluster(3, "status", "--dir", dir.toString())).contains("active server: none");
        System.out.printf("cluster: 2 nodes, 2 servers, store process: started in %d ms; call %s answered %d ms after the front door's "
                        + "stamp on node %s, recorded by server %d; stopped in %d ms, %d processes (%d pieces) all gone%n",
                startTook.toMillis(), record.getString("id"), answeredAfter.toMillis(), record.getString("node"),
                activePort - base - 49, stopTook.toMillis(), started.size(), pieces.size());
    }

    /** Whatever the test did, nothing it started stays: leftovers are killed, and the test fails naming them. */
    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (dir == null) {
            return;
        }
        List<String> left = stillRunning();
        if (!stopped || !left.isEmpty()) { // a test that failed half-way, or a stop that missed something
            System.out.println("bin/cluster stop after the test:\n" + cluster(-1, "stop", "--dir", dir.toString()));
            for (String process : stillRunning()) {
                long pid = Long.parseLong(process.split(" ")[0]);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        assertThat(left).as("processes the cluster left running (killed now)").isEmpty();
    }

    /** Starts the cluster on a block of ports free at the moment (another run may hold one); returns its base. */
    private int start() throws Exception {
        for (int attempt = 0; ; attempt++) {
            // below the IT nodes' RTP blocks (20000+) and beside bin/cluster's own default (16000)
            int base = 12_000 + 500 * ThreadLocalRandom.current().nextInt(8);
            Run run = run(START_LIMIT, "start", "--nodes", "2", "--servers", "2", "--dir", dir.toString(), "--port-base", String.valueOf(base));
            if (run.status() == 0) {
                return base;
            }
            if (!run.output().contains("is in use") || attempt == 4) {
                throw new AssertionError("bin/cluster start failed (exit " + run.status() + "):\n" + run.output());
            }
        }
    }

    private JsonObject awaitOnlyRecord(ApiSession api, Instant from) {
        JsonObject[] found = new JsonObject[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonObject page = api.getJson("/api/calls?from=" + from.minusSeconds(1));
            if (page.getInteger("count", 0) != 1) {
                return false;
            }
            found[0] = page.getJsonArray("calls").getJsonObject(0);
            return found[0].getString("endedAt") != null && found[0].getJsonObject("flow") != null
                    && found[0].getJsonObject("flow").getString("outcome") != null;
        });
        return found[0];
    }

    private JsonObject health(int port) throws Exception {
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private void remember(long pid, String what) {
        started.putIfAbsent(pid, what);
        startedAt.putIfAbsent(pid, ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(Instant.EPOCH));
    }

    /** The cluster's processes still running (a zombie has ended; a pid reused since is not ours). */
    private List<String> stillRunning() {
        List<String> running = new ArrayList<>();
        started.forEach((pid, what) -> {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent() && process.get().isAlive() && !zombie(pid)
                    && process.get().info().startInstant().orElse(Instant.EPOCH).equals(startedAt.get(pid))) {
                running.add(pid + " " + what);
            }
        });
        return running;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    private String cluster(String... args) throws Exception {
        return cluster(0, args);
    }

    /** Runs bin/cluster; fails unless it exits with {@code expected} (-1: any). */
    private String cluster(int expected, String... args) throws Exception {
        Run run = run(Duration.ofSeconds(60), args);
        if (expected >= 0 && run.status() != expected) {
            throw new AssertionError("bin/cluster " + String.join(" ", args) + " exited " + run.status() + ", not " + expected + ":\n" + run.output());
        }
        return run.output();
    }

    private record Run(int status, String output) {
    }

    private static Run run(Duration limit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AsteriskSandbox.home().resolve("bin/cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.equals("MONGO_URI"));
        env.put("HOTLINE_HOME", AsteriskSandbox.home().toString());
        env.put("HOTLINE_HOURS", "00:00-24:00");
        env.put("HOTLINE_MESSAGES", "false"); // the flows as these tests know them (MessagesIT has messages)
        Process process = builder.start();
        // read as it comes, so a full pipe never holds the script up
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/cluster " + String.join(" ", args) + " did not finish within " + limit + ":\n"
                    + output.getNow("(no output yet)"));
        }
        return new Run(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }
}
