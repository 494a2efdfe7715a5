package org.hotline.it;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Two server processes on one store and one Asterisk, the dialplan asking the first, then the
 * second, for every script: the first starts active, the second on standby.
 */
final class ServerPair implements AutoCloseable {

    private final AsteriskSandbox asterisk;
    private final String database;
    private final String name;
    private final Path dirs;
    private final int agiSecond;
    private final String servers;
    final ServerProcess first;
    private ServerProcess second;

    private ServerPair(AsteriskSandbox asterisk, String database, String name, Path dirs, int agiSecond, String servers,
                       ServerProcess first) {
        this.asterisk = asterisk;
        this.database = database;
        this.name = name;
        this.dirs = dirs;
        this.agiSecond = agiSecond;
        this.servers = servers;
        this.first = first;
    }

    /** Starts the first server and waits until it is healthy (it writes the agents' SIP accounts). */
    static ServerPair startFirst(AsteriskSandbox asterisk, String database, String name) throws Exception {
        Path dirs = Files.createTempDirectory(Path.of("/tmp"), name.substring(0, 2));
        int agiFirst = FreePorts.tcp();
        int agiSecond = FreePorts.tcp();
        String servers = "127.0.0.1:" + agiFirst + ",127.0.0.1:" + agiSecond;
        ServerProcess first = ServerProcess.start(asterisk, database, name + "-a", Map.of("HOTLINE_AGI_PORT", String.valueOf(agiFirst),
                "HOTLINE_AGI_SERVERS", servers, "HOTLINE_DATA_DIR", dirs.resolve("a").toString()), true);
        return new ServerPair(asterisk, database, name, dirs, agiSecond, servers, first);
    }

    /** Starts the second server, which finds the lease held and stays on standby. */
    ServerProcess startStandby() throws Exception {
        second = ServerProcess.start(asterisk, database, name + "-b", Map.of("HOTLINE_AGI_PORT", String.valueOf(agiSecond),
                "HOTLINE_AGI_SERVERS", servers, "HOTLINE_DATA_DIR", dirs.resolve("b").toString()), false);
        return second;
    }

    /** Waits until the standby has taken over (healthy), logs in there, and returns how long since {@code from}. */
    Duration awaitTakeOver(Instant from, Duration atMost) throws Exception {
        ServerProcess standby = second;
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                return "up".equals(standby.healthJson().getString("status"));
            } catch (Exception notYet) {
                return false;
            }
        });
        Duration taken = Duration.between(from, Instant.now());
        standby.login(database);
        return taken;
    }

    @Override
    public void close() throws Exception {
        try {
            first.close();
        } finally {
            try {
                if (second != null) {
                    second.close();
                }
            } finally {
                try (java.util.stream.Stream<Path> files = Files.walk(dirs)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
